/// Rendered lines as the pages are made of them: UTF-8, joined by line feeds, with their count.
struct RenderedLines {
    /// The lines' bytes, a line feed between each two.
    var bytes: [UInt8] = []
    /// How many lines.
    var count = 0

    /// One empty line.
    static let emptyLine = RenderedLines(bytes: [], count: 1)

    /// Adds `lines` after these.
    mutating func append(_ lines: RenderedLines) {
        guard lines.count > 0 else { return }
        if count > 0 { bytes.append(0x0A) }
        bytes += lines.bytes
        count += lines.count
    }

    /// The lines of the UTF-8 `text`, cut at line feeds, each without its trailing spaces, the
    /// empty lines at the end left out. On the bytes: a line feed and a space are ASCII, which
    /// UTF-8 never uses inside another character.
    init(trimming text: [UInt8]) {
        bytes.reserveCapacity(text.count)
        // The bytes and lines up to the last line that is not empty.
        var kept = (bytes: 0, count: 0)
        var lineStart = 0
        while true {
            let lineEnd = text[lineStart...].firstIndex(of: 0x0A) ?? text.count
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart && text[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
            if count > 0 { bytes.append(0x0A) }
            bytes += text[lineStart..<trimmedEnd]
            count += 1
            if trimmedEnd > lineStart { kept = (bytes.count, count) }
            guard lineEnd < text.count else { break }
            lineStart = lineEnd + 1
        }
        bytes.removeSubrange(kept.bytes...)
        count = kept.count
    }

    private init(bytes: [UInt8], count: Int) {
        self.bytes = bytes
        self.count = count
    }

    init() {}
}
