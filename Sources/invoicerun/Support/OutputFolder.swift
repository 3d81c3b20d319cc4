import Crypto
import Foundation
import Glibc

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
    private var createdFolders: Set<String> = []

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
    /// written before becomes a hard link to it where it can (a folder published whole, on a file
    /// system with links): a name costs the kernel far less than a new file.
    mutating func write(_ file: RenderedFile) throws {
        if let original = file.original, isWhole {
            let (source, final) = (writeRoot + "/" + original, writeRoot + "/" + file.relativePath)
            try makeFolder(of: final)
            if link(source, final) == 0 || (errno == EEXIST && unlink(final) == 0 && link(source, final) == 0) {
                try record(file.relativePath, sha256: file.sha256)
                return
            }
        }
        try write(bytes: file.bytes, to: file.relativePath, sha256: file.sha256)
    }

    /// Creates the folder `path` is in, unless this folder made it already.
    private mutating func makeFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !createdFolders.contains(folder) else { return }
        // One mkdir for the usual new folder in a known one; FileManager for the rest.
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        createdFolders.insert(folder)
    }

    private mutating func write(bytes: [UInt8], to relativePath: String, sha256: String) throws {
        let final = writeRoot + "/" + relativePath
        let folder = (final as NSString).deletingLastPathComponent
        try makeFolder(of: final)
        let temporary = isWhole ? final : folder + "/." + (final as NSString).lastPathComponent + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: final, reason: String(cString: strerror(errno))) }
        do {
            try Self.writeAll(bytes[...], to: descriptor, path: final)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: final, reason: reason)
        }
        if !isWhole { staged.append((temporary, final)) }
        try record(relativePath, sha256: sha256)
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

    static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
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

    /// A digest as the manifest writes it: lower-case hex, two digits per byte.
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
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
