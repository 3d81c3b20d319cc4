extension XMLWriter {
    /// Escapes element text: `&`, `<`, `>` and `"` become entity references, and a carriage
    /// return becomes `&#xD;` because a parser would otherwise turn it into a line feed.
    static func escapedText(_ text: String, elementPath: @autoclosure () -> String) throws(XMLWriterError) -> String {
        try escaped(text, elementPath: elementPath, attribute: nil)
    }

    /// Escapes an attribute value: as text, plus `'`, and tab, line feed and carriage return as
    /// character references, which attribute-value normalisation would otherwise turn into spaces.
    static func escapedAttribute(
        _ value: String, elementPath: @autoclosure () -> String, attribute: String
    ) throws(XMLWriterError) -> String {
        try escaped(value, elementPath: elementPath, attribute: attribute)
    }

    private static func escaped(
        _ value: String, elementPath: () -> String, attribute: String?
    ) throws(XMLWriterError) -> String {
        // Most values (numbers, codes, names) need nothing: printable ASCII without markup
        // characters, checked on the contiguous UTF-8 bytes with one table look-up each.
        let plain =
            value.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.allSatisfy { byteClass[Int($0)] & plainText != 0 }
            } ?? value.utf8.allSatisfy { byteClass[Int($0)] & plainText != 0 }
        if plain { return value }
        let inAttribute = attribute != nil
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\t" where inAttribute: result += "&#x9;"
            case "\n" where inAttribute: result += "&#xA;"
            case "\r": result += "&#xD;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                guard isAllowed(scalar) else {
                    throw XMLWriterError(
                        code: .invalidCharacter, elementPath: elementPath(), attribute: attribute, character: scalar,
                        offset: offset)
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Bit of `byteClass`: printable ASCII written as it is in text and attributes.
    private static let plainText: UInt8 = 1
    /// Bit of `byteClass`: an ASCII byte that may start an XML name.
    private static let asciiNameStart: UInt8 = 2
    /// Bit of `byteClass`: an ASCII byte that may follow in an XML name.
    private static let asciiNameContinuation: UInt8 = 4

    /// What each byte may be, as bits, so scans over a value or a name cost a table look-up per
    /// byte; bytes of 0x80 and above have no bits (a multi-byte character takes the slow path).
    private static let byteClass: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        let markup = [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")]
        var bits: UInt8 = 0
        if byte >= 0x20 && byte < 0x7F && !markup.contains(byte) { bits |= plainText }
        if isASCIINameStart(byte) { bits |= asciiNameStart | asciiNameContinuation }
        if isASCIINameContinuation(byte) { bits |= asciiNameContinuation }
        return bits
    }

    /// XML 1.0's `Char` production, minus tab, line feed and carriage return handled above;
    /// Swift strings cannot hold the surrogates it also excludes.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }

    /// Whether `name` matches XML 1.0's `Name` production (qualified names with `:` included).
    static func isName(_ name: String) -> Bool {
        // The common case, an ASCII name, in one pass over its contiguous bytes; a name with a
        // byte of 0x80 or above (or not contiguous) is judged by Unicode scalar below.
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = bytes.first, first < 0x80 else { return nil }
            var valid = byteClass[Int(first)] & asciiNameStart != 0
            for byte in bytes.dropFirst() {
                if byte >= 0x80 { return nil }
                valid = valid && byteClass[Int(byte)] & asciiNameContinuation != 0
            }
            return valid
        }
        if let ascii, let valid = ascii { return valid }
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isNameStart(first) else { return false }
        while let scalar = scalars.next() {
            guard isNameStart(scalar) || isNameContinuation(scalar) else { return false }
        }
        return true
    }

    private static func isASCIINameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
            UInt8(ascii: "a")...UInt8(ascii: "z"):
            true
        default: false
        }
    }

    private static func isASCIINameContinuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
            0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF,
            0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default:
            false
        }
    }

    private static func isNameContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: false
        }
    }
}
