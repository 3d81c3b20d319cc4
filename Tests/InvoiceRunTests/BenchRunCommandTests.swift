import Foundation
import Testing

/// `bench run` works end to end on a tiny dataset (its figures are for the README, not asserted).
@Suite struct BenchRunCommandTests {
    @Test func aSmallBenchRunPrintsEveryPhase() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try tool.run([
            "bench", "run", "--items", "50", "--accounts", "4", "--work-directory", tool.url("bench").path,
        ])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("import: "))
        // 10 documents over 4 accounts in two company codes: 4 invoices, besides the samples' plans.
        #expect(result.output.contains("run (invoice, store, render every output): "))
        #expect(result.output.contains("total: "))
        #expect(result.output.contains("file-system floor: "))
        let accounts = try String(contentsOf: tool.url("bench/data/accounts.csv"), encoding: .utf8)
        #expect(accounts.split(separator: "\n").count == 5)
    }

    @Test func benchLinesPrintsTheTimePerLineOfBothSizesAndTheirRatio() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try tool.run([
            "bench", "lines", "--small", "20", "--large", "60", "--work-directory", tool.url("lines").path,
        ])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("20 lines: import "))
        #expect(result.output.contains("60 lines: import "))
        #expect(result.output.contains("time per line, 60 against 20 lines: import "))
        // Each size is one invoice of that many lines for the one generated account.
        let xml = try String(
            contentsOf: tool.url("lines/lines-60/out/RUN-000001/invoices/IN-1000-2026-000001.xml"), encoding: .utf8)
        #expect(xml.components(separatedBy: "<Line>").count - 1 == 60)
    }
}
