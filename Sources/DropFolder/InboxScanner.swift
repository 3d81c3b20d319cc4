/// Decides which files in the inbox are complete and in which order to take them.
///
/// The rules, for partners that write files in place:
/// - names starting with `.` or ending in `.tmp` or `.part` are ignored (files being written);
/// - a file is taken once its size and modification time have not changed for `settle` seconds;
/// - a file `NAME.ready` beside `NAME` marks it complete at once (partners that use markers);
///   with `requireMarkers`, only marked files are taken.
/// Complete files are taken in arrival order: by modification time, then by name.
public struct InboxScanner: Sendable {
    /// One regular file seen in the inbox.
    public struct Entry: Sendable, Hashable {
        /// The file name (no folder).
        public var name: String
        /// Size in bytes.
        public var size: Int64
        /// Modification time, seconds since the epoch.
        public var modified: Double
        /// The inode, so a file replaced under the same name counts as new.
        public var inode: UInt64

        /// An entry as a directory listing reports it.
        public init(name: String, size: Int64, modified: Double, inode: UInt64) {
            self.name = name
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    /// Seconds a file's size and modification time must stay unchanged before it is taken.
    public var settle: Double
    /// Take only files that a `.ready` marker names.
    public var requireMarkers: Bool
    /// What each file looked like when first seen so: name → (entry, when).
    private var firstSeen: [String: (entry: Entry, at: Double)] = [:]

    /// A scanner with the given settle time and marker rule.
    public init(settle: Double, requireMarkers: Bool = false) {
        self.settle = settle
        self.requireMarkers = requireMarkers
    }

    /// The suffix of a marker file.
    public static let markerSuffix = ".ready"

    /// Whether `name` is never taken: hidden, temporary or partial files, and markers themselves.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix(markerSuffix)
    }

    /// Records a listing made at `now` (seconds since the epoch) and returns the names of the files
    /// that are complete, in arrival order.
    public mutating func complete(_ entries: [Entry], now: Double) -> [String] {
        let names = Set(entries.map(\.name))
        var ready: [Entry] = []
        var seen: [String: (entry: Entry, at: Double)] = [:]
        for entry in entries where !Self.isIgnored(entry.name) {
            let marked = names.contains(entry.name + Self.markerSuffix)
            if let previous = firstSeen[entry.name], previous.entry == entry {
                seen[entry.name] = previous
            } else {
                seen[entry.name] = (entry, now)
            }
            if marked {
                ready.append(entry)
            } else if !requireMarkers, let since = seen[entry.name]?.at,
                now - since >= settle && now - entry.modified >= settle
            {
                ready.append(entry)
            }
        }
        firstSeen = seen
        return ready.sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }.map(\.name)
    }

    /// Seconds until the next file seen but not yet complete may be, or nil if none waits.
    public func secondsUntilNextSettles(now: Double) -> Double? {
        guard !requireMarkers else { return nil }
        return firstSeen.values.map { max($0.at + settle, $0.entry.modified + settle) - now }.min().map { max(0, $0) }
    }
}
