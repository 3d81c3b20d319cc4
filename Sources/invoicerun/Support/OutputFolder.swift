import Crypto
import Foundation
import Glibc
import Synchronization

/// Writes output files atomically: each goes to a temporary name, is flushed to disk and then
/// renamed, so a reader never sees half a file under its final name. Records each file's hash.
///
/// Files are staged under temporary names by `write` and published together by `publish()`:
/// one `syncfs` flushes them all (instead of an fsync per file, which dominated writing many
/// small files), then each is renamed and the folders are synced, so the renames last too.
///
/// A run's folder is written whole instead (`init(wholeFolder:)`): its files go straight under
/// their final names into a hidden folder beside `root`, and `publish()` renames that folder to
/// `root`. A run of a million items writes hundreds of thousands of files; this saves a rename
/// per file and the list of them, and the run's outputs appear all at once.
struct OutputFolder {
    /// Where the files are once published.
    let root: String
    /// Where they are written: `root`, or the hidden folder of a whole folder.
    let writeRoot: String
    /// Whether the folder is written whole and published by one rename.
    let isWhole: Bool
    /// The files written, with their hashes, in order; kept in `outputLog` instead when it is set.
    private(set) var written: [(path: String, sha256: String)] = []
    /// Where a run lists its files for the manifest, so they are not held in memory.
    var outputLog: JSONArraySpool?
    /// How many files were written.
    private(set) var writtenCount = 0
    /// Temporary name → final name of files written but not yet published.
    private var staged: [(temporary: String, final: String)] = []
    /// Folders known to exist, so each is created once rather than checked for every file.
    private let folders = KnownFolders()

    init(root: String) throws {
        self.root = root
        writeRoot = root
        isWhole = false
        try Self.prepare(root)
    }

    /// A folder written whole: into `.NAME.partial` beside `root`, renamed to `root` by `publish()`
    /// (replacing a folder already there, such as an earlier simulation's).
    init(wholeFolder root: String) throws {
        self.root = root
        let parent = Self.parent(of: root)
        writeRoot = parent + "/." + (root as NSString).lastPathComponent + ".partial"
        isWhole = true
        try Self.prepare(parent)
        // What an attempt cut short left.
        try? FileManager.default.removeItem(atPath: writeRoot)
        try Self.prepare(writeRoot)
    }

    /// Creates `folder` if needed and proves it writable, so a run fails before it stores anything
    /// rather than after its invoices are numbered.
    static func prepare(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder, reason: "cannot create the folder")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw OutputError(path: folder, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes `text` to `relativePath` under the folder.
    mutating func write(_ text: String, to relativePath: String) throws {
        try write(bytes: Array(text.utf8), to: relativePath)
    }

    /// Writes `bytes` to `relativePath` under the folder.
    mutating func write(bytes: [UInt8], to relativePath: String) throws {
        try write(bytes: bytes, to: relativePath, sha256: Self.sha256(bytes))
    }

    /// Writes a file rendered (and hashed) elsewhere, e.g. on another core. A copy of a file
    /// written before becomes a hard link to it where it can (see ``FileCreator``).
    mutating func write(_ file: RenderedFile) throws {
        try write(bytes: file.bytes, to: file.relativePath, sha256: file.sha256, copying: file.original)
    }

    /// Creates the files of a folder published whole from any thread, so file creation, the
    /// kernel's part of a run's output, is spread over the cores; nil for a folder whose files
    /// are staged one by one. What it creates is listed by ``recordCreated(_:)``, in order.
    var creator: FileCreator? {
        isWhole ? FileCreator(writeRoot: writeRoot, folders: folders) : nil
    }

    /// Lists `file`, put on disk by ``creator``, among the folder's files.
    mutating func recordCreated(_ file: RenderedFile) throws {
        try record(file.relativePath, sha256: file.sha256)
    }

    /// Writes `bytes` under their final name in a folder published whole (a hard link to
    /// `original`, a file with the same bytes, where it can), or under a temporary name staged
    /// for ``publish()``.
    private mutating func write(
        bytes: [UInt8], to relativePath: String, sha256: String, copying original: String? = nil
    ) throws {
        if let creator {
            try creator.create(relativePath, bytes: bytes, copying: original)
        } else {
            let final = writeRoot + "/" + relativePath
            let folder = Self.parent(of: final)
            try folders.make(folder)
            let temporary = folder + "/." + (final as NSString).lastPathComponent + ".tmp"
            try Self.create(temporary, bytes: bytes, naming: final)
            staged.append((temporary, final))
        }
        try record(relativePath, sha256: sha256)
    }

    /// Creates the file `path` (or empties it) with `bytes`; an error names `final`, and leaves
    /// no file behind.
    static func create(_ path: String, bytes: [UInt8], naming final: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: final, reason: String(cString: strerror(errno))) }
        do {
            try writeAll(bytes[...], to: descriptor, path: final)
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw OutputError(path: final, reason: reason)
        }
    }

    private mutating func record(_ relativePath: String, sha256: String) throws {
        writtenCount += 1
        if let outputLog {
            try outputLog.append(Manifest.Output(file: relativePath, sha256: sha256).json)
        } else {
            written.append((relativePath, sha256))
        }
    }

    /// Stages a file written elsewhere under `temporary` to be published as `relativePath`
    /// (see `OutputFolder+Appending.swift`).
    mutating func stage(temporary: String, as relativePath: String, sha256: String) throws {
        if !isWhole { staged.append((temporary, root + "/" + relativePath)) }
        try record(relativePath, sha256: sha256)
    }

    /// Makes every staged file durable, then gives each its final name (or the whole folder its
    /// name).
    mutating func publish() throws {
        if isWhole { return try publishWhole() }
        guard !staged.isEmpty else { return }
        let root = open(self.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw OutputError(path: self.root, reason: String(cString: strerror(errno))) }
        defer { close(root) }
        guard syncfs(root) == 0 else { throw OutputError(path: self.root, reason: String(cString: strerror(errno))) }
        var folders = Set<String>()
        for file in staged {
            guard rename(file.temporary, file.final) == 0 else {
                throw OutputError(path: file.final, reason: String(cString: strerror(errno)))
            }
            folders.insert((file.final as NSString).deletingLastPathComponent)
        }
        staged = []
        for folder in folders.sorted() {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// Makes the hidden folder durable and renames it to `root`; a folder already at `root` is
    /// moved aside first and removed after.
    private func publishWhole() throws {
        let descriptor = open(writeRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: writeRoot, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard syncfs(descriptor) == 0 else {
            throw OutputError(path: writeRoot, reason: String(cString: strerror(errno)))
        }
        let parent = Self.parent(of: root)
        let replaced = parent + "/." + (root as NSString).lastPathComponent + ".replaced"
        var moved = false
        if access(root, F_OK) == 0 {
            try? FileManager.default.removeItem(atPath: replaced)
            guard rename(root, replaced) == 0 else {
                throw OutputError(path: root, reason: String(cString: strerror(errno)))
            }
            moved = true
        }
        guard rename(writeRoot, root) == 0 else {
            throw OutputError(path: root, reason: String(cString: strerror(errno)))
        }
        let folder = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        if moved { try? FileManager.default.removeItem(atPath: replaced) }
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes and interruptions; an
    /// error names `path`.
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += count
        }
    }

    /// The folder `path` is in (`.` for a bare name).
    static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of the file at `path`, read in 1 MiB chunks so a large input is never held
    /// whole in memory just to be hashed; an unreadable file hashes as empty.
    static func sha256(ofFile path: String) -> String {
        var hasher = SHA256()
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        }
        return hex(hasher.finalize())
    }

    /// A digest as the manifest writes it: lower-case hex, two digits per byte, made in one
    /// buffer (a `String` per byte, joined, cost 30,000 instructions a file).
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            for (index, byte) in digest.enumerated() {
                buffer[2 * index] = digits[Int(byte >> 4)]
                buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return SHA256.byteCount * 2
        }
    }
}

/// An output file's bytes and hash, made before it is written.
struct RenderedFile: Sendable {
    let relativePath: String
    let bytes: [UInt8]
    let sha256: String
    /// The file, written before, whose copy this is (see ``copy(to:)``).
    let original: String?

    init(_ text: String, to relativePath: String) {
        self.init(bytes: Array(text.utf8), to: relativePath)
    }

    init(bytes: [UInt8], to relativePath: String) {
        self.relativePath = relativePath
        self.bytes = bytes
        sha256 = OutputFolder.sha256(bytes)
        original = nil
    }

    private init(relativePath: String, bytes: [UInt8], sha256: String, original: String) {
        self.relativePath = relativePath
        self.bytes = bytes
        self.sha256 = sha256
        self.original = original
    }

    /// The same bytes under another name, to be written after this file: a hard link to it
    /// where the folder allows.
    func copy(to relativePath: String) -> RenderedFile {
        RenderedFile(relativePath: relativePath, bytes: bytes, sha256: sha256, original: self.relativePath)
    }
}

/// Puts the rendered files of a folder published whole on disk under their final names, from
/// any thread: a run's workers create each document's files as they render it, so the kernel's
/// work of making hundreds of thousands of files is shared by the cores instead of falling on the
/// one thread that writes the run's outputs in order.
struct FileCreator: Sendable {
    let writeRoot: String
    let folders: KnownFolders

    /// Puts `file` on disk: a copy of a file written before (`original`) becomes a hard link to
    /// it, a name costing the kernel far less than a new file; where the link fails, a file of
    /// its own.
    func create(_ file: RenderedFile) throws {
        try create(file.relativePath, bytes: file.bytes, copying: file.original)
    }

    /// Puts `bytes` on disk as `relativePath`: a hard link to `original`, a file written before
    /// with the same bytes, where it can, else a file of its own.
    func create(_ relativePath: String, bytes: [UInt8], copying original: String? = nil) throws {
        let final = writeRoot + "/" + relativePath
        try folders.make(OutputFolder.parent(of: final))
        if let original {
            let source = writeRoot + "/" + original
            if link(source, final) == 0 || (errno == EEXIST && unlink(final) == 0 && link(source, final) == 0) {
                return
            }
        }
        try OutputFolder.create(final, bytes: bytes, naming: final)
    }

    /// Puts `files` on disk in order, up to the first that fails: how many were created, and
    /// the failure.
    func create(_ files: [RenderedFile]) -> (created: Int, failure: (any Error)?) {
        for (index, file) in files.enumerated() {
            do {
                try create(file)
            } catch {
                return (index, error)
            }
        }
        return (files.count, nil)
    }
}

/// The folders of an output folder known to exist, shared by the threads writing into it, so
/// each is made once rather than checked for every file.
///
/// At most `limit` are remembered: a run makes a spool folder per account, a hundred thousand at
/// a million items, and a set of all their paths grew the run's memory with its size. Once full
/// the set starts again; a folder made before and forgotten costs one `mkdir` that finds it there.
final class KnownFolders: Sendable {
    private let known = Mutex<Set<String>>([])
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// Creates `folder` unless it is known: one `mkdir` for the usual new folder in a known one,
    /// `FileManager` for the rest. Two threads may both make a new folder; one finds it made.
    func make(_ folder: String) throws {
        guard !known.withLock({ $0.contains(folder) }) else { return }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        known.withLock { known in
            if known.count >= limit { known.removeAll(keepingCapacity: true) }
            known.insert(folder)
        }
    }
}

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "\(path): cannot write: \(reason)" }
}

/// `syncfs(2)` flushes the file system holding `descriptor`; glibc declares it only under
/// `_GNU_SOURCE`, which Swift's Glibc module does not set.
@_silgen_name("syncfs")
func syncfs(_ descriptor: Int32) -> Int32
