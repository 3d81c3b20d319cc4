import Testing

@testable import invoicerun

@Suite struct InvoicingTriggerTests {
    private let noon = 86_400.0 * 20_000 + 12 * 3600  // some day, 12:00 UTC

    @Test func aDailyRunLaterTodayIsToday() {
        #expect(InvoicingTrigger.daily(hour: 18, minute: 30).nextRun(after: noon) == noon + 6.5 * 3600)
    }

    @Test func aDailyRunThatHasPassedIsTomorrow() {
        #expect(InvoicingTrigger.daily(hour: 2, minute: 0).nextRun(after: noon) == noon + 14 * 3600)
        #expect(InvoicingTrigger.daily(hour: 12, minute: 0).nextRun(after: noon) == noon + 86_400)
    }

    @Test func anIntervalCountsFromNowAndTheOthersAreUnscheduled() {
        #expect(InvoicingTrigger.every(seconds: 90).nextRun(after: noon) == noon + 90)
        #expect(InvoicingTrigger.immediate.nextRun(after: noon) == nil)
        #expect(InvoicingTrigger.none.nextRun(after: noon) == nil)
    }

    @Test func theClaimedNameGivesBackTheDroppedName() {
        #expect(Watcher.originalName("k3-1a2b~export~2026.csv") == "export~2026.csv")
        #expect(Watcher.originalName("plain.csv") == "plain.csv")
    }
}
