import Foundation
import Glibc
import InvoiceStore
import Testing

/// `invoicerun watch` end to end: partial files, markers, duplicates, refusals, capacity, stopping,
/// triggers and two watchers on one folder.
@Suite struct WatchTests {
    /// Runs `invoicerun watch --once` on the fixture's folder.
    private func watchOnce(_ fixture: DropFolderFixture, _ extra: [String] = []) throws -> CommandLineTool.Result {
        try fixture.tool.run(
            ["watch", "--root", fixture.root.path, "--settle", "0.2", "--once", "--date", "2026-11-30"] + extra)
    }

    private func good(_ number: Int) -> String {
        DropFolderFixture.goodFile(id: "T-\(number)", account: "CA-100001")
    }

    @Test func partialHiddenAndTemporaryFilesStayInTheInbox() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        for name in ["a.csv.part", ".b.csv", "c.csv.tmp"] {
            try Data(good(1).utf8).write(to: fixture.root.appendingPathComponent("inbox/\(name)"))
        }
        try fixture.drop(good(2), as: "d.csv")
        let result = try watchOnce(fixture)
        #expect(result.status == 0, "\(result.error)")
        #expect(fixture.names("inbox") == [".b.csv", "a.csv.part", "c.csv.tmp"])
        #expect(fixture.names("done") == ["d.csv"])
        #expect(result.error.contains("file=d.csv") && result.error.contains("outcome=done"))
    }

    @Test func aFileStillBeingWrittenIsTakenOnlyWhenComplete() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        let watcher = try fixture.startWatcher(["--settle", "1.5"], log: "watch.log")
        // Written in place, one document every 0.1 s: the watcher must wait for all 8.
        let path = fixture.root.appendingPathComponent("inbox/slow.csv").path
        let header =
            "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity\n"
        try Data(header.utf8).write(to: URL(fileURLWithPath: path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        for number in 1...8 {
            usleep(100_000)
            handle.seekToEndOfFile()
            handle.write(Data("SLOW-\(number),INVBI,USAGE,1000,CA-100001,EUR,2026-11-10,10,M-1004,10\n".utf8))
        }
        try handle.close()
        let idle = fixture.waitUntilIdle(seconds: 20)
        #expect(DropFolderFixture.stop(watcher) == 0)
        #expect(idle)
        #expect(fixture.names("done") == ["slow.csv"])
        #expect(try InvoiceStore(path: fixture.storePath).orderCounts() == (0, 8))
    }

    @Test func withRequiredMarkersOnlyMarkedFilesAreTakenAndTheMarkerGoes() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        try fixture.drop(good(1), as: "e.csv")
        try fixture.drop(good(2), as: "f.csv")
        try Data().write(to: fixture.root.appendingPathComponent("inbox/f.csv.ready"))
        let result = try watchOnce(fixture, ["--require-ready"])
        #expect(result.status == 0, "\(result.error)")
        #expect(fixture.names("done") == ["f.csv"])
        #expect(fixture.names("inbox") == ["e.csv"])
    }

    @Test func theSameContentDroppedAgainIsAReportedNoOp() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        try fixture.drop(good(1), as: "x.csv")
        try fixture.drop(good(1), as: "y.csv")
        var result = try watchOnce(fixture)
        #expect(result.status == 0, "\(result.error)")
        // A later drop under the first name: a duplicate too, filed beside the first.
        try fixture.drop(good(1), as: "x.csv")
        result = try watchOnce(fixture)
        #expect(fixture.names("done") == ["x-2.csv", "x.csv", "y.csv"])
        #expect(result.error.contains("duplicate_of=x.csv") && result.error.contains("outcome=duplicate"))
        let store = try InvoiceStore(path: fixture.storePath)
        #expect(try store.orderCounts().invoiced == 1)
        #expect(try store.invoiceSummaries().count == 1)
    }

    @Test func aRefusedFileGoesToErrorWithItsProblemsLineByLine() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        try fixture.drop(
            """
            document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity
            OK-1,INVBI,USAGE,1000,CA-100001,EUR,2026-11-10,10,M-1004,10
            NO-1,INVBI,USAGE,1000,CA-999999,EUR,2026-11-10,10,M-1004,10

            """, as: "mixed.csv")
        try fixture.drop(
            """
            document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity
            NO-2,INVBI,USAGE,1000,CA-100001,EUR,2026-11-10,10,M-1004,ten

            """, as: "number.csv")
        let result = try watchOnce(fixture)
        #expect(result.status == 0, "\(result.error)")
        #expect(fixture.names("error") == ["mixed.csv", "mixed.csv.error.txt", "number.csv", "number.csv.error.txt"])
        func report(_ name: String) throws -> String {
            try String(contentsOf: fixture.root.appendingPathComponent("error/\(name).error.txt"), encoding: .utf8)
        }
        #expect(try report("mixed.csv").contains("mixed.csv: refused whole"))
        #expect(try report("mixed.csv").contains("mixed.csv:3:1: field account: document NO-1 refused"))
        #expect(try report("number.csv").contains("number.csv:2:58: field quantity: \"ten\" is not a number"))
        #expect(try !report("mixed.csv").contains("processing/"))
        // All or nothing: the good document of a refused file is not kept either.
        #expect(try InvoiceStore(path: fixture.storePath).orderCounts() == (0, 0))
    }

    @Test func noRoomForOutputRefusesToTakeFilesAndLosesNone() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        try fixture.drop(good(1), as: "a.csv")
        var result = try watchOnce(fixture, ["--min-free-mb", "1000000000"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("refusing to take files until there is room"))
        #expect(fixture.names("inbox") == ["a.csv"])
        let status = try fixture.tool.run(["watch", "status", "--root", fixture.root.path])
        #expect(status.status == 3)  // no watcher running
        #expect(status.output.contains("backlog: 1 in inbox"))
        #expect(status.output.contains("No space left on device"))
        result = try watchOnce(fixture)
        #expect(fixture.names("done") == ["a.csv"])
    }

    @Test func importOnlyLeavesOrdersOpenAndScheduledInvoicingRunsThemTogether() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        for number in 1...3 { try fixture.drop(good(number), as: "n\(number).csv") }
        _ = try watchOnce(fixture, ["--invoicing", "none"])
        #expect(try InvoiceStore(path: fixture.storePath).orderCounts() == (3, 0))
        #expect(fixture.publishedInvoiceNumbers().isEmpty)
        let watcher = try fixture.startWatcher(["--invoicing", "scheduled", "--every", "0.5"], log: "watch.log")
        let deadline = Date().addingTimeInterval(20)
        while fixture.publishedInvoiceNumbers().isEmpty && Date() < deadline { usleep(100_000) }
        #expect(DropFolderFixture.stop(watcher) == 0)
        // One account: its three orders in one invoice of one scheduled run.
        #expect(fixture.publishedInvoiceNumbers() == ["IN-1000-2026-000001"])
        #expect(try InvoiceStore(path: fixture.storePath).orderCounts() == (0, 3))
    }

    @Test func sigtermFinishesTheFileAtHandAndStops() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        for number in 1...20 { try fixture.drop(good(number), as: String(format: "s-%02d.csv", number)) }
        let watcher = try fixture.startWatcher(log: "watch.log")
        let deadline = Date().addingTimeInterval(20)
        while fixture.names("done").isEmpty && Date() < deadline { usleep(20_000) }
        let status = try fixture.tool.run(["watch", "status", "--root", fixture.root.path])
        #expect(status.status == 0 && status.output.hasPrefix("watcher: running"), "\(status.output)")
        #expect(DropFolderFixture.stop(watcher) == 0)
        #expect(fixture.names("processing").isEmpty)
        #expect(fixture.names("done").count + fixture.names("inbox").count == 20)
        let log = try String(contentsOf: fixture.tool.url("watch.log"), encoding: .utf8)
        #expect(log.contains("stopped"))
    }

    @Test(.timeLimit(.minutes(3)))
    func twoWatchersOnOneFolderProcessEachFileOnce() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        let names = (1...100).map { String(format: "t-%03d.csv", $0) }
        func text(_ index: Int) -> String {
            DropFolderFixture.goodFile(
                id: "TW-\(index)", account: DropFolderFixture.accounts[index % DropFolderFixture.accounts.count])
        }
        for index in 0..<50 { try fixture.drop(text(index), as: names[index]) }
        let first = try fixture.startWatcher(log: "first.log")
        let second = try fixture.startWatcher(log: "second.log")
        for index in 50..<100 {
            try fixture.drop(text(index), as: names[index])
            if index % 10 == 0 { usleep(100_000) }
        }
        let idle = fixture.waitUntilIdle(seconds: 90)
        #expect(DropFolderFixture.stop(first) == 0)
        #expect(DropFolderFixture.stop(second) == 0)
        #expect(idle)
        #expect(fixture.names("done") == names)
        // Each file has exactly one "processed" line, in one watcher's log or the other's.
        var processedBy: [String: Int] = [:]
        var perWatcher: [Int] = []
        for log in ["first.log", "second.log"] {
            let lines = try String(contentsOf: fixture.tool.url(log), encoding: .utf8).split(separator: "\n")
                .filter { $0.contains("outcome=done") }
            perWatcher.append(lines.count)
            for line in lines {
                if let range = line.range(of: #"file=t-\d+\.csv"#, options: .regularExpression) {
                    processedBy[String(line[range].dropFirst(5)), default: 0] += 1
                }
            }
        }
        #expect(processedBy.count == 100 && processedBy.values.allSatisfy { $0 == 1 })
        let store = try InvoiceStore(path: fixture.storePath)
        #expect(try store.orderCounts() == (0, 100))
        let (invoices, gapFree) = try fixture.invoiceNumbersAreGapFree()
        #expect(gapFree)
        let published = fixture.publishedInvoiceNumbers()
        #expect(published.count == invoices && Set(published).count == invoices)
        print("two watchers: 100 files, processed \(perWatcher[0]) + \(perWatcher[1]), \(invoices) invoices")
    }
}
