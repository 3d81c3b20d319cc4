import ArgumentParser
import DropFolder
import Exporters
import Foundation
import Importers
import InvoiceStore
import InvoicingCore
import Logging

extension InvoiceRunCommand {
    /// `invoicerun watch`: the drop folder, run unattended.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Watch a drop folder: import each file that arrives once, invoice, publish the outputs.",
            subcommands: [Start.self, Status.self], defaultSubcommand: Start.self)
    }
}

/// Where the drop folder is.
struct DropFolderOptions: ParsableArguments {
    @Option(name: .long, help: "The drop folder: inbox/, processing/, done/, error/, outbox/ and status.json under it.")
    var root: String

    @Option(name: .long, help: "An inbox elsewhere (same file system as --root). Default: ROOT/inbox.")
    var inbox: String?

    @Option(name: .long, help: "An outbox elsewhere. Default: ROOT/outbox.")
    var outbox: String?

    /// The folders, as absolute paths: the store remembers files by path, so a restart from
    /// another working directory must name them the same way.
    var layout: DropFolderLayout {
        func absolute(_ path: String) -> String {
            let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            return (full as NSString).standardizingPath
        }
        return DropFolderLayout(root: absolute(root), inbox: inbox.map(absolute), outbox: outbox.map(absolute))
    }
}

extension InvoiceRunCommand.Watch {
    /// Runs the watcher until SIGTERM or SIGINT.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Watch the inbox (the default subcommand).",
            discussion: """
                Files are taken once complete (see --settle and --require-ready), claimed by a rename into \
                processing/, imported (a file with any refused record is refused whole, with \
                error/NAME.error.txt beside it), invoiced per --invoicing, and moved to done/. Outputs go to \
                outbox/RUN-ID/. SIGTERM or SIGINT stops after the file at hand. Logs go to standard error, \
                one line per file.
                """)

        @OptionGroup var folder: DropFolderOptions

        @Option(name: .long, help: "The SQLite store. Default: ROOT/invoicerun.sqlite.")
        var store: String?

        @OptionGroup var resourceOptions: ResourceOptions

        @Option(
            name: .long, help: "Seconds a file's size and modification time must stay unchanged before it is taken.")
        var settle: Double = 2

        @Flag(name: .long, help: "Take only files a NAME.ready marker names (partners that write markers).")
        var requireReady = false

        @Option(name: .long, help: "Seconds between rescans of the inbox (inotify wakes the watcher sooner).")
        var rescan: Double = 10

        @Option(name: .long, help: "Seconds to wait before retrying after a full disk or an unwritable folder.")
        var retry: Double = 30

        @Option(name: .long, help: "Refuse to take files while the outbox has less free space than this (MiB).")
        var minFreeMB: Int64 = 64

        @Option(
            name: .long,
            help: "immediate (after each file, for its accounts), scheduled (see --run-at, --every) or none.")
        var invoicing = "immediate"

        @Option(name: .long, help: "Scheduled invoicing every day at HH:MM (UTC).")
        var runAt: String?

        @Option(name: .long, help: "Scheduled invoicing every so many seconds.")
        var every: Double?

        @Option(name: .long, help: "Invoicing process.")
        var process = "01"

        @Option(name: .long, help: "A fixed run date (YYYY-MM-DD). Default: today (UTC) at each run.")
        var date: String?

        @Option(name: .long, help: "Switch on an optional function with activation status 3 (repeatable).")
        var enable: [String] = []

        @Option(name: .long, help: "Switch off an optional function with activation status 2 (repeatable).")
        var disable: [String] = []

        @Flag(name: .long, help: "Process what is complete, then stop, instead of watching.")
        var once = false

        @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
        var logLevel = "info"

        func run() throws {
            let settings = try makeSettings()
            let resources = try resourceOptions.locate()
            let layouts = try PrintLayoutLibrary(directory: resources.templates, overrides: resourceOptions.templates)
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw ValidationError("--log-level \(logLevel): expected trace, debug, info, notice, warning or error")
            }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "invoicerun.watch")
            try settings.layout.create()
            var inbox = stat()
            var processing = stat()
            if stat(settings.layout.inbox, &inbox) == 0, stat(settings.layout.processing, &processing) == 0,
                inbox.st_dev != processing.st_dev
            {
                throw ValidationError(
                    "--inbox \(settings.layout.inbox) is on another file system than --root: files are claimed by renaming them"
                )
            }
            let store = try InvoiceStore(path: store ?? settings.layout.root + "/invoicerun.sqlite")
            StopSignal.install()
            let watcher = Watcher(
                settings: settings, store: store,
                importer: InputImporter(schemas: SchemaCatalog(directory: resources.schemas)),
                layouts: layouts, logger: logger)
            try watcher.run()
        }

        private func makeSettings() throws -> WatchSettings {
            let trigger: InvoicingTrigger
            switch invoicing {
            case "immediate" where runAt == nil && every == nil: trigger = .immediate
            case "none": trigger = .none
            case "scheduled", "immediate":
                if let runAt {
                    let parts = runAt.split(separator: ":").compactMap { Int($0) }
                    guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
                        throw ValidationError("--run-at \(runAt): expected HH:MM")
                    }
                    trigger = .daily(hour: parts[0], minute: parts[1])
                } else if let every, every > 0 {
                    trigger = .every(seconds: every)
                } else {
                    throw ValidationError("--invoicing scheduled needs --run-at HH:MM or --every SECONDS")
                }
            default:
                throw ValidationError("--invoicing \(invoicing): expected immediate, scheduled or none")
            }
            let runDate = try CalendarDate.option(date)
            func functions(_ names: [String], option: String) throws -> Set<InvoicingFunction> {
                try Set(
                    names.map { name in
                        guard let function = InvoicingFunction(rawValue: name.uppercased()) else {
                            throw ValidationError("\(option) \(name): not a function")
                        }
                        return function
                    })
            }
            guard settle >= 0, rescan > 0, retry > 0 else {
                throw ValidationError("--settle, --rescan and --retry take positive seconds")
            }
            return WatchSettings(
                layout: folder.layout, settle: settle, requireMarkers: requireReady, rescanInterval: rescan,
                retryInterval: retry, minimumFreeBytes: minFreeMB * 1_048_576, trigger: trigger, process: process,
                runDate: runDate, enabledFunctions: try functions(enable, option: "--enable"),
                disabledFunctions: try functions(disable, option: "--disable"), once: once)
        }
    }

    /// Prints the watcher's status and the backlog.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the backlog, the last success and the last error of the watcher on a drop folder.",
            discussion: "Exit status: 0 when a watcher is running, 3 when none is.")

        @OptionGroup var folder: DropFolderOptions

        func run() throws {
            let layout = folder.layout
            func count(_ path: String) -> Int {
                InboxScanner.list(path).filter { !InboxScanner.isIgnored($0.name) && !$0.name.hasSuffix(".error.txt") }
                    .count
            }
            let status = (try? Data(contentsOf: URL(fileURLWithPath: layout.statusFile)))
                .flatMap { try? JSONDecoder().decode(WatchStatus.self, from: $0) }
            let running = status.map { WatcherIdentity.isAlive($0.watcher) && $0.state != "stopped" } ?? false
            print(
                "watcher: \(running ? "running" : "not running")\(status.map { " (\($0.watcher), \($0.state))" } ?? "")"
            )
            print("backlog: \(count(layout.inbox)) in inbox, \(count(layout.processing)) in processing")
            print("done: \(count(layout.done)), error: \(count(layout.error))")
            if let status {
                print(
                    "since start: \(status.processed) processed, \(status.duplicates) duplicates, \(status.refused) refused"
                )
                if let event = status.lastSuccess {
                    print("last success: \(event.at) \(event.file ?? "") (\(event.outcome ?? ""))")
                }
                if let event = status.lastError {
                    print("last error: \(event.at) \(event.file ?? "-"): \(event.reason ?? "")")
                }
                print("updated: \(status.updated)")
            }
            if !running { throw ExitCode(3) }
        }
    }
}
