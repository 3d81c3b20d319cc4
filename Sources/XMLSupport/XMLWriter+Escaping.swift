extension XMLWriter {
    /// The most bytes one byte of a value can become: `"` written as `&quot;`.
    static let longestEscape = 6

    /// Bytes below 64 that element text cannot hold as they are, one bit each: control
    /// characters other than tab and line feed (a carriage return becomes `&#xD;`, since a parser
    /// would turn it into a line feed; the others are refused), `"`, `&`, `<` and `>`.
    private static let textMarkup: UInt64 = {
        var bits: UInt64 = 0
        for byte in 0..<0x20 where byte != 0x09 && byte != 0x0A { bits |= 1 << UInt64(byte) }
        for byte in [UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">")] {
            bits |= 1 << UInt64(byte)
        }
        return bits
    }()

    /// Bytes below 64 that an attribute value cannot hold as they are: as in text, plus `'`, and
    /// tab and line feed, which attribute-value normalisation would otherwise turn into spaces.
    private static let attributeMarkup: UInt64 =
        textMarkup | 1 << 0x09 | 1 << 0x0A | 1 << UInt64(UInt8(ascii: "'"))

    /// Escapes the UTF-8 `value` into `destination`, which has room for ``longestEscape`` bytes
    /// per byte of it, as element text or as an attribute value; returns the bytes written and,
    /// for a character XML 1.0 does not allow, its byte offset (the bytes written are then garbage).
    ///
    /// One pass over the bytes, each copied as it is checked (values are short: numbers, codes,
    /// names, where a call to copy a run costs more than the run). A byte of 64 or above needs
    /// nothing, except 0xEF, which starts U+FFFE and U+FFFF, the only characters above U+001F
    /// that a Swift string can hold and XML cannot.
    static func escape(
        _ value: UnsafeBufferPointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>, inAttribute: Bool
    ) -> (written: Int, refusedAt: Int?) {
        guard let source = value.baseAddress else { return (0, nil) }
        let markup = inAttribute ? attributeMarkup : textMarkup
        let end = value.count
        var next = destination
        var index = 0
        while index < end {
            let byte = source[index]
            next.pointee = byte
            index += 1
            if byte >= 64 {
                if byte == 0xEF && index + 1 < end && source[index] == 0xBF && source[index + 1] >= 0xBE {
                    return (next - destination, index - 1)
                }
                next += 1
                continue
            }
            if markup >> UInt64(byte) & 1 == 0 {
                next += 1
                continue
            }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&apos;"
            case 0x09: entity = "&#x9;"
            case 0x0A: entity = "&#xA;"
            case 0x0D: entity = "&#xD;"
            default: return (next - destination, index - 1)
            }
            next = copy(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount), to: next)
        }
        return (next - destination, nil)
    }

    /// The most bytes ``format(significand:scale:into:)`` writes: a sign, 19 digits and a point
    /// with up to 18 decimals, some of them zeros before the significand's digits.
    static let longestDecimal = 40

    /// Writes `significand × 10^-scale` as decimal text with exactly `scale` decimals (`-12.50`,
    /// `0.05`, `7`), as InvoiceRun's fixed-point numbers print themselves; returns its length.
    static func format(significand: Int64, scale: Int, into destination: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = significand.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let length = (significand < 0 ? 1 : 0) + max(digits - scale, 1) + (scale > 0 ? scale + 1 : 0)
        // From the right: the decimals, the point, the integer digits (at least one), the sign.
        var index = length
        if scale > 0 {
            for _ in 0..<scale {
                index -= 1
                destination[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            index -= 1
            destination[index] = UInt8(ascii: ".")
        }
        repeat {
            index -= 1
            destination[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if significand < 0 {
            destination[0] = UInt8(ascii: "-")
        }
        return length
    }

    /// Copies `bytes` to `destination` and returns the address after them.
    static func copy(
        _ bytes: UnsafeBufferPointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        guard let start = bytes.baseAddress else { return destination }
        destination.update(from: start, count: bytes.count)
        return destination + bytes.count
    }

    /// The error for the character at byte `offset` of the UTF-8 `value`, which ``escape(_:into:inAttribute:)``
    /// refused; the error counts its offset in Unicode scalars.
    static func refusal(
        in value: UnsafeBufferPointer<UInt8>, at offset: Int, elementPath: String, attribute: String?
    ) -> XMLWriterError {
        // Every byte that is not a continuation byte (10xxxxxx) starts a scalar.
        let scalars = value[..<offset].count { $0 & 0xC0 != 0x80 }
        let character: Unicode.Scalar =
            value[offset] == 0xEF
            ? (value[offset + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}") : Unicode.Scalar(value[offset])
        return XMLWriterError(
            code: .invalidCharacter, elementPath: elementPath, attribute: attribute, character: character,
            offset: scalars)
    }

    /// Whether `name` matches XML 1.0's `Name` production (qualified names with `:` included).
    static func isName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isName($0) }
    }

    /// Whether the UTF-8 bytes `name` match XML 1.0's `Name` production.
    static func isName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        // The common case, an ASCII name, in one pass over its bytes with a bit per ASCII byte.
        // An ASCII byte outside the name characters makes any name invalid, whatever follows;
        // a name with a byte of 0x80 or above is judged by Unicode scalar below.
        guard let bytes = name.baseAddress, !name.isEmpty else { return false }
        var ascii = bytes[0] < 0x80
        if ascii && !isASCIINameStart(bytes[0]) { return false }
        var index = 1
        while ascii && index < name.count {
            let byte = bytes[index]
            index += 1
            guard byte < 0x80 else {
                ascii = false
                break
            }
            let bits = byte < 64 ? asciiNameCharactersBelow64 : asciiNameCharactersFrom64
            if bits >> UInt64(byte & 63) & 1 == 0 { return false }
        }
        if ascii { return true }
        var scalars = String(decoding: name, as: UTF8.self).unicodeScalars.makeIterator()
        guard let start = scalars.next(), isNameStart(start) else { return false }
        while let scalar = scalars.next() {
            guard isNameStart(scalar) || isNameContinuation(scalar) else { return false }
        }
        return true
    }

    /// Bytes 0-63 that may follow in an ASCII name, a bit each: `-`, `.`, `0`-`9` and `:`.
    private static let asciiNameCharactersBelow64: UInt64 = 0x07FF_6000_0000_0000
    /// Bytes 64-127 that may follow in an ASCII name, a bit each for the byte minus 64:
    /// `A`-`Z`, `_` and `a`-`z`.
    private static let asciiNameCharactersFrom64: UInt64 = 0x07FF_FFFE_87FF_FFFE

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
