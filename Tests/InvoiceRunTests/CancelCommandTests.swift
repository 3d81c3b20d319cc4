import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// `invoicerun cancel` end to end: the cancellation's outputs, refusals with their exit status,
/// CANCELLED on later copies, the document flow, and the next run invoicing the orders again.
@Suite(.serialized)
struct CancelCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    private func ranSamples() throws -> CommandLineTool {
        let tool = try CommandLineTool()
        let run = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(run.status == 0, "\(run.error)")
        return tool
    }

    private func cancel(_ tool: CommandLineTool, _ number: String, _ extra: [String] = []) throws
        -> CommandLineTool.Result
    {
        try tool.run(["cancel", number, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"] + extra)
    }

    @Test func cancellingPrintsAReversalAndTheNextRunInvoicesTheOrdersAgain() throws {
        let tool = try ranSamples()
        defer { tool.cleanUp() }
        let ran = try StoredInvoices(tool)
        let invoice = try ran.number(.invoice, account: "CA-100001")
        let untouched = try ran.number(.invoice, account: "CA-100003")
        let posting = try #require(try InvoiceStore(path: tool.url("s.sqlite").path).invoice(number: invoice))
            .postingNumber
        // The reversal takes the next number of the company code's FI documents.
        let reversal = ran.next(in: "FI-1000-2026")
        let cancelled = try cancel(tool, invoice, ["--reason", "wrong tariff"])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        #expect(
            cancelled.output == """
                \(invoice) cancelled by CN-1000-2026-000001 (-2648.58 EUR), FI document \(reversal) reverses \(posting)
                3 invoicing orders open again for INVBI-2026-0001, VBRK-90004711, ACTIT-2026-0001
                Outputs: out/RUN-000002

                """)
        let outputs = try tool.tree("out/RUN-000002")
        #expect(
            outputs.keys.sorted() == [
                "invoices/CN-1000-2026-000001.txt", "invoices/CN-1000-2026-000001.xml", "journal-1000.txt",
                "postings.csv", "postings.xml",
            ])
        let text = String(decoding: try #require(outputs["invoices/CN-1000-2026-000001.txt"]), as: UTF8.self)
        #expect(text.hasPrefix("STORNORECHNUNG CN-1000-2026-000001"))
        #expect(text.contains("Stornobetrag    -2.648,58 EUR"))
        #expect(text.contains("Referenz: \(invoice)"))
        let xml = String(decoding: try #require(outputs["invoices/CN-1000-2026-000001.xml"]), as: UTF8.self)
        #expect(xml.contains("<kind>CANCELLATION</kind>"))
        #expect(xml.contains("<reference>\(invoice)</reference>"))
        let validated = try tool.run(["validate", tool.url("out/RUN-000002/invoices/CN-1000-2026-000001.xml").path])
        #expect(validated.status == 0, "\(validated.output)\(validated.error)")

        // Every later print of the original says CANCELLED.
        let copy = try tool.run(["show", invoice, "--store", "s.sqlite", "--copy", "--date", "2026-12-03"])
        #expect(copy.output.split(separator: "\n")[0].hasSuffix("KOPIE 1 (gedruckt 03.12.2026) · STORNIERT"))
        let view = try tool.run(["show", invoice, "--store", "s.sqlite"])
        #expect(view.output.split(separator: "\n")[0].hasSuffix("KOPIE · STORNIERT"))
        let other = try tool.run(["show", untouched, "--store", "s.sqlite"])
        #expect(other.status == 0, "\(other.error)")
        #expect(!other.output.contains("STORNIERT"))

        // The rerun makes two invoices, numbered on from the first run's: first the orders open
        // again, then CA-100011's billing plan period of December.
        let beforeRerun = try StoredInvoices(tool)
        let first = beforeRerun.next(in: "IN-1000-2026")
        let second = beforeRerun.next(in: "IN-1000-2026", 2)
        let rerun = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"])
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(rerun.output.contains("Invoices: \(first) … \(second.suffix(6)) (2)\n"), "\(rerun.output)")
        let log = String(decoding: try #require(try tool.tree("out/RUN-000003")["run.log"]), as: UTF8.self)
        let again = try StoredInvoices.number(invoicing: "INVBI-2026-0001,VBRK-90004711,ACTIT-2026-0001", inLog: log)
        #expect(again == first)
        let flow = try tool.run(["show", "CN-1000-2026-000001", "--store", "s.sqlite", "--flow"])
        #expect(
            flow.output.contains(
                "  INVBI-2026-0001      INVBI  order invoiced by \(again), re-created by CN-1000-2026-000001"
            ), "\(flow.output)")
        #expect(flow.output.contains("  └ CN-1000-2026-000001  CANCELLATION  2026-12-01     -2648.58 EUR"))
        #expect(flow.output.contains(": wrong tariff\n"))
        #expect(flow.output.hasSuffix("Remains billed: 0.00 EUR\n"))

        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        #expect(try store.invariantViolations() == [])
        #expect(try store.numberRanges()["CN-1000-2026"] == 1)
    }

    @Test func cancellingTwiceOrCancellingACancellationIsRefusedWithStatus1() throws {
        let tool = try ranSamples()
        defer { tool.cleanUp() }
        let invoice = try StoredInvoices(tool).number(.invoice, account: "CA-200003")
        #expect(try cancel(tool, invoice).status == 0)
        let twice = try cancel(tool, invoice)
        #expect(twice.status == 1)
        #expect(
            twice.error
                == "error: \(invoice) was cancelled before, by CN-2000-2026-000001; it cannot be cancelled twice\n")
        let ofCancellation = try cancel(tool, "CN-2000-2026-000001")
        #expect(ofCancellation.status == 1)
        #expect(
            ofCancellation.error.contains("CN-2000-2026-000001 is a cancellation; a cancellation cannot be cancelled"))
        // Refusals write nothing and use no number.
        #expect(try tool.tree("out").keys.filter { $0.hasPrefix("RUN-000003") }.isEmpty)
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        #expect(try store.invariantViolations() == [])
    }

    @Test(arguments: [
        (["IN-1000-2026-000404"], "no invoice IN-1000-2026-000404 in s.sqlite"),
        (["IN-1000-2026-000001", "--date", "someday"], "--date someday is not a date"),
        (["IN-1000-2026-000001", "--date", "2026-11-29"], "--date 2026-11-29 is before the invoice date 2026-11-30"),
    ])
    func usageErrorsExitWith64(arguments: [String], message: String) throws {
        let tool = try ranSamples()
        defer { tool.cleanUp() }
        let result = try tool.run(["cancel", "--store", "s.sqlite", "--output", "out"] + arguments)
        #expect(result.status == 64)
        #expect(result.error.contains(message), "\(result.error)")
    }
}
