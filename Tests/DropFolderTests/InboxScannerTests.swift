import DropFolder
import Testing

@Suite struct InboxScannerTests {
    private func entry(_ name: String, size: Int64 = 10, modified: Double = 100, inode: UInt64 = 1)
        -> InboxScanner.Entry
    {
        InboxScanner.Entry(name: name, size: size, modified: modified, inode: inode)
    }

    @Test(arguments: [".hidden.csv", "export.csv.tmp", "export.csv.part", "export.csv.ready", ".export.csv"])
    func partialAndHiddenNamesAreNeverTaken(name: String) {
        #expect(InboxScanner.isIgnored(name))
        var scanner = InboxScanner(settle: 0)
        #expect(scanner.complete([entry(name)], now: 1_000).isEmpty)
        #expect(scanner.complete([entry(name)], now: 2_000).isEmpty)
    }

    @Test func aFileIsTakenOnlyOnceItsSizeAndTimeHaveSettled() {
        var scanner = InboxScanner(settle: 2)
        // First seen at 100 with a fresh modification time: not yet.
        #expect(scanner.complete([entry("a.csv", size: 10, modified: 100)], now: 100).isEmpty)
        // Still growing: the clock starts again.
        #expect(scanner.complete([entry("a.csv", size: 20, modified: 101)], now: 101.5).isEmpty)
        #expect(scanner.complete([entry("a.csv", size: 20, modified: 101)], now: 103).isEmpty)
        #expect(scanner.complete([entry("a.csv", size: 20, modified: 101)], now: 103.6) == ["a.csv"])
    }

    @Test func anOldFileWithAnOldTimeStillWaitsOneSettleTime() {
        // A copy that keeps an old modification time (cp -p, tar) is seen whole only after it settled.
        var scanner = InboxScanner(settle: 1)
        #expect(scanner.complete([entry("old.csv", modified: 10)], now: 1_000).isEmpty)
        #expect(scanner.complete([entry("old.csv", modified: 10)], now: 1_001) == ["old.csv"])
    }

    @Test func aReplacedFileCountsAsNew() {
        var scanner = InboxScanner(settle: 1)
        _ = scanner.complete([entry("a.csv", inode: 1)], now: 200)
        #expect(scanner.complete([entry("a.csv", inode: 2)], now: 201).isEmpty)
        #expect(scanner.complete([entry("a.csv", inode: 2)], now: 202) == ["a.csv"])
    }

    @Test func aReadyMarkerMakesAFileCompleteAtOnce() {
        var scanner = InboxScanner(settle: 60)
        let listing = [entry("a.csv", modified: 100), entry("a.csv.ready", size: 0, modified: 100), entry("b.csv")]
        #expect(scanner.complete(listing, now: 100) == ["a.csv"])
    }

    @Test func withRequiredMarkersUnmarkedFilesWaitForever() {
        var scanner = InboxScanner(settle: 0, requireMarkers: true)
        #expect(scanner.complete([entry("a.csv", modified: 1)], now: 1_000).isEmpty)
        #expect(scanner.complete([entry("a.csv", modified: 1)], now: 9_000).isEmpty)
        #expect(scanner.complete([entry("a.csv", modified: 1), entry("a.csv.ready")], now: 9_001) == ["a.csv"])
        #expect(scanner.secondsUntilNextSettles(now: 9_001) == nil)
    }

    @Test func completeFilesComeInArrivalOrder() {
        var scanner = InboxScanner(settle: 0)
        let listing = [
            entry("c.csv", modified: 30, inode: 3), entry("a.csv", modified: 50, inode: 1),
            entry("b.csv", modified: 10, inode: 2), entry("d.csv", modified: 30, inode: 4),
        ]
        _ = scanner.complete(listing, now: 100)
        #expect(scanner.complete(listing, now: 100) == ["b.csv", "c.csv", "d.csv", "a.csv"])
    }

    @Test func theScannerSaysWhenTheNextFileSettles() {
        var scanner = InboxScanner(settle: 2)
        _ = scanner.complete([entry("a.csv", modified: 99)], now: 100)
        #expect(scanner.secondsUntilNextSettles(now: 100) == 2)
    }
}
