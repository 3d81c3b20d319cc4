import Glibc

/// A window of bytes over a file or an in-memory array, refilled in fixed-size chunks.
///
/// Bytes before `start` are consumed; `start..<end` is what the scanner still has to
/// look at. Refilling moves the unconsumed bytes to the front first, so the buffer only
/// ever holds the record being parsed plus one chunk, whatever the file size.
struct CSVInput {
    /// The default read size: large enough to amortize system calls, small enough to stay in L2.
    static let defaultChunkSize = 64 * 1024

    let fileName: String
    let chunkSize: Int
    private let file: CSVFileHandle?
    private var fileOffset = 0
    /// Storage; only `0..<end` holds file data, the rest is room for the next read.
    private(set) var buffer: [UInt8]
    /// The first byte not yet consumed.
    var start = 0
    /// One past the last byte read.
    private(set) var end: Int
    /// Whether the whole source is in `buffer`.
    private(set) var isAtEOF: Bool

    /// Reads `path` lazily, `chunkSize` bytes at a time.
    init(path: String, chunkSize: Int) throws(CSVError) {
        precondition(chunkSize > 0, "chunk size must be positive")
        fileName = path
        self.chunkSize = chunkSize
        file = try CSVFileHandle(path: path, fileName: path)
        buffer = []
        end = 0
        isAtEOF = false
    }

    /// Serves `bytes` as a source that is already complete.
    init(bytes: [UInt8], fileName: String) {
        self.fileName = fileName
        chunkSize = max(bytes.count, 1)
        file = nil
        buffer = bytes
        end = bytes.count
        isAtEOF = true
    }

    /// The number of unconsumed bytes.
    var available: Int { end - start }

    /// Appends the next chunk; sets `isAtEOF` when the file has no more data.
    mutating func refill() throws(CSVError) {
        precondition(!isAtEOF, "refill after end of input")
        guard let file else {
            isAtEOF = true
            return
        }
        if start > 0 {
            let (from, count) = (start, end - start)
            buffer.withUnsafeMutableBufferPointer { storage in
                let base = storage.baseAddress!
                _ = memmove(base, base + from, count)
            }
            end = count
            start = 0
        }
        if buffer.count - end < chunkSize {
            buffer.append(contentsOf: repeatElement(0, count: chunkSize - (buffer.count - end)))
        }
        let (chunk, at, writeOffset, name) = (chunkSize, fileOffset, end, fileName)
        // `withUnsafeMutableBytes` only rethrows untyped errors, so the error travels as a value.
        let count = try buffer.withUnsafeMutableBytes { storage in
            Result { () throws(CSVError) in
                try file.read(into: storage.baseAddress! + writeOffset, count: chunk, at: at, fileName: name)
            }
        }.get()
        if count == 0 {
            isAtEOF = true
        } else {
            end += count
            fileOffset += count
        }
    }

    /// Whether the whole source is valid UTF-8, read in chunks without disturbing the window.
    ///
    /// Files are validated in a separate pass rather than while parsing because a
    /// non-UTF-8 byte late in the file changes how every earlier row must be decoded.
    func isValidUTF8Throughout() throws(CSVError) -> Bool {
        guard let file else {
            return buffer.withUnsafeBufferPointer { UTF8Validator.validate($0) == .valid }
        }
        // A sequence cut by the chunk boundary is carried over (at most 3 bytes).
        var chunk = [UInt8](repeating: 0, count: chunkSize + 3)
        var carried = 0
        var offset = 0
        while true {
            let (size, at, keep, name) = (chunkSize, offset, carried, fileName)
            let count = try chunk.withUnsafeMutableBytes { storage in
                Result { () throws(CSVError) in
                    try file.read(into: storage.baseAddress! + keep, count: size, at: at, fileName: name)
                }
            }.get()
            offset += count
            let outcome = chunk.withUnsafeBufferPointer {
                UTF8Validator.validate(UnsafeBufferPointer(rebasing: $0[..<(keep + count)]))
            }
            switch outcome {
            case .valid:
                if count == 0 { return true }
                carried = 0
            case .invalid:
                return false
            case let .truncated(at):
                if count == 0 { return false }
                carried = keep + count - at
                chunk.withUnsafeMutableBufferPointer { storage in
                    for index in 0..<carried { storage[index] = storage[at + index] }
                }
            }
        }
    }
}
