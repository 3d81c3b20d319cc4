import Glibc

/// An open, read-only file descriptor that is closed when the last reader copy goes away.
///
/// A class so that copies of a reader share one descriptor; readers use `pread` with
/// their own offset, so copies never disturb each other's position.
final class CSVFileHandle: Sendable {
    let descriptor: Int32

    /// Opens `path` for reading, or throws an `io` error carrying the system's reason.
    init(path: String, fileName: String) throws(CSVError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.ioError(fileName: fileName) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes at `offset` into `destination`; 0 means end of file.
    func read(
        into destination: UnsafeMutableRawPointer, count: Int, at offset: Int, fileName: String
    ) throws(CSVError) -> Int {
        while true {
            let result = pread(descriptor, destination, count, off_t(offset))
            if result >= 0 { return result }
            if errno != EINTR { throw Self.ioError(fileName: fileName) }
        }
    }

    /// An `io` error describing the current `errno`.
    static func ioError(fileName: String) -> CSVError {
        let reason = String(cString: strerror(errno))
        return CSVError(code: .io(reason), file: fileName, line: 0, column: 0)
    }
}
