/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break (quotes doubled).
///
/// Rows go into one UTF-8 byte buffer: growing a `String` field by field cost several times
/// more, and a run writes a row per invoice line.
public struct CSVWriter: Sendable {
    private var bytes: [UInt8] = []

    /// The CSV text written so far, header included.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Creates a writer whose text starts with the `header` row.
    public init(header: [String]) {
        append(header)
    }

    /// Creates a writer without a header row, for rows that continue a file written in parts.
    public init() {}

    /// Appends one row of fields, escaping each as needed.
    public mutating func append(_ fields: [String]) {
        appendRow { row in
            for field in fields { row.field(field) }
        }
    }

    /// Appends one row whose fields `write` adds in order, straight into the writer's bytes:
    /// a run writes a row per invoice line and per posting line, and an array of fields per row
    /// cost more than the bytes.
    public mutating func appendRow(_ write: (inout Row) -> Void) {
        // The buffer is lent to the row and taken back by swapping, so it never has a second
        // owner: an assignment would leave the row holding it, and the next append copy it whole.
        var row = Row(bytes: [])
        swap(&row.bytes, &bytes)
        write(&row)
        swap(&row.bytes, &bytes)
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The fields of one row being written.
    public struct Row {
        fileprivate var bytes: [UInt8]
        private var fields = 0

        fileprivate init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Adds a field, quoted if it holds a comma, a quote or a line break.
        public mutating func field(_ text: String) {
            if fields > 0 { bytes.append(UInt8(ascii: ",")) }
            fields += 1
            var text = text
            let plain = text.withUTF8 { utf8 in
                // Byte by byte: the four characters that need quoting are ASCII, and UTF-8 never
                // uses ASCII bytes inside another character.
                guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                    bytes.append(contentsOf: utf8)
                    return true
                }
                return false
            }
            if !plain {
                var escaped = CSVWriter.escape(text)
                escaped.withUTF8 { bytes.append(contentsOf: $0) }
            }
        }

        /// Adds a field, empty for nil.
        public mutating func field(_ text: String?) {
            field(text ?? "")
        }

        /// Adds each of `texts` as a field.
        public mutating func fields(_ texts: [String]) {
            for text in texts { field(text) }
        }

        /// Adds `count` empty fields.
        public mutating func empty(_ count: Int) {
            for _ in 0..<count { field("") }
        }
    }

    static func escape(_ field: String) -> String {
        // Byte by byte: the four characters that need quoting are ASCII, and UTF-8 never uses
        // ASCII bytes inside another character.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        return "\"" + field.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\"" { result.append("\"") }
            result.append(character)
        }
        return result
    }
}
