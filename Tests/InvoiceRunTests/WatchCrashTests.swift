import Exporters
import Foundation
import Glibc
import InvoiceStore
import Testing

/// The drop folder under SIGKILL: the real binary, killed at random moments while files arrive.
@Suite(.serialized) struct WatchCrashTests {
    @Test(.timeLimit(.minutes(5)))
    func killingTheWatcherAtRandomLosesNothingAndDoublesNothing() throws {
        let fixture = try DropFolderFixture()
        defer { fixture.cleanUp() }
        var random = SystemRandomNumberGenerator()
        let good = 180
        let bad = 30
        let duplicates = 30
        // The files, in the order they are dropped: duplicates repeat the content of earlier good files.
        var files: [(name: String, text: String)] = []
        var goodTexts: [String] = []
        for number in 1...good {
            let text = DropFolderFixture.goodFile(
                id: "W-\(number)", account: DropFolderFixture.accounts[number % DropFolderFixture.accounts.count])
            goodTexts.append(text)
            files.append((String(format: "g-%04d.csv", number), text))
            if number % 6 == 0 {
                files.append((String(format: "b-%04d.csv", number / 6), DropFolderFixture.badFile(number / 6)))
            }
            if number % 6 == 3 {
                files.append(
                    (
                        String(format: "d-%04d.csv", number / 6 + 1),
                        goodTexts[Int.random(in: 0..<goodTexts.count, using: &random)]
                    ))
            }
        }
        #expect(files.count == good + bad + duplicates)

        let started = Date()
        var kills = 0
        var cutShort = 0  // files a kill left in processing/
        var next = 0
        // Each round: start a watcher, drop a few files, kill it at a random moment.
        while next < files.count || kills < 20 {
            let watcher = try fixture.startWatcher(log: "watch.log")
            let batch = Int.random(in: 4...16, using: &random)
            for _ in 0..<batch where next < files.count {
                try fixture.drop(files[next].text, as: files[next].name)
                next += 1
            }
            // Start-up and the settle time take about 0.3 s: most kills land while files are processed.
            usleep(UInt32.random(in: 100_000...800_000, using: &random))
            kill(watcher.processIdentifier, SIGKILL)
            watcher.waitUntilExit()
            kills += 1
            cutShort += fixture.names("processing").count
        }
        // A last watcher finishes what is left, then stops gracefully.
        let last = try fixture.startWatcher(log: "watch.log")
        let idle = fixture.waitUntilIdle(seconds: 60)
        let status = DropFolderFixture.stop(last)
        #expect(idle, "files left: inbox \(fixture.names("inbox")), processing \(fixture.names("processing"))")
        #expect(status == 0)

        let done = fixture.names("done")
        let errors = fixture.names("error")
        let expectedDone = files.map(\.name).filter { !$0.hasPrefix("b-") }.sorted()
        let expectedErrors = files.map(\.name).filter { $0.hasPrefix("b-") }
        #expect(done == expectedDone)
        #expect(errors == (expectedErrors + expectedErrors.map { $0 + ".error.txt" }).sorted())
        #expect(fixture.names("inbox").isEmpty && fixture.names("processing").isEmpty)

        let store = try InvoiceStore(path: fixture.storePath)
        let orders = try store.orderCounts()
        #expect(orders.open == 0 && orders.invoiced == good)
        let (invoices, gapFree) = try fixture.invoiceNumbersAreGapFree()
        #expect(gapFree)
        let published = fixture.publishedInvoiceNumbers()
        #expect(published.count == invoices)
        #expect(Set(published).count == published.count)
        #expect(Set(published) == Set(try store.invoiceSummaries().map(\.number)))
        #expect(fixture.names("outbox").allSatisfy { $0.hasPrefix("RUN-") || $0 == ".staging" })
        // Published outputs, re-rendered ones included, say what the store holds.
        var mismatched: [String] = []
        for run in fixture.names("outbox") where run.hasPrefix("RUN-") {
            for name in fixture.names("outbox/\(run)/invoices") where DropFolderFixture.isCanonicalInvoiceXML(name) {
                let published = try String(
                    contentsOf: fixture.root.appendingPathComponent("outbox/\(run)/invoices/\(name)"), encoding: .utf8)
                let stored = try #require(try store.invoice(number: String(name.dropLast(4))))
                if published != (try InvoiceXML.render(stored)) { mismatched.append(name) }
            }
        }
        #expect(mismatched.isEmpty)
        let recovered = fixture.names("outbox").filter {
            (try? String(contentsOf: fixture.root.appendingPathComponent("outbox/\($0)/run.log"), encoding: .utf8))?
                .contains("recovered after a crash") ?? false
        }.count
        print(
            """
            watch crash test: \(files.count) files dropped (\(good) good, \(bad) bad, \(duplicates) duplicates), \
            \(kills) SIGKILLs; done/ \(done.count), error/ \(errors.count / 2) with reports, lost 0; \
            \(cutShort) files left in processing/ by a kill and resumed, \(orders.invoiced) orders invoiced in \(invoices) invoices, \(published.count) published \
            (\(recovered) runs re-rendered after a crash), numbers gap-free: \(gapFree); \
            \(Int(Date().timeIntervalSince(started))) s
            """)
    }
}
