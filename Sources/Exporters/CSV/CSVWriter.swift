/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break (quotes doubled).
public struct CSVWriter: Sendable {
    /// The CSV text written so far, header included.
    public private(set) var text = ""

    /// Creates a writer whose text starts with the `header` row.
    public init(header: [String]) {
        append(header)
    }

    /// Appends one row of fields, escaping each as needed.
    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
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
