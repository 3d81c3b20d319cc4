internal import CLibXML2
internal import Glibc

/// The bytes of one source document as libxml2 pulls them, checked for a DOCTYPE on the way in.
///
/// Both files and in-memory documents go through libxml2's I/O callbacks rather than
/// `xmlReaderForFile`/`xmlReaderForMemory`, so that ``PrologScanner`` sees every byte before the
/// parser does and can cut the document off at a DOCTYPE. It also owns the memory copy, which
/// libxml2 would otherwise borrow without copying.
final class DocumentInput {
    private enum Storage {
        case memory(UnsafeMutableRawBufferPointer, offset: Int)
        case file(descriptor: Int32)
    }

    let fileName: String
    private var storage: Storage
    private var scanner = PrologScanner()
    /// Set when the document was cut off; it explains the I/O error libxml2 will report.
    private(set) var refusal: XMLDiagnostic?

    /// Copies `bytes`, so the caller's array can go away while libxml2 still reads.
    init(bytes: [UInt8], fileName: String) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        copy.copyBytes(from: bytes)
        self.storage = .memory(UnsafeMutableRawBufferPointer(rebasing: copy[..<bytes.count]), offset: 0)
        self.fileName = fileName
    }

    /// Opens `path` for reading.
    init(path: String) throws(XMLDiagnostic) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw XMLDiagnostic(
                file: path, line: 0, column: 0, severity: .fatal, message: "cannot open file: \(reason)",
                code: .unreadableFile)
        }
        self.storage = .file(descriptor: descriptor)
        self.fileName = path
    }

    deinit {
        switch storage {
        case .memory(let buffer, _): buffer.deallocate()
        case .file(let descriptor): close(descriptor)
        }
    }

    /// The pointer libxml2 passes back to ``DocumentInput/readCallback``.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Fills `buffer`; returns the byte count, 0 at the end, or -1 to make libxml2 stop.
    private func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard refusal == nil else { return -1 }
        let count: Int
        switch storage {
        case .memory(let bytes, let offset):
            count = min(buffer.count, bytes.count - offset)
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
            storage = .memory(bytes, offset: offset + count)
        case .file(let descriptor):
            var result: Int
            repeat {
                result = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            } while result < 0 && errno == EINTR
            guard result >= 0 else {
                let reason = String(cString: strerror(errno))
                refusal = XMLDiagnostic(
                    file: fileName, line: 0, column: 0, severity: .fatal, message: "cannot read file: \(reason)",
                    code: .unreadableFile)
                return -1
            }
            count = result
        }
        if scanner.verdict == .undecided {
            scanner.scan(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            if let diagnostic = diagnostic(for: scanner.verdict) {
                // libxml2 discards the bytes of a failed read, so the declaration is never parsed.
                refusal = diagnostic
                return -1
            }
        }
        return count
    }

    private func diagnostic(for verdict: PrologScanner.Verdict) -> XMLDiagnostic? {
        switch verdict {
        case .undecided, .clean:
            nil
        case .doctype(let line, let column):
            XMLDiagnostic(
                file: fileName, line: line, column: column, severity: .fatal,
                message: "DOCTYPE declarations are not allowed", code: .doctypeNotAllowed)
        case .unsupportedEncoding:
            XMLDiagnostic(
                file: fileName, line: 1, column: 1, severity: .fatal,
                message:
                    "unsupported document encoding: only UTF-8, UTF-16 and ASCII-compatible encodings are accepted",
                code: .unsupportedEncoding)
        }
    }

    /// The C read callback for `xmlReaderForIO`.
    static let readCallback: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return -1 }
        let input = Unmanaged<DocumentInput>.fromOpaque(context).takeUnretainedValue()
        let count = input.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        return Int32(count)
    }
}
