import DropFolder
import Exporters
import Foundation
import Importers
import InvoiceStore
import Logging

/// The drop folder's loop: takes complete files from the inbox in arrival order, imports each
/// once, invoices, publishes outputs and files the input in `done/` or `error/`.
///
/// Crash safety comes from the order of steps and from making each one repeatable: the claim is a
/// rename (atomic) plus a unique row in the store; an import that committed is recognised by the
/// documents it stored and by the processed-file ledger; invoices are numbered in the store's
/// transaction and their outputs published by one folder rename; the input moves last.
final class Watcher {
    let settings: WatchSettings
    let store: InvoiceStore
    let importer: InputImporter
    let layouts: PrintLayoutLibrary
    let logger: Logger
    let identity = WatcherIdentity.current()
    var status: WatchStatus
    private var scanner: InboxScanner
    private var nextScheduledRun: Double?
    private var lastCapacityProblem: String?

    /// What became of one file.
    enum Outcome: String {
        case done, duplicate, refused
    }

    init(
        settings: WatchSettings, store: InvoiceStore, importer: InputImporter, layouts: PrintLayoutLibrary,
        logger: Logger
    ) {
        self.settings = settings
        self.store = store
        self.importer = importer
        self.layouts = layouts
        self.logger = logger
        scanner = InboxScanner(settle: settings.settle, requireMarkers: settings.requireMarkers)
        status = WatchStatus(watcher: identity, trigger: settings.trigger.description)
    }

    /// Watches until SIGTERM or SIGINT (or, with `once`, until nothing is left to take).
    func run() throws {
        try settings.layout.create()
        let watch = InboxWatch(folder: settings.layout.inbox)
        if watch == nil { logger.warning("inotify unavailable: rescanning the inbox only") }
        logger.info(
            "watching", metadata: ["inbox": "\(settings.layout.inbox)", "trigger": "\(settings.trigger)"])
        try recoverOnStart()
        writeStatus(state: "running")
        nextScheduledRun = settings.trigger.nextRun(after: Self.now())
        while !StopSignal.requested {
            var busy = true
            do {
                busy = try cycle()
            } catch {
                // The store busy or unreadable for a moment: nothing is lost, the next pass retries.
                note(transient: error, file: "(pass)")
            }
            writeStatus(state: "running")
            if settings.once && !busy { break }
            var wait = settings.rescanInterval
            if let settles = scanner.secondsUntilNextSettles(now: Self.now()) { wait = min(wait, settles + 0.05) }
            if let next = nextScheduledRun { wait = min(wait, max(0, next - Self.now())) }
            if lastCapacityProblem != nil { wait = settings.retryInterval }
            if StopSignal.requested { break }
            if let watch {
                _ = watch.wait(seconds: wait)
            } else {
                usleep(UInt32(min(wait, 3600) * 1_000_000))
            }
        }
        writeStatus(state: "stopped")
        logger.info("stopped")
    }

    /// What a crash may have left besides files in `processing/` (which every pass resumes):
    /// runs numbered but not published, and half-written temporary files.
    private func recoverOnStart() throws {
        do {
            let lock = try FolderLock(path: settings.layout.lockFile)
            defer { withExtendedLifetime(lock) {} }
            try finishUnfinishedRuns()
        } catch {
            note(transient: error, file: "(recovery)")
        }
        // A report or status file cut short by a crash: temporary names only, never a final one.
        for folder in [settings.layout.error, settings.layout.done, settings.layout.root] {
            for entry in InboxScanner.list(folder)
            where entry.name.hasPrefix(".") && entry.name.hasSuffix(".tmp") && Self.now() - entry.modified > 60 {
                unlink(folder + "/" + entry.name)
            }
        }
    }

    /// One pass: resume claimed files, take complete inbox files, run a scheduled invoicing if due.
    /// Returns whether files are still waiting (in the inbox or in `processing/`).
    private func cycle() throws -> Bool {
        if let problem = FolderCapacity.problem(settings.layout.outbox, minimumFreeBytes: settings.minimumFreeBytes)
            ?? FolderCapacity.problem(settings.layout.processing, minimumFreeBytes: settings.minimumFreeBytes)
        {
            if lastCapacityProblem != problem.description {
                logger.error(
                    "refusing to take files until there is room",
                    metadata: ["reason": "\(problem)", "retry_s": "\(settings.retryInterval)"])
                status.noteError(file: nil, reason: problem.description)
            }
            lastCapacityProblem = problem.description
            return false
        }
        if let problem = lastCapacityProblem { logger.notice("resuming", metadata: ["after": "\(problem)"]) }
        lastCapacityProblem = nil
        var waiting = try resumeClaimedFiles()
        let ready = scanner.complete(InboxScanner.list(settings.layout.inbox), now: Self.now())
        for name in ready {
            if StopSignal.requested || lastCapacityProblem != nil { return true }
            try take(name)
        }
        if !ready.isEmpty { waiting = true }
        if let next = nextScheduledRun, Self.now() >= next, !StopSignal.requested {
            try runScheduledInvoicing()
            nextScheduledRun = settings.trigger.nextRun(after: Self.now())
        }
        return waiting || scanner.secondsUntilNextSettles(now: Self.now()) != nil
    }

    /// Claims `name` by renaming it into `processing/` under a name no other file can have (its
    /// inode and modification time), then processes it.
    private func take(_ name: String) throws {
        let source = settings.layout.inbox + "/" + name
        var info = stat()
        guard stat(source, &info) == 0 else { return }
        let token =
            String(UInt64(info.st_ino), radix: 36) + "-"
            + String(UInt64(info.st_mtim.tv_sec) * 1_000_000_000 + UInt64(info.st_mtim.tv_nsec), radix: 36)
        let claimed = token + "~" + name
        let outcome: FileMove.Outcome
        do {
            outcome = try FileMove.rename(source, to: settings.layout.processing + "/" + claimed)
        } catch {
            note(transient: error, file: name)
            return
        }
        guard outcome == .moved else { return }  // another watcher took it
        FileMove.syncFolder(settings.layout.processing)
        unlink(source + InboxScanner.markerSuffix)
        try process(claimed)
    }

    /// Files in `processing/` this watcher should finish: its own (a transient error stopped them),
    /// those of watchers that are gone (a crash), and those nobody claimed yet (a crash between the
    /// rename and the claim row). Returns whether any is still waiting.
    private func resumeClaimedFiles() throws -> Bool {
        let claims = try store.claims()
        for claim in claims where claim.owner != identity && !WatcherIdentity.isAlive(claim.owner) {
            let count = try store.takeOverClaims(of: claim.owner, by: identity)
            if count > 0 { logger.notice("took over the claims of a stopped watcher", metadata: ["files": "\(count)"]) }
        }
        let held = Dictionary(try store.claims().map { ($0.path, $0.owner) }, uniquingKeysWith: { first, _ in first })
        for claim in try store.claims() where claim.owner == identity && access(claim.path, F_OK) != 0 {
            try store.releaseClaim(path: claim.path)  // the file reached done/ or error/ before a crash
        }
        var waiting = false
        let entries = InboxScanner.list(settings.layout.processing).filter { !InboxScanner.isIgnored($0.name) }
        for entry in entries.sorted(by: { ($0.modified, $0.name) < ($1.modified, $1.name) }) {
            if StopSignal.requested || lastCapacityProblem != nil { return true }
            let path = settings.layout.processing + "/" + entry.name
            if let owner = held[path], owner != identity { continue }
            if try !process(entry.name) { waiting = true }
        }
        return waiting
    }

    /// Processes one claimed file to its end; false if it must wait (its content is being
    /// processed by another watcher, or a transient error stopped it).
    @discardableResult
    func process(_ claimed: String) throws -> Bool {
        let path = settings.layout.processing + "/" + claimed
        let name = Self.originalName(claimed)
        let started = Self.now()
        let hash = OutputFolder.sha256(ofFile: path)
        switch try store.claimFile(path: path, sha256: hash, owner: identity) {
        case .claimed: break
        case .heldBy: return true
        case .sameContentHeldBy: return false
        }
        do {
            var details: Logger.Metadata = [:]
            let outcome = try handle(path: path, name: name, hash: hash, details: &details)
            try store.releaseClaim(path: path)
            details["file"] = "\(name)"
            details["outcome"] = "\(outcome.rawValue)"
            details["duration_ms"] = "\(Int((Self.now() - started) * 1000))"
            if outcome == .refused {
                logger.warning("file refused", metadata: details)
                status.noteError(file: name, reason: "refused: see error/\(details["report"] ?? "")")
            } else {
                logger.info("file processed", metadata: details)
                status.noteSuccess(file: name, outcome: outcome.rawValue)
            }
            writeStatus(state: "running")
            return true
        } catch {
            // The file stays claimed in processing/ and is tried again: nothing is lost.
            note(transient: error, file: name, started: started)
            return false
        }
    }

    /// The steps, each repeatable after a crash at any point of the previous ones.
    private func handle(path: String, name: String, hash: String, details: inout Logger.Metadata) throws -> Outcome {
        if let first = try store.processedFile(sha256: hash), try !store.hasDocuments(importedFrom: path) {
            if first != path {
                details["duplicate_of"] = "\(Self.originalName((first as NSString).lastPathComponent))"
                try finish(path, name: name, into: settings.layout.done)
                return .duplicate
            }
        } else if try !store.hasDocuments(importedFrom: path) {
            let report = try ImportReport.importing([path], into: store, importer: importer, allOrNothing: true)
            if !report.skipped.isEmpty {
                details["duplicate_of"] =
                    "\(Self.originalName((report.skipped[0].firstImportedAs as NSString).lastPathComponent))"
                try finish(path, name: name, into: settings.layout.done)
                return .duplicate
            }
            if report.errorCount > 0 || report.files.contains(where: { $0.refused > 0 || $0.refusedWhole }) {
                details["report"] = "\(try refuse(path, name: name, report: report)).error.txt"
                return .refused
            }
            details["records"] = "\(report.files.map(\.records).reduce(0, +))"
        } else {
            // The import committed before a crash; the ledger entry may not have.
            try store.recordProcessedFiles([(hash, path, "imported")])
        }
        if settings.trigger == .immediate {
            // A file of master data or configuration may make waiting orders invoiceable: all accounts.
            let accounts = try store.accounts(importedFrom: path)
            if let invoiced = try invoice(accounts: accounts.isEmpty ? nil : accounts) {
                details["run"] = "\(invoiced.runID)"
                details["invoices"] = "\(invoiced.invoices)"
            }
        }
        try finish(path, name: name, into: settings.layout.done)
        return .done
    }

    /// Moves a processed file out of `processing/` under its original name (numbered if taken).
    private func finish(_ path: String, name: String, into folder: String) throws {
        _ = try FileMove.move(path, into: folder, as: name)
    }

    /// Writes `error/NAME.error.txt`, then moves the file to `error/NAME`; returns the name used.
    private func refuse(_ path: String, name: String, report: ImportReport) throws -> String {
        let text = WatchErrorReport.text(file: name, claimedPath: path, report: report)
        for attempt in 1...10_000 {
            let candidate = attempt == 1 ? name : FileMove.numbered(name, attempt)
            let target = settings.layout.error + "/" + candidate
            if access(target, F_OK) == 0 { continue }
            // A report without its file is left by a crash between these two steps: replace it.
            try FileMove.writeAtomically(Array(text.utf8), to: target + ".error.txt")
            switch try FileMove.rename(path, to: target) {
            case .moved:
                FileMove.syncFolder(settings.layout.error)
                return candidate
            case .sourceGone: return candidate
            case .targetExists: continue
            }
        }
        throw DropFolderError(path: settings.layout.error + "/" + name, operation: "rename", errno: EEXIST)
    }

    private func note(transient error: any Error, file: String, started: Double? = nil) {
        var metadata: Logger.Metadata = [
            "file": "\(file)", "outcome": "retry", "reason": "\(error)", "retry_s": "\(settings.retryInterval)",
        ]
        if let started { metadata["duration_ms"] = "\(Int((Self.now() - started) * 1000))" }
        logger.error("file not processed, kept for a retry", metadata: metadata)
        status.noteError(file: file, reason: "\(error)")
        lastCapacityProblem = "\(error)"
    }

    /// The name a file was dropped under, from its name in `processing/` (`TOKEN~NAME`).
    static func originalName(_ claimed: String) -> String {
        guard let tilde = claimed.firstIndex(of: "~") else { return claimed }
        return String(claimed[claimed.index(after: tilde)...])
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    func writeStatus(state: String) {
        status.state = lastCapacityProblem.map { "waiting: \($0)" } ?? state
        status.write(to: settings.layout)
    }
}
