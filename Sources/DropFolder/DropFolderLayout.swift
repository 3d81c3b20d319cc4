import Foundation

/// The folders of a drop folder: files arrive in `inbox/`, are claimed into `processing/`, end in
/// `done/` or in `error/` (with a report beside them), and results are published in `outbox/`.
public struct DropFolderLayout: Sendable, Hashable {
    /// The folder that holds the others (and, by default, the store).
    public var root: String
    /// Where upstream systems drop files.
    public var inbox: String
    /// Where a claimed file waits while it is processed.
    public var processing: String
    /// Where processed files end (and duplicates, which are a no-op).
    public var done: String
    /// Where refused files end, each with `NAME.error.txt` beside it.
    public var error: String
    /// Where outputs are published.
    public var outbox: String
    /// The status file (JSON) that `watch status` reads.
    public var statusFile: String
    /// The lock file that makes invoicing one watcher at a time.
    public var lockFile: String

    /// The standard layout under `root`, with `inbox` and `outbox` optionally elsewhere.
    ///
    /// `processing/`, `done/` and `error/` stay under `root`; `inbox` must be on the same file
    /// system as `root`, because a file is claimed by renaming it.
    public init(root: String, inbox: String? = nil, outbox: String? = nil) {
        let root = Self.trimmed(root)
        self.root = root
        self.inbox = inbox.map(Self.trimmed) ?? root + "/inbox"
        processing = root + "/processing"
        done = root + "/done"
        error = root + "/error"
        self.outbox = outbox.map(Self.trimmed) ?? root + "/outbox"
        statusFile = root + "/status.json"
        lockFile = root + "/.invoicing.lock"
    }

    /// Creates every folder that is missing.
    public func create() throws {
        for folder in [inbox, processing, done, error, outbox] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
