import Foundation
import Glibc
import InvoiceStore

/// A drop folder for end-to-end tests of `invoicerun watch`: a store with the samples' configuration
/// and master data, generated source document files, and watcher processes to start and kill.
struct DropFolderFixture {
    let tool: CommandLineTool
    var root: URL { tool.url("root") }
    var storePath: String { tool.url("root/invoicerun.sqlite").path }

    /// Creates the folder and imports `Samples/config` and `Samples/master-data` into its store,
    /// but for the billing plans: their periods would add orders to every run of these tests.
    init() throws {
        tool = try CommandLineTool()
        try FileManager.default.createDirectory(at: tool.url("root/inbox"), withIntermediateDirectories: true)
        let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples")
        let masterData = samples.appendingPathComponent("master-data")
        let files = try FileManager.default.contentsOfDirectory(atPath: masterData.path).sorted()
            .filter { !$0.hasPrefix("billing_plans.") }.map { masterData.appendingPathComponent($0).path }
        let imported = try tool.run(
            ["import", samples.appendingPathComponent("config").path] + files + ["--store", storePath])
        precondition(imported.status == 0, imported.output + imported.error)
    }

    /// The accounts generated documents bill: standard and key accounts of company code 1000.
    static let accounts = ["CA-100001", "CA-100003", "CA-100004", "CA-100005", "CA-100002", "CA-100008"]

    /// A canonical CSV with one `INVBI` document `id` for `account`: 10 × M-1004 at 12.50 EUR.
    static func goodFile(id: String, account: String) -> String {
        """
        document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity
        \(id),INVBI,USAGE,1000,\(account),EUR,2026-11-10,10,M-1004,10

        """
    }

    /// A file refused whole: a document of an account that does not exist, or no known layout.
    static func badFile(_ number: Int) -> String {
        number % 2 == 0
            ? """
            document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity
            BAD-\(number),INVBI,USAGE,1000,CA-999999,EUR,2026-11-10,10,M-1004,1

            """
            : "this is,not a layout\n\(number),anything\n"
    }

    /// Drops `text` into the inbox as `name` the way careful partners do: written under a
    /// temporary name, then renamed.
    func drop(_ text: String, as name: String) throws {
        let temporary = tool.url("root/inbox/\(name).part")
        try Data(text.utf8).write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: tool.url("root/inbox/\(name)"))
    }

    /// Starts `invoicerun watch` on the folder; standard error goes to `log`.
    func startWatcher(_ extra: [String] = [], log: String) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTool.executable
        process.arguments =
            [
                "watch", "--root", root.path, "--settle", "0.2", "--rescan", "0.5", "--retry", "0.5", "--date",
                "2026-11-30",
            ]
            + extra
        process.currentDirectoryURL = tool.folder
        var environment = ProcessInfo.processInfo.environment
        environment["INVOICERUN_HOME"] = CommandLineTool.repositoryRoot.path
        process.environment = environment
        _ = FileManager.default.createFile(atPath: tool.url(log).path, contents: nil)
        let handle = try FileHandle(forWritingTo: tool.url(log))
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Sends SIGTERM and waits for the watcher to finish its file and exit, at most `seconds`
    /// (then SIGKILL); returns its exit status.
    @discardableResult
    static func stop(_ process: Process, seconds: Double = 30) -> Int32 {
        process.terminate()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The names of the files in a folder under the root (hidden files included).
    func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
            .sorted()
    }

    /// Waits until the inbox and `processing/` are empty, at most `seconds`; returns whether they are.
    func waitUntilIdle(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if names("inbox").isEmpty && names("processing").isEmpty { return true }
            usleep(100_000)
        }
        return false
    }

    /// Invoice numbers of every `invoices/NUMBER.xml` under `outbox/RUN-*/`, with repeats.
    func publishedInvoiceNumbers() -> [String] {
        names("outbox").filter { $0.hasPrefix("RUN-") }.flatMap { run in
            names("outbox/\(run)/invoices").filter(Self.isCanonicalInvoiceXML).map { String($0.dropLast(4)) }
        }
    }

    /// `NUMBER.xml`, not the e-invoices `NUMBER.ubl.xml` and `NUMBER.cii.xml` beside it.
    static func isCanonicalInvoiceXML(_ name: String) -> Bool {
        name.hasSuffix(".xml") && !name.hasSuffix(".ubl.xml") && !name.hasSuffix(".cii.xml")
    }

    /// Checks the store: invoice numbers of each range run 1...last without gap or repeat.
    func invoiceNumbersAreGapFree() throws -> (count: Int, gapFree: Bool) {
        let store = try InvoiceStore(path: storePath)
        let numbers = try store.invoiceSummaries().map(\.number)
        var byRange: [String: [Int]] = [:]
        for number in numbers {
            let parts = number.split(separator: "-")  // IN-1000-2026-000001
            byRange["\(parts[1])-\(parts[2])", default: []].append(Int(parts[3]) ?? -1)
        }
        let ranges = try store.numberRanges()
        let gapFree = byRange.allSatisfy { range, sequence in
            sequence.sorted() == Array(1...sequence.count) && ranges["IN-\(range)"] == Int64(sequence.count)
        }
        return (numbers.count, gapFree && Set(numbers).count == numbers.count)
    }

    func cleanUp() { tool.cleanUp() }
}
