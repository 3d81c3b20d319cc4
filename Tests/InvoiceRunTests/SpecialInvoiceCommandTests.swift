import Foundation
import InvoiceStore
import Testing

/// The samples' special invoices end to end: the document kinds listed, delivery line statuses
/// and the advance in the flow, the refusals, and a corrective invoice after a cancellation.
@Suite(.serialized)
struct SpecialInvoiceCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func theSampleRunMakesEveryDocumentKindAndACancellationLeadsToACorrectiveInvoice() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Pro forma invoices (no number, not posted): PF-RUN-000001-44\n"))
        let listing = try tool.run(["invoices", "--store", "s.sqlite"]).output
        for line in [
            "IN-1000-2026-000012  ADVANCE       2026-11-30  CA-100012  1190.00 EUR  RUN-000001",
            "IN-1000-2026-000013  PREPAYMENT    2026-11-30  CA-100012  5355.00 EUR  RUN-000001",
            "IN-1000-2026-000014  INVOICE       2026-11-30  CA-100012  2068.82 EUR  RUN-000001",
            "IN-1000-2026-000016  SUMMARY       2026-11-30  CA-100012  351.41 EUR  RUN-000001",
            "PF-RUN-000001-44     PRO_FORMA     2026-11-30  CA-100012  570.84 EUR  RUN-000001",
        ] {
            #expect(listing.contains(line + "\n"), "\(listing)")
        }
        let outputs = try tool.tree("out/RUN-000001")
        #expect(outputs["invoices/PF-RUN-000001-44.ubl.xml"] == nil)  // CA-100012 takes UBL, but not of a pro forma
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        #expect(!postings.contains("PF-RUN"))

        let flow = try tool.run(["show", "IN-1000-2026-000014", "--store", "s.sqlite", "--flow"]).output
        #expect(
            flow.contains(
                "  80004720     VBRK-90004720        item 20    M-1011     80 ledgers updated  IN-1000-2026-000014\n"))
        #expect(flow.contains("    deducts advance IN-1000-2026-000012 1190.00 EUR\n"))
        let advance = try tool.run(["show", "IN-1000-2026-000012", "--store", "s.sqlite", "--flow"]).output
        #expect(advance.contains("    deducted by the final invoice IN-1000-2026-000014\n"))

        let refused = try tool.run([
            "cancel", "IN-1000-2026-000012", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(refused.status == 1)
        #expect(refused.error.contains("deducted by the final invoice IN-1000-2026-000014"))
        let proForma = try tool.run([
            "cancel", "PF-RUN-000001-44", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(proForma.status == 1)
        let cancelled = try tool.run([
            "cancel", "IN-1000-2026-000014", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        let back = try tool.run(["show", "IN-1000-2026-000014", "--store", "s.sqlite", "--flow"]).output
        #expect(back.contains("M-1011     60 delivered"), "\(back)")

        let rerun = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"])
        #expect(rerun.status == 0, "\(rerun.error)")
        let after = try tool.run(["invoices", "--store", "s.sqlite"]).output
        #expect(after.contains("IN-1000-2026-000018  CORRECTIVE    2026-12-01  CA-100012  2068.82 EUR  RUN-000003\n"))
        let corrective = try tool.run(["show", "IN-1000-2026-000018", "--store", "s.sqlite"]).output
        #expect(corrective.hasPrefix("KORRIGIERTE RECHNUNG IN-1000-2026-000018"))
        #expect(corrective.contains("abzüglich IN-1000-2026-000012"))
        #expect(corrective.contains("Referenz: IN-1000-2026-000014"))
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        #expect(try store.invariantViolations() == [])
    }

    @Test func oneDeliveryWithAnItemOfASeparateMaterialGroupGivesTwoInvoicesAndACancellationReopensItsItems() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        let log = String(decoding: try #require(try tool.tree("out/RUN-000001")["run.log"]), as: UTF8.self)
        #expect(log.contains("orders VBRK-90004720(items 10 20): invoiced IN-1000-2026-000014 "))
        #expect(log.contains("orders VBRK-90004720(items 30): invoiced IN-1000-2026-000015 "))
        let flow = try tool.run(["show", "IN-1000-2026-000015", "--store", "s.sqlite", "--flow"]).output
        for line in [
            "  VBRK-90004720        VBRK   order invoiced by IN-1000-2026-000014, items 10, 20\n",
            "  VBRK-90004720        VBRK   order invoiced by IN-1000-2026-000015, items 30\n",
            "  80004720     VBRK-90004720        item 30    M-1091     80 ledgers updated  IN-1000-2026-000015\n",
        ] {
            #expect(flow.contains(line), "\(flow)")
        }

        let cancelled = try tool.run([
            "cancel", "IN-1000-2026-000015", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        #expect(cancelled.output.contains("1 invoicing order open again for VBRK-90004720\n"))
        let reopened = try tool.run(["show", "IN-1000-2026-000014", "--store", "s.sqlite", "--flow"]).output
        #expect(reopened.contains("order open, re-created by CN-1000-2026-000001, items 30\n"), "\(reopened)")
        #expect(reopened.contains("item 20    M-1011     80 ledgers updated  IN-1000-2026-000014\n"))
        #expect(reopened.contains("item 30    M-1091     60 delivered"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])

        let rerun = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"])
        #expect(rerun.status == 0, "\(rerun.error)")
        let after = try tool.run(["invoices", "--store", "s.sqlite"]).output
        // 000017 is CA-100011's December period; the corrective invoice bills item 30 only.
        #expect(after.contains("IN-1000-2026-000018  CORRECTIVE    2026-12-01  CA-100012  1666.00 EUR  RUN-000003\n"))
        #expect(after.contains("IN-1000-2026-000014  INVOICE       2026-11-30  CA-100012  2068.82 EUR  RUN-000001\n"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])
    }
}
