import DropFolder
import Foundation

/// What `status.json` says: the watcher, its state, the last success and the last error. The
/// backlog is counted from the folders when the status is read, so it is never stale.
struct WatchStatus: Codable {
    struct Event: Codable {
        var file: String?
        var at: String
        var outcome: String?
        var reason: String?
    }

    var watcher: String
    var trigger: String
    var state = "starting"
    var updated = ""
    var processed = 0
    var duplicates = 0
    var refused = 0
    var lastSuccess: Event?
    var lastError: Event?

    init(watcher: String, trigger: String) {
        self.watcher = watcher
        self.trigger = trigger
    }

    mutating func noteSuccess(file: String, outcome: String) {
        if outcome == "duplicate" { duplicates += 1 } else { processed += 1 }
        lastSuccess = Event(file: file, at: Self.timestamp(), outcome: outcome)
    }

    mutating func noteError(file: String?, reason: String) {
        if reason.hasPrefix("refused") { refused += 1 }
        lastError = Event(file: file, at: Self.timestamp(), reason: reason)
    }

    /// Writes the status atomically; a status that cannot be written is not worth stopping for.
    mutating func write(to layout: DropFolderLayout) {
        updated = Self.timestamp()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? FileMove.writeAtomically(Array(data) + [10], to: layout.statusFile)
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}
