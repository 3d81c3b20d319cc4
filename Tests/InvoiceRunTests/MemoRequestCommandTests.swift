import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// `invoicerun approve` and `reject` end to end on the samples' credit memo requests.
@Suite(.serialized)
struct MemoRequestCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func approvedRequestsBecomeCreditMemosOfTheirInvoicesInTheNextRun() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let first = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(first.status == 0, "\(first.error)")
        // The invoices the two credit memo requests refer to.
        let invoices = try StoredInvoices(tool)
        let hours = try invoices.number(.invoice, account: "CA-100005")
        let price = try invoices.number(.invoice, account: "CA-100006")
        let approved = try tool.run(["approve", "CMR-2026-0001", "--reason", "hour not worked", "--store", "s.sqlite"])
        #expect(approved.status == 0, "\(approved.error)")
        #expect(approved.output.hasPrefix("CMR-2026-0001 approved by "))
        #expect(try tool.run(["approve", "CMR-2026-0002", "--store", "s.sqlite"]).status == 0)
        #expect(try tool.run(["approve", "DMR-2026-0001", "--store", "s.sqlite"]).status == 0)
        // Only the requests' accounts: the samples' billing plans bill other accounts on that date.
        let run = try tool.run([
            "run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01", "--account", "CA-100005",
            "--account", "CA-100006", "--account", "CA-200002",
        ])
        #expect(run.status == 0, "\(run.error)")
        #expect(
            run.output.contains("Invoices: CM-1000-2026-000001 … 000002 (2), DM-2000-2026-000001\n"), "\(run.output)")
        #expect(run.output.contains("GBP  net 21.00  tax 4.20  gross 25.20  (1 invoices)"))
        #expect(run.output.contains("EUR  net -253.20  tax -48.11  gross -301.31  (2 invoices)"))
        let outputs = try tool.tree("out/RUN-000002")
        let memo = String(decoding: try #require(outputs["invoices/CM-1000-2026-000001.txt"]), as: UTF8.self)
        #expect(memo.hasPrefix("GUTSCHRIFT CM-1000-2026-000001"))
        #expect(memo.contains("Referenz: \(hours)"))
        #expect(memo.contains("Gutschriftsbetrag      -101,15 EUR"))
        let flow = try tool.run(["show", price, "--store", "s.sqlite", "--flow"]).output
        #expect(flow.contains("  └ CM-1000-2026-000002  CREDIT_MEMO   2026-12-01      -200.16 EUR"), "\(flow)")
        #expect(flow.contains("from request CMR-2026-0002, approved by "))
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        #expect(try store.invariantViolations() == [])
        #expect(try store.numberRanges()["CM-1000-2026"] == 2)
        #expect(try store.numberRanges()["DM-2000-2026"] == 1)
    }

    @Test func aRejectedRequestIsNotInvoicedAndCannotBeApprovedLater() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try tool.run(["import", Self.samples, "--store", "s.sqlite"]).status == 0)
        let rejected = try tool.run(["reject", "CMR-2026-0002", "--reason", "price was right", "--store", "s.sqlite"])
        #expect(rejected.status == 0, "\(rejected.error)")
        let approve = try tool.run(["approve", "CMR-2026-0002", "--store", "s.sqlite"])
        #expect(approve.status == 1)
        #expect(approve.error.hasPrefix("error: CMR-2026-0002 was rejected by "))
        let notARequest = try tool.run(["approve", "INVBI-2026-0001", "--store", "s.sqlite"])
        #expect(notARequest.status == 1)
        #expect(
            notARequest.error
                == "error: INVBI-2026-0001 has category INVBI; only credit or debit memo requests are approved\n")
        let listing = try tool.run(["invoices", "--store", "s.sqlite"]).output
        #expect(listing.hasSuffix("0 invoices; invoicing orders: 43 open, 0 invoiced\n"), "\(listing)")
    }
}
