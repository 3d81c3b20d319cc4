internal import CLibXML2
internal import Glibc
internal import Synchronization

/// The process-wide external entity loader: libxml2 calls it for every DTD, external entity and
/// schema document it wants to open.
///
/// Source documents never need anything loaded, so it refuses everything except files inside the
/// directory trees of schemas the program opened itself. That one rule closes XXE, external DTDs
/// and network access at once, whatever options a particular parser context was created with.
enum HardenedEntityLoader {
    /// Marks a refusal among libxml2's I/O errors, so it gets its own diagnostic code.
    static let refusalMarker = "invoicerun-refused"

    /// Real paths of directories whose files (and subdirectories' files) may be loaded.
    private static let trustedDirectories = Mutex<[String]>([])

    /// Allows loading files inside `directory` (a real path, no trailing slash) and its subdirectories.
    static func trust(directory: String) {
        trustedDirectories.withLock { directories in
            if !directories.contains(directory) {
                directories.append(directory)
            }
        }
    }

    /// The real path of `url` if it names an existing file inside a trusted directory.
    static func trustedPath(for url: String) -> String? {
        guard let path = localPath(for: url), let real = realPath(path) else { return nil }
        return trustedDirectories.withLock { directories in
            directories.contains { real.hasPrefix($0 == "/" ? "/" : $0 + "/") } ? real : nil
        }
    }

    /// The file system path a URL or path denotes, or nil for any non-file URL.
    static func localPath(for url: String) -> String? {
        let filePrefix = "file://"
        if url.hasPrefix(filePrefix) {
            var rest = Substring(url.dropFirst(filePrefix.count))
            if rest.hasPrefix("localhost/") {
                rest = rest.dropFirst("localhost".count)
            }
            guard rest.hasPrefix("/") else { return nil }
            return percentDecoded(rest)
        }
        // Any other scheme (http:, ftp:, jar:, ...) is refused outright.
        if let colon = url.firstIndex(of: ":"),
            url[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        {
            return nil
        }
        return url.isEmpty ? nil : url
    }

    /// Resolves symbolic links and `..`, so a trusted prefix cannot be escaped by either.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
            else { return nil }
            let decoded = high << 4 | low
            // A NUL would silently shorten the path handed to C.
            guard decoded != 0 else { return nil }
            bytes.append(decoded)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The C entry point installed with `xmlSetExternalEntityLoader`.
    static let loader: xmlExternalEntityLoader = { url, _, context in
        guard let url else { return nil }
        let requested = String(cString: url)
        if let path = trustedPath(for: requested) {
            // Open the checked real path directly: the default loader would consult XML catalogs,
            // which could redirect the request somewhere unchecked.
            return xmlNewInputFromFile(context, path)
        }
        reportRefusal(of: requested, context: context)
        return nil
    }

    /// Reports a refused load on this thread's structured error channel, which the collector of
    /// the document or schema being processed is listening on; libxml2 itself would say nothing.
    private static func reportRefusal(of url: String, context: xmlParserCtxtPtr?) {
        guard let handler = __xmlStructuredError().pointee else { return }
        let input = context?.pointee.input?.pointee
        let message =
            "refusing to load external resource \"\(url)\": only files inside the directory of a loaded schema may be loaded"
        message.withCString { message in
            refusalMarker.withCString { marker in
                var error = xmlError()
                error.domain = Int32(XML_FROM_IO.rawValue)
                error.code = Int32(XML_IO_LOAD_ERROR.rawValue)
                error.level = XML_ERR_ERROR
                error.message = UnsafeMutablePointer(mutating: message)
                error.file = input.flatMap { $0.filename }.map { UnsafeMutablePointer(mutating: $0) }
                error.line = input?.line ?? 0
                error.int2 = input?.col ?? 0
                error.str3 = UnsafeMutablePointer(mutating: marker)
                handler(__xmlStructuredErrorContext().pointee, &error)
            }
        }
    }
}
