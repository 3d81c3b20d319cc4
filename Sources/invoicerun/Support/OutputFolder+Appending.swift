import Crypto
import Foundation
import Glibc

/// An output file written piece by piece, so a large one (the run's combined print file) is
/// never held whole in memory; hashed as it goes, staged by `OutputFolder.finish(_:)`.
final class AppendingFile {
    let relativePath: String
    let temporary: String
    private var descriptor: Int32
    private var hasher = SHA256()

    fileprivate init(relativePath: String, temporary: String, descriptor: Int32) {
        self.relativePath = relativePath
        self.temporary = temporary
        self.descriptor = descriptor
    }

    deinit {
        // Not finished (an error on the way): the temporary file goes.
        if descriptor >= 0 {
            Glibc.close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends `text`.
    func append(_ text: String) throws {
        try append(bytes: Array(text.utf8)[...])
    }

    /// Appends bytes as they are (a rejects file keeps the partner's encoding).
    func append(bytes: ArraySlice<UInt8>) throws {
        hasher.update(data: bytes)
        try OutputFolder.writeAll(bytes, to: descriptor, path: relativePath)
    }

    /// Closes the file and returns its SHA-256.
    fileprivate func close() throws -> String {
        let result = Glibc.close(descriptor)
        descriptor = -1
        guard result == 0 else {
            unlink(temporary)
            throw OutputError(path: relativePath, reason: String(cString: strerror(errno)))
        }
        return OutputFolder.hex(hasher.finalize())
    }
}

extension OutputFolder {
    /// Opens `relativePath` to be written piece by piece under a temporary name.
    func appending(to relativePath: String) throws -> AppendingFile {
        let final = writeRoot + "/" + relativePath
        let folder = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = isWhole ? final : folder + "/." + (final as NSString).lastPathComponent + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: final, reason: String(cString: strerror(errno))) }
        return AppendingFile(relativePath: relativePath, temporary: temporary, descriptor: descriptor)
    }

    /// Closes `file` and stages it with the other outputs, to be published with them.
    mutating func finish(_ file: AppendingFile) throws {
        let sha256 = try file.close()
        try stage(temporary: file.temporary, as: file.relativePath, sha256: sha256)
    }
}
