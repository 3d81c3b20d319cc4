import Glibc

/// Names a watcher process so its claims can be told from those of one that is gone: the
/// process id and the process's start time (a reused process id has another start time).
public enum WatcherIdentity {
    /// This process's identity, `pid:start`.
    public static func current() -> String {
        let pid = getpid()
        return "\(pid):\(startTime(of: pid) ?? "0")"
    }

    /// Whether the process `identity` names still runs.
    public static func isAlive(_ identity: String) -> Bool {
        let parts = identity.split(separator: ":")
        guard parts.count == 2, let pid = Int32(parts[0]) else { return false }
        guard let start = startTime(of: pid) else { return false }
        return start == parts[1]
    }

    /// Field 22 of `/proc/PID/stat`: when the process started, in clock ticks since boot.
    static func startTime(of pid: Int32) -> String? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 1024)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The command name (field 2) is in parentheses and may hold spaces: count after the last ")".
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
