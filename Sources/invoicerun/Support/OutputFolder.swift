import Crypto
import Foundation
import Glibc

/// Writes output files atomically: each goes to a temporary name, is flushed to disk and then
/// renamed, so a reader never sees half a file under its final name. Records each file's hash.
struct OutputFolder {
    let root: String
    private(set) var written: [(path: String, sha256: String)] = []

    init(root: String) throws {
        self.root = root
        try Self.prepare(root)
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
        let final = root + "/" + relativePath
        let folder = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/." + (final as NSString).lastPathComponent + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: final, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw OutputError(path: final, reason: reason)
            }
            offset += count
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, final) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: final, reason: reason)
        }
        written.append((relativePath, Self.sha256(bytes)))
    }

    static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "\(path): cannot write: \(reason)" }
}
