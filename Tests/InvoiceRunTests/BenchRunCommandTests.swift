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
}
