import Foundation
import Testing

/// `invoicerun release` end to end: the samples' key accounts have their postings held.
@Suite(.serialized)
struct ReleaseCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func aHeldPostingIsReleasedWithItsPostingFilesAndNotTwice() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        // CA-100002 is a key account: the posting of its invoice of INVBI-2026-0002 is held.
        let log = String(decoding: try #require(try tool.tree("out/RUN-000001")["run.log"]), as: UTF8.self)
        let (invoice, posting) = try StoredInvoices.numbers(invoicing: "INVBI-2026-0002", inLog: log)
        #expect(log.contains("invoiced \(invoice) posting \(posting) (held) "))
        let arguments = ["--store", "s.sqlite", "--output", "out", "--date", "2026-12-02"]
        let released = try tool.run(["release", invoice] + arguments)
        #expect(released.status == 0, "\(released.error)")
        #expect(released.output == "\(posting) (posts \(invoice)) released\nOutputs: out/RUN-000002\n")
        let outputs = try tool.tree("out/RUN-000002")
        #expect(outputs.keys.sorted() == ["journal-1000.txt", "postings.csv", "postings.xml"])
        let csv = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        #expect(csv.contains("\(posting),1000,2026-11-30,2026-11-30,\(invoice),EUR,false,1,"))
        let again = try tool.run(["release", posting] + arguments)
        #expect(again.status == 1)
        #expect(again.error.hasPrefix("error: \(posting) was released by "))
        let unknown = try tool.run(["release", "IN-1000-2026-000404"] + arguments)
        #expect(unknown.status == 64)
        #expect(unknown.error.contains("no invoice or FI document IN-1000-2026-000404 in s.sqlite"))
    }
}
