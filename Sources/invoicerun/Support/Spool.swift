import Foundation
import Glibc

/// Text that grows with a run (a line or a JSON object per unit, per output file) kept in a
/// temporary file instead of memory, and copied into its output file at the end: a run of a
/// million items holds no more of its log and manifest than a run of ten.
///
/// Written through a small buffer; the file is removed when the spool goes.
final class Spool {
    private let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// Pieces appended so far.
    private(set) var count = 0

    /// A spool in `folder` (which must exist), under a hidden name made from `name`.
    init(in folder: String, name: String) throws {
        path = folder + "/.spool-\(name)-\(getpid())"
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { discard() }

    /// Removes the spool's file; nothing can be appended or copied after.
    func discard() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        unlink(path)
    }

    private static let bufferSize = 1 << 16

    /// Appends `text` as one piece.
    func append(_ text: String) throws {
        try append { $0.append(contentsOf: text.utf8) }
    }

    /// Appends, as one piece, what `write` appends to the spool's buffer.
    func append(_ write: (inout [UInt8]) -> Void) throws {
        write(&buffer)
        count += 1
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws {
        try OutputFolder.writeAll(buffer[...], to: descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Copies everything appended, in order, into `file`, a megabyte at a time.
    func copy(into file: AppendingFile) throws {
        try flush()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if read < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
            if read == 0 { return }
            try file.append(bytes: chunk[0..<read])
            offset += off_t(read)
        }
    }

    /// Reads back what was appended, from the start, in pieces of any size.
    func reader() throws -> Reader {
        try flush()
        return Reader(descriptor: descriptor, path: path)
    }

    /// Reads a spool's bytes in order through a buffer of its own, in runs of bytes rather
    /// than byte by byte: a run's posting journal reads back tens of megabytes of rows.
    struct Reader {
        let descriptor: Int32
        let path: String
        private var buffer: [UInt8] = []
        private var position = 0
        private var offset: off_t = 0

        init(descriptor: Int32, path: String) {
            self.descriptor = descriptor
            self.path = path
        }

        /// Reads the next part of the file into the buffer; false at the end of the file.
        private mutating func refill() throws -> Bool {
            if buffer.count != 1 << 16 { buffer = [UInt8](repeating: 0, count: 1 << 16) }
            var read = -1
            while read < 0 {
                read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
                if read < 0 && errno != EINTR {
                    throw OutputError(path: path, reason: String(cString: strerror(errno)))
                }
            }
            buffer.removeSubrange(read...)
            position = 0
            offset += off_t(read)
            return read > 0
        }

        /// The next byte, or nil at the end.
        mutating func next() throws -> UInt8? {
            if position == buffer.count, try !refill() { return nil }
            defer { position += 1 }
            return buffer[position]
        }

        /// The next `count` bytes (fewer at the end).
        mutating func next(_ count: Int) throws -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            while bytes.count < count {
                if position == buffer.count, try !refill() { break }
                let end = min(buffer.count, position + count - bytes.count)
                bytes += buffer[position..<end]
                position = end
            }
            return bytes
        }

        /// The bytes before the next `delimiter`, which is read and left out; what is left
        /// when the file ends first; nil at the end.
        mutating func bytes(until delimiter: UInt8) throws -> [UInt8]? {
            var bytes: [UInt8] = []
            while true {
                if position == buffer.count, try !refill() { return bytes.isEmpty ? nil : bytes }
                if let found = buffer[position...].firstIndex(of: delimiter) {
                    bytes += buffer[position..<found]
                    position = found + 1
                    return bytes
                }
                bytes += buffer[position...]
                position = buffer.count
            }
        }
    }

    /// Hands the lines appended (each piece one line, ending in a line feed) to `body`, up to
    /// `batch` at a time, in order.
    func forEachBatch(of batch: Int, _ body: ([String]) throws -> Void) throws {
        var reader = try reader()
        var lines: [String] = []
        while let line = try reader.bytes(until: UInt8(ascii: "\n")) {
            lines.append(String(decoding: line, as: UTF8.self))
            if lines.count == batch {
                try body(lines)
                lines.removeAll(keepingCapacity: true)
            }
        }
        if !lines.isEmpty { try body(lines) }
    }
}

/// A JSON array written one element at a time into a spool, laid out exactly as `JSONEncoder`
/// with `.prettyPrinted` lays out the same array at `depth` (so a manifest streamed this way has
/// the bytes of one encoded whole; see `PrettyJSON`).
final class JSONArraySpool {
    private let spool: Spool
    private let depth: Int
    private let indentation: String

    /// - Parameter depth: how deep the array sits in the document (1 for a top-level key's value).
    init(in folder: String, name: String, depth: Int) throws {
        spool = try Spool(in: folder, name: name)
        self.depth = depth
        indentation = String(repeating: "  ", count: depth)
    }

    /// Appends `element`.
    func append(_ element: PrettyJSON) throws {
        let first = spool.count == 0
        try spool.append { [indentation, depth] bytes in
            if !first { bytes.append(contentsOf: ",\n".utf8) }
            bytes.append(contentsOf: indentation.utf8)
            bytes.append(contentsOf: "  ".utf8)
            element.write(into: &bytes, depth: depth + 1)
        }
    }

    /// Removes the spool's file.
    func discard() { spool.discard() }

    /// Writes the whole array (`[`, the elements, `]`) into `file`.
    func copy(into file: AppendingFile) throws {
        if spool.count == 0 {
            try file.append("[\n\n" + indentation + "]")
        } else {
            try file.append("[\n")
            try spool.copy(into: file)
            try file.append("\n" + indentation + "]")
        }
    }
}
