import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// The samples' special invoices end to end: the document kinds listed, delivery line statuses
/// and the advance in the flow, the refusals, and a corrective invoice after a cancellation.
@Suite(.serialized)
struct SpecialInvoiceCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    /// Runs again on 2026-12-01, after a cancellation re-opened CA-100012's orders: the listing
    /// of `invoices`, the store's invoices and the number of the account's corrective invoice.
    private static func rerunForTheCorrectiveInvoice(
        _ tool: CommandLineTool
    ) throws -> (listing: String, invoices: StoredInvoices, corrective: String) {
        let rerun = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"])
        #expect(rerun.status == 0, "\(rerun.error)")
        let listing = try tool.run(["invoices", "--store", "s.sqlite"]).output
        let invoices = try StoredInvoices(tool)
        return (listing, invoices, try invoices.number(.corrective, account: "CA-100012"))
    }

    @Test func theSampleRunMakesEveryDocumentKindAndACancellationLeadsToACorrectiveInvoice() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        let invoices = try StoredInvoices(tool)
        let advance = try invoices.number(.advance, account: "CA-100012")
        let prepayment = try invoices.number(.prepayment, account: "CA-100012")
        let summary = try invoices.number(.summary, account: "CA-100012")
        let proFormaNumber = try invoices.number(.proForma, account: "CA-100012")
        let log = String(decoding: try #require(try tool.tree("out/RUN-000001")["run.log"]), as: UTF8.self)
        // The final invoice of the delivery the advance was made for.
        let final = try StoredInvoices.number(invoicing: "VBRK-90004720(items 10 20)", inLog: log)
        #expect(run.output.contains("Pro forma invoices (no number, not posted): \(proFormaNumber)\n"))
        let listing = try tool.run(["invoices", "--store", "s.sqlite"]).output
        for line in [
            invoices.listed(advance) + "  ADVANCE       2026-11-30  CA-100012  1190.00 EUR  RUN-000001",
            invoices.listed(prepayment) + "  PREPAYMENT    2026-11-30  CA-100012  5355.00 EUR  RUN-000001",
            invoices.listed(final) + "  INVOICE       2026-11-30  CA-100012  2068.82 EUR  RUN-000001",
            invoices.listed(summary) + "  SUMMARY       2026-11-30  CA-100012  351.41 EUR  RUN-000001",
            invoices.listed(proFormaNumber) + "  PRO_FORMA     2026-11-30  CA-100012  570.84 EUR  RUN-000001",
        ] {
            #expect(listing.contains(line + "\n"), "\(listing)")
        }
        let outputs = try tool.tree("out/RUN-000001")
        #expect(outputs["invoices/\(proFormaNumber).ubl.xml"] == nil)  // CA-100012 takes UBL, but not of a pro forma
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        #expect(!postings.contains("PF-RUN"))

        let flow = try tool.run(["show", final, "--store", "s.sqlite", "--flow"]).output
        #expect(
            flow.contains(
                "  80004720     VBRK-90004720        item 20    M-1011     80 ledgers updated  \(final)\n"))
        #expect(flow.contains("    deducts advance \(advance) 1190.00 EUR\n"))
        let advanceFlow = try tool.run(["show", advance, "--store", "s.sqlite", "--flow"]).output
        #expect(advanceFlow.contains("    deducted by the final invoice \(final)\n"))

        let refused = try tool.run([
            "cancel", advance, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(refused.status == 1)
        #expect(refused.error.contains("deducted by the final invoice \(final)"))
        let proForma = try tool.run([
            "cancel", proFormaNumber, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(proForma.status == 1)
        let cancelled = try tool.run([
            "cancel", final, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        let back = try tool.run(["show", final, "--store", "s.sqlite", "--flow"]).output
        #expect(back.contains("M-1011     60 delivered"), "\(back)")

        let (after, afterwards, corrective) = try Self.rerunForTheCorrectiveInvoice(tool)
        #expect(
            after.contains(
                afterwards.listed(corrective) + "  CORRECTIVE    2026-12-01  CA-100012  2068.82 EUR  RUN-000003\n"))
        let print = try tool.run(["show", corrective, "--store", "s.sqlite"]).output
        #expect(print.hasPrefix("KORRIGIERTE RECHNUNG \(corrective)"))
        #expect(print.contains("abzüglich \(advance)"))
        #expect(print.contains("Referenz: \(final)"))
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        #expect(try store.invariantViolations() == [])
    }

    @Test func oneDeliveryWithAnItemOfASeparateMaterialGroupGivesTwoInvoicesAndACancellationReopensItsItems() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        let log = String(decoding: try #require(try tool.tree("out/RUN-000001")["run.log"]), as: UTF8.self)
        // The delivery's items 10 and 20 are one invoice, item 30 (of a separate material group) another.
        let first = try StoredInvoices.number(invoicing: "VBRK-90004720(items 10 20)", inLog: log)
        let second = try StoredInvoices.number(invoicing: "VBRK-90004720(items 30)", inLog: log)
        #expect(first != second)
        let flow = try tool.run(["show", second, "--store", "s.sqlite", "--flow"]).output
        for line in [
            "  VBRK-90004720        VBRK   order invoiced by \(first), items 10, 20\n",
            "  VBRK-90004720        VBRK   order invoiced by \(second), items 30\n",
            "  80004720     VBRK-90004720        item 30    M-1091     80 ledgers updated  \(second)\n",
        ] {
            #expect(flow.contains(line), "\(flow)")
        }

        let cancelled = try tool.run([
            "cancel", second, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        #expect(cancelled.output.contains("1 invoicing order open again for VBRK-90004720\n"))
        let cancellation = try StoredInvoices(tool).number(.cancellation, account: "CA-100012")
        let reopened = try tool.run(["show", first, "--store", "s.sqlite", "--flow"]).output
        #expect(reopened.contains("order open, re-created by \(cancellation), items 30\n"), "\(reopened)")
        #expect(reopened.contains("item 20    M-1011     80 ledgers updated  \(first)\n"))
        #expect(reopened.contains("item 30    M-1091     60 delivered"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])

        // The corrective invoice bills item 30 only.
        let (after, afterwards, corrective) = try Self.rerunForTheCorrectiveInvoice(tool)
        #expect(
            after.contains(
                afterwards.listed(corrective) + "  CORRECTIVE    2026-12-01  CA-100012  1666.00 EUR  RUN-000003\n"))
        #expect(
            after.contains(
                afterwards.listed(first) + "  INVOICE       2026-11-30  CA-100012  2068.82 EUR  RUN-000001\n"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])
    }
}
