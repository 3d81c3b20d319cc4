import Foundation
import Testing

@testable import invoicerun

/// The progress line of long commands: what it says, and that it stays off the terminal-less.
@Suite struct ProgressTests {
    @Test func aKnownTotalGivesThePercentageTheRateAndTheTimeLeft() {
        let line = Progress.line(label: "invoicing", done: 4_200, total: 10_000, unit: "units", elapsed: 4)
        #expect(line == "invoicing: 4,200 of 10,000 units (42%), 1,050 units/s, 0:06 left")
    }

    @Test func minutesLeftAreWrittenAsMinutesAndSeconds() {
        let line = Progress.line(label: "run", done: 1_000, total: 100_000, unit: "units", elapsed: 1)
        #expect(line.hasSuffix("1,000 units/s, 1:39 left"))
    }

    @Test func anUnknownTotalGivesCountAndRateOnly() {
        let line = Progress.line(label: "importing a.xml", done: 1_234_567, total: nil, unit: "documents", elapsed: 2)
        #expect(line == "importing a.xml: 1,234,567 documents, 617,283 documents/s")
    }

    @Test func aCommandWhoseOutputIsNotATerminalPrintsNoProgress() throws {
        // The test runner's standard error is a pipe, as in CI: the run's output stays clean.
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try tool.run(["run", CommandLineTool.repositoryRoot.path + "/Samples", "--date", "2026-11-30"])
        #expect(result.status == 0)
        #expect(!result.error.contains("\u{1B}[K"))
        #expect(!result.output.contains("\u{1B}[K"))
    }
}
