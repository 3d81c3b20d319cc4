import Foundation

/// Hashes files (SHA-256, for the processed-file ledger) on a thread of its own, in the order
/// given, so an import can read and store a file while its hash is computed.
final class ContentHashing: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var hashes: [String: String] = [:]

    /// Starts hashing `paths` at once.
    init(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        let thread = Thread { [self] in
            for path in paths {
                let hash = OutputFolder.sha256(ofFile: path)
                condition.lock()
                hashes[path] = hash
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    /// The hash of `path`, one of those given, waiting until it is computed.
    func hash(of path: String) -> String {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let hash = hashes[path] { return hash }
            condition.wait()
        }
    }
}
