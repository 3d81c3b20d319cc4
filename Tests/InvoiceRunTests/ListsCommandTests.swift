import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// Invoice lists end to end: `invoicerun lists --date D` after the sample run.
@Suite(.serialized)
struct ListsCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func listsCollectEachPayersInvoicesOnceAndWriteTextXMLAndCSV() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        let invoices = try StoredInvoices(tool)
        // CA-200011 pays in installments, CA-100001 does not.
        let installments = try invoices.number(.invoice, account: "CA-200011")
        let single = try invoices.number(.invoice, account: "CA-100001")
        // The stored schedule prints again as the run printed it, marked COPY instead of ORIGINAL.
        let schedule = try tool.run(["plan", "installments", installments, "--store", "s.sqlite"])
        let original = String(
            decoding: try #require(try tool.tree("out/RUN-000001")["installments/\(installments).txt"]),
            as: UTF8.self)
        #expect(schedule.output.split(separator: "\n").dropFirst() == original.split(separator: "\n").dropFirst())
        #expect(schedule.output.hasPrefix("INSTALLMENT PLAN \(installments)") && schedule.output.contains("COPY\n"))
        let csv = try tool.run(["plan", "installments", installments, "--store", "s.sqlite", "--format", "csv"])
        #expect(csv.output.hasSuffix("3,33.34,2027-02-12,1032.46\r\n"))
        let none = try tool.run(["plan", "installments", single, "--store", "s.sqlite"])
        #expect(none.status == 64)
        #expect(none.error.contains("invoice \(single) is not paid in installments (payment terms NT14)"))
        let simulated = try tool.run(["lists", "--date", "2026-11-30", "--store", "s.sqlite", "--simulate"])
        #expect(simulated.output.contains("2 invoice lists would be made on 2026-11-30"), "\(simulated.output)")
        let lists = try tool.run(["lists", "--date", "2026-11-30", "--store", "s.sqlite", "--output", "out"])
        #expect(lists.status == 0, "\(lists.error)")
        #expect(
            lists.output.hasPrefix(
                """
                IL-1000-2026-000001  invoices  CA-100011  2026-11-30  1 documents  total 3609.35 EUR  due 2026-12-14
                IL-2000-2026-000001  invoices  CA-200011  2026-11-30  1 documents  total 3096.76 GBP  due 2027-02-12
                2 invoice lists made on 2026-11-30
                """))
        let outputs = try tool.tree("out/LISTS-2026-11-30")
        #expect(
            outputs.keys.sorted() == [
                "lists.csv", "lists/IL-1000-2026-000001.txt", "lists/IL-1000-2026-000001.xml",
                "lists/IL-2000-2026-000001.txt", "lists/IL-2000-2026-000001.xml",
            ])
        // The list and installment schedule XML validate against their XSDs.
        let validate = try tool.run([
            "validate", tool.url("out/LISTS-2026-11-30/lists/IL-1000-2026-000001.xml").path,
            tool.url("out/RUN-000001/installments/\(installments).xml").path,
        ])
        #expect(validate.status == 0, "\(validate.output)\(validate.error)")
        #expect(validate.output.contains("valid InvoiceList") && validate.output.contains("valid InstallmentSchedule"))
        // A repeated or later run lists nothing again: every invoice is on one list only.
        let again = try tool.run(["lists", "--date", "2026-12-15", "--store", "s.sqlite", "--output", "out"])
        #expect(again.output == "0 invoice lists made on 2026-12-15\n")
    }

    @Test func aFactoringDiscountIsPostedPerListAndWrittenWithTheList() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        _ = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        // Each discount is posted with the next FI document of its company code.
        let ran = try StoredInvoices(tool)
        let lists = try tool.run([
            "lists", "--date", "2026-11-30", "--store", "s.sqlite", "--output", "out", "--factoring-discount", "2.5",
        ])
        #expect(lists.status == 0, "\(lists.error)")
        // 3609.35 × 2.5 % = 90.23375 → 90.23; 3096.76 × 2.5 % = 77.419 → 77.42.
        #expect(lists.output.contains("discount 90.23 EUR (\(ran.next(in: "FI-1000-2026")))  payable 3519.12 EUR"))
        #expect(lists.output.contains("discount 77.42 GBP (\(ran.next(in: "FI-2000-2026")))  payable 3019.34 GBP"))
        let outputs = try tool.tree("out/LISTS-2026-11-30")
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        #expect(postings.split(separator: "\r\n").count == 5)
        let bad = try tool.run(["lists", "--date", "2026-11-30", "--store", "s.sqlite", "--factoring-discount", "x"])
        #expect(bad.status == 64)
        #expect(bad.error.contains("--factoring-discount x is not a percentage from 0 to 100"))
    }

    @Test func aListedInvoiceStaysOnItsListAndItsCancellationGoesOnTheNextCreditList() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        _ = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        let invoices = try StoredInvoices(tool)
        // The invoices of the two accounts with an invoice-list calendar.
        let early = try invoices.number(.invoice, account: "CA-200011")
        let late = try invoices.number(.invoice, account: "CA-100011")
        // Cancelled before any list took it: neither the invoice nor its cancellation is listed.
        let earlyCancel = try tool.run([
            "cancel", early, "--date", "2026-11-30", "--store", "s.sqlite", "--output", "out",
        ])
        #expect(earlyCancel.status == 0, "\(earlyCancel.error)")
        #expect(!earlyCancel.output.contains("stays on invoice list"))
        let lists = try tool.run(["lists", "--date", "2026-11-30", "--store", "s.sqlite", "--output", "out"])
        #expect(lists.output.hasPrefix("IL-1000-2026-000001  invoices  CA-100011"), "\(lists.output)")
        #expect(lists.output.contains("1 invoice lists made on 2026-11-30"))
        // Cancelled after: the invoice stays on its list, the cancellation goes on the next credit list.
        let lateCancel = try tool.run([
            "cancel", late, "--date", "2026-12-01", "--store", "s.sqlite", "--output", "out",
        ])
        #expect(lateCancel.status == 0, "\(lateCancel.error)")
        #expect(
            lateCancel.output.contains(
                "\(late) stays on invoice list IL-1000-2026-000001; CN-1000-2026-000001 goes on the next "
                    + "credit list of CA-100011"))
        let credits = try tool.run(["lists", "--date", "2026-12-31", "--store", "s.sqlite", "--output", "out"])
        #expect(
            credits.output.hasPrefix(
                "IL-1000-2026-000002  credits  CA-100011  2026-12-31  1 documents  total -3609.35 EUR"),
            "\(credits.output)")
        #expect(credits.output.contains("1 invoice lists made on 2026-12-31"))
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        let violations = try store.invariantViolations()
        #expect(violations == [], "\(violations)")
    }
}
