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
        var bytes: [UInt8] = []
        write(into: &bytes, depth: depth)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's UTF-8 to `bytes`, as ``text(depth:)`` gives it. Bytes rather than a
    /// `String` grown piece by piece: a run writes a record per unit and per file, and building
    /// them as strings cost 190 instructions per byte.
    func write(into bytes: inout [UInt8], depth: Int) {
        switch self {
        case .string(let value): Self.quote(value, into: &bytes)
        case .int(let value): Self.append(String(value), to: &bytes)
        case .bool(let value): Self.append(value ? "true" : "false", to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            if elements.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.newLine(depth: depth + 1, into: &bytes)
                element.write(into: &bytes, depth: depth + 1)
            }
            Self.newLine(depth: depth, into: &bytes)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            // Written sorted by key; most records list their members so already.
            var present = members.indices.filter { members[$0].value != nil }
            let inOrder = { (first: Int, second: Int) in members[first].key < members[second].key }
            if !zip(present, present.dropFirst()).allSatisfy(inOrder) { present.sort(by: inOrder) }
            bytes.append(UInt8(ascii: "{"))
            if present.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            for (index, member) in present.enumerated() {
                guard let value = members[member].value else { continue }
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.newLine(depth: depth + 1, into: &bytes)
                Self.quote(members[member].key, into: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes.append(UInt8(ascii: ":"))
                bytes.append(UInt8(ascii: " "))
                value.write(into: &bytes, depth: depth + 1)
            }
            Self.newLine(depth: depth, into: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A line feed and the indentation of `depth` levels.
    private static func newLine(depth: Int, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends the UTF-8 of `text`, from its contiguous storage.
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `value` in quotes, escaped as `JSONEncoder` escapes: `"` and `\`, the named controls
    /// `\b \t \n \f \r`, other controls as `\u00xx`; everything else as it is.
    static func quote(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most values need no escape: appended whole.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        else {
            return append(value, to: &bytes)
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x08: append("\\b", to: &bytes)
            case UInt8(ascii: "\t"): append("\\t", to: &bytes)
            case UInt8(ascii: "\n"): append("\\n", to: &bytes)
            case 0x0C: append("\\f", to: &bytes)
            case UInt8(ascii: "\r"): append("\\r", to: &bytes)
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                append("\\u00", to: &bytes)
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }
}
