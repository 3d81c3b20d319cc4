import Glibc

/// Whether a folder can take output now: writable, and with room on its file system.
public enum FolderCapacity {
    /// Nil when `folder` is writable and has at least `minimumFreeBytes` free; otherwise the reason.
    public static func problem(_ folder: String, minimumFreeBytes: Int64) -> DropFolderError? {
        guard access(folder, W_OK | X_OK) == 0 else {
            return DropFolderError(path: folder, operation: "write", errno: errno)
        }
        var info = statvfs()
        guard statvfs(folder, &info) == 0 else {
            return DropFolderError(path: folder, operation: "write", errno: errno)
        }
        if info.f_flag & UInt(ST_RDONLY) != 0 { return DropFolderError(path: folder, operation: "write", errno: EROFS) }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        return free < minimumFreeBytes ? DropFolderError(path: folder, operation: "write", errno: ENOSPC) : nil
    }
}
