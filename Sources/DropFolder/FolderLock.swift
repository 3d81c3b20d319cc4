import Glibc

/// An exclusive lock on a file (`flock`), released when the holder closes it or dies, so a
/// crashed watcher never leaves it held.
public final class FolderLock {
    private let descriptor: Int32

    /// Blocks until the lock on `path` (created if missing) is held.
    public init(path: String) throws(DropFolderError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DropFolderError(path: path, operation: "lock", errno: errno) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw DropFolderError(path: path, operation: "lock", errno: code)
            }
        }
    }

    deinit { close(descriptor) }
}
