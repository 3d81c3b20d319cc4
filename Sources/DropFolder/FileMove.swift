import Glibc

/// Atomic moves between the drop folder's folders: a rename that never replaces a file.
public enum FileMove {
    /// What came of a move.
    public enum Outcome: Sendable, Hashable {
        /// The file now has the new name.
        case moved
        /// The source was gone: another watcher took it first.
        case sourceGone
        /// The target name is taken.
        case targetExists
    }

    /// Renames `source` to `target` unless `target` exists; atomic, so of two watchers renaming
    /// the same file exactly one succeeds.
    public static func rename(_ source: String, to target: String) throws(DropFolderError) -> Outcome {
        if renameat2(AT_FDCWD, source, AT_FDCWD, target, renameNoReplace) == 0 { return .moved }
        switch errno {
        case ENOENT: return .sourceGone
        case EEXIST: return .targetExists
        case EINVAL, ENOSYS:
            // A file system without RENAME_NOREPLACE: link (fails if the target exists), then unlink.
            if link(source, target) == 0 {
                unlink(source)
                return .moved
            }
            if errno == ENOENT { return .sourceGone }
            if errno == EEXIST { return .targetExists }
            throw DropFolderError(path: target, operation: "rename", errno: errno)
        default:
            throw DropFolderError(path: target, operation: "rename", errno: errno)
        }
    }

    /// Moves `source` into `folder` as `name`, or as `stem-2.ext`, `stem-3.ext`, ... when that name
    /// is taken. Returns the name used, or nil if the source was gone.
    public static func move(_ source: String, into folder: String, as name: String) throws(DropFolderError) -> String? {
        for attempt in 1...10_000 {
            let candidate = attempt == 1 ? name : numbered(name, attempt)
            switch try rename(source, to: folder + "/" + candidate) {
            case .moved:
                syncFolder(folder)
                return candidate
            case .sourceGone: return nil
            case .targetExists: continue
            }
        }
        throw DropFolderError(path: folder + "/" + name, operation: "rename", errno: EEXIST)
    }

    /// `stem-N.ext` for `stem.ext`: the name of the Nth file dropped as `stem.ext`.
    public static func numbered(_ name: String, _ number: Int) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "\(name)-\(number)" }
        return "\(name[..<dot])-\(number)\(name[dot...])"
    }

    /// Flushes a folder's entries, so renames into it survive a power cut.
    public static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Writes `bytes` to `path` atomically: a temporary name, fsync, rename, folder sync.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DropFolderError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = folder + "/." + name + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DropFolderError(path: path, operation: "write", errno: errno) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw DropFolderError(path: path, operation: "write", errno: code)
            }
            offset += count
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw DropFolderError(path: path, operation: "write", errno: code)
        }
        guard Glibc.rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw DropFolderError(path: path, operation: "rename", errno: code)
        }
        syncFolder(folder)
    }
}

/// `renameat2(2)`'s flag that refuses to replace an existing target.
private let renameNoReplace: UInt32 = 1

/// glibc declares `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc module does not set.
@_silgen_name("renameat2")
private func renameat2(
    _ oldFolder: Int32, _ oldPath: UnsafePointer<CChar>, _ newFolder: Int32, _ newPath: UnsafePointer<CChar>,
    _ flags: UInt32
) -> Int32
