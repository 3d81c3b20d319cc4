import Glibc

/// Wakes the watcher when something arrives in a folder: Linux inotify, with a timeout so a
/// periodic rescan catches whatever inotify cannot see (network file systems, a full event queue).
public final class InboxWatch {
    private let descriptor: Int32

    /// Watches `folder` for files closed after writing, moved in or created; nil if inotify is
    /// unavailable, in which case the caller relies on rescans alone.
    public init?(folder: String) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_DELETE)
        guard inotify_add_watch(descriptor, folder, mask) >= 0 else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Waits up to `seconds` for an event; returns whether one came (events are drained, since
    /// the watcher rescans the folder anyway). A signal ends the wait early.
    public func wait(seconds: Double) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(seconds, 3600)) * 1000)
        guard poll(&entry, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        return true
    }
}
