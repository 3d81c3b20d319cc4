import Foundation
import Testing

/// Copies end to end: `invoicerun show NUMBER --copy` after a run.
@Suite(.serialized)
struct PrintCopyTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func aCopyIsTheOriginalWithAnIncreasingCountAndItsPrintDate() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let run = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(run.status == 0, "\(run.error)")
        let original = String(
            decoding: try #require(try tool.tree("out")["RUN-000001/invoices/IN-1000-2026-000001.txt"]), as: UTF8.self)
        let arguments = ["show", "IN-1000-2026-000001", "--store", "s.sqlite", "--copy", "--date", "2026-12-03"]
        let first = try tool.run(arguments + ["--reason", "customer lost it"])
        let second = try tool.run(arguments)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.hasPrefix("RECHNUNG IN-1000-2026-000001"))
        #expect(first.output.split(separator: "\n")[0].hasSuffix("KOPIE 1 (gedruckt 03.12.2026)"))
        #expect(second.output.split(separator: "\n")[0].hasSuffix("KOPIE 2 (gedruckt 03.12.2026)"))
        // Everything but the page header's mark is the original's, byte for byte.
        #expect(first.output.split(separator: "\n").dropFirst() == original.split(separator: "\n").dropFirst())
        let duplicate = try tool.run([
            "show", "IN-1000-2026-000001", "--store", "s.sqlite", "--duplicate", "--date", "2026-12-04",
        ])
        #expect(duplicate.output.split(separator: "\n")[0].hasSuffix("DUPLIKAT 3 (gedruckt 04.12.2026)"))
        // A plain show is a view: marked COPY, not counted.
        let view = try tool.run(["show", "IN-1000-2026-000001", "--store", "s.sqlite"])
        #expect(view.output.split(separator: "\n")[0].hasSuffix("  KOPIE"))
        let next = try tool.run(arguments)
        #expect(next.output.split(separator: "\n")[0].hasSuffix("KOPIE 4 (gedruckt 03.12.2026)"))
    }

    @Test(arguments: [
        (["--copy", "--duplicate"], "--copy and --duplicate: choose one"),
        (["--copy", "--format", "xml"], "--copy and --duplicate print the text layout"),
        (["--reason", "why"], "--reason goes with --copy or --duplicate"),
        (["--copy", "--date", "someday"], "--date someday is not a date"),
    ])
    func copyOptionsThatDoNotGoTogetherAreRefused(extra: [String], message: String) throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(
            try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
                .status == 0)
        let result = try tool.run(["show", "IN-1000-2026-000001", "--store", "s.sqlite"] + extra)
        #expect(result.status == 64)
        #expect(result.error.contains(message), "\(result.error)")
    }

    @Test func theRunWritesACombinedPrintFileSpoolFoldersAndAJournalPerCompanyCode() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(
            try tool.run(["run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
                .status == 0)
        let outputs = try tool.tree("out/RUN-000001")
        let combined = String(decoding: try #require(outputs["print.txt"]), as: UTF8.self)
        let documents = outputs.keys.filter { $0.hasPrefix("invoices/") && $0.hasSuffix(".txt") }.sorted()
        #expect(documents.count == 29)  // 27 numbered documents, an intercompany invoice and a pro forma
        let pages = documents.map { String(decoding: outputs[$0]!, as: UTF8.self) }
        // In run order, which puts the pro forma (PF-…) among its account's invoices and an intercompany
        // invoice right after the customer invoice it belongs to: compared as sets.
        #expect(combined.hasSuffix("\n"))
        #expect(
            combined.dropLast().split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init).sorted()
                == pages.map { String($0.dropLast()) }.sorted())
        let journal = String(decoding: try #require(outputs["journal-1000.txt"]), as: UTF8.self)
        #expect(journal.hasPrefix("BUCHUNGSJOURNAL"))
        #expect(journal.contains("Summe EUR (17 Belege)"))  // with the intercompany invoice's
        #expect(outputs["journal-2000.txt"] != nil)
        // Each document also lands in its account's spool folder.
        #expect(outputs["spool/CA-100001/IN-1000-2026-000001.txt"] == outputs["invoices/IN-1000-2026-000001.txt"])
        #expect(outputs.keys.filter { $0.hasPrefix("spool/") }.count == 29)
    }
}
