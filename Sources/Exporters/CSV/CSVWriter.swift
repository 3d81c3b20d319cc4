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
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var field = field
            let plain = field.withUTF8 { utf8 in
                // Byte by byte: the four characters that need quoting are ASCII, and UTF-8 never
                // uses ASCII bytes inside another character.
                guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                    bytes.append(contentsOf: utf8)
                    return true
                }
                return false
            }
            if !plain {
                var escaped = Self.escape(field)
                escaped.withUTF8 { bytes.append(contentsOf: $0) }
            }
        }
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
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
