import Glibc

/// A file-system operation of the drop folder that failed, with the system's reason.
public struct DropFolderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or folder concerned.
    public var path: String
    /// What was attempted: `rename`, `write`, `watch`, ...
    public var operation: String
    /// The system error number.
    public var code: Int32

    /// An error for `path` from the system's `errno`.
    public init(path: String, operation: String, errno code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// Whether waiting may cure it: a full disk, a read-only or missing folder, a quota.
    public var isTransient: Bool {
        [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO, ENOENT, EBUSY].contains(code)
    }

    /// `PATH: cannot rename: No space left on device`.
    public var description: String { "\(path): cannot \(operation): \(String(cString: strerror(code)))" }
}
