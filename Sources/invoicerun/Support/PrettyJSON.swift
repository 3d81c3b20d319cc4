/// A JSON value written in exactly the layout `JSONEncoder` gives with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indentation, `"key" : value`, the
/// empty array as `[` and `]` around an empty line), for the records a run writes once per unit
/// and per file: the encoder's reflection over `Encodable` was a tenth of a run's work there.
/// `PrettyJSONTests` checks the bytes against `JSONEncoder`'s.
enum PrettyJSON {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([PrettyJSON])
    /// Members in any order: written sorted by key. A nil value is left out, as `Encodable`
    /// leaves out a nil optional.
    case object([(key: String, value: PrettyJSON?)])

    /// The text of the value whose first line is at `depth` levels of indentation (its first
    /// line is not indented: it follows a key or its own indentation).
    func text(depth: Int = 0) -> String {
        var text = ""
        write(into: &text, depth: depth)
        return text
    }

    func write(into text: inout String, depth: Int) {
        switch self {
        case .string(let value): Self.quote(value, into: &text)
        case .int(let value): text += String(value)
        case .bool(let value): text += value ? "true" : "false"
        case .array(let elements):
            let inner = String(repeating: "  ", count: depth + 1)
            guard !elements.isEmpty else {
                text += "[\n\n" + String(repeating: "  ", count: depth) + "]"
                return
            }
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += index == 0 ? inner : ",\n" + inner
                element.write(into: &text, depth: depth + 1)
            }
            text += "\n" + String(repeating: "  ", count: depth) + "]"
        case .object(let members):
            let present = members.compactMap { member in member.value.map { (member.key, $0) } }
                .sorted { $0.0 < $1.0 }
            let inner = String(repeating: "  ", count: depth + 1)
            guard !present.isEmpty else {
                text += "{\n\n" + String(repeating: "  ", count: depth) + "}"
                return
            }
            text += "{\n"
            for (index, (key, value)) in present.enumerated() {
                text += index == 0 ? inner : ",\n" + inner
                Self.quote(key, into: &text)
                text += " : "
                value.write(into: &text, depth: depth + 1)
            }
            text += "\n" + String(repeating: "  ", count: depth) + "}"
        }
    }

    /// `value` in quotes, escaped as `JSONEncoder` escapes: `"` and `\`, the named controls
    /// `\b \t \n \f \r`, other controls as `\u00xx`; everything else as it is.
    static func quote(_ value: String, into text: inout String) {
        text += "\""
        // Most values need no escape: appended whole.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        else {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{08}": text += "\\b"
            case "\t": text += "\\t"
            case "\n": text += "\\n"
            case "\u{0C}": text += "\\f"
            case "\r": text += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
