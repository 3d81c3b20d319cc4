import Testing

@testable import InvoicingCore

/// `FixedDecimal.formatted` writes its digits into a byte buffer; it must give the text the
/// character-by-character formatting it replaced gave, for every sign, scale and separator.
@Suite struct FixedDecimalFormattingTests {
    /// The formatting as it was written first, one character at a time: the reference.
    static func reference(_ value: FixedDecimal, decimalSeparator: Character, grouping: Character?) -> String {
        let magnitude = value.significand.magnitude
        let divisor = UInt64(Powers.ten(value.scale))
        let integerPart = String(magnitude / divisor)
        var text = value.significand < 0 ? "-" : ""
        if let grouping {
            for (index, digit) in integerPart.enumerated() {
                if index > 0 && (integerPart.count - index) % 3 == 0 { text.append(grouping) }
                text.append(digit)
            }
        } else {
            text += integerPart
        }
        if value.scale > 0 {
            let fraction = String(magnitude % divisor)
            text.append(decimalSeparator)
            text += String(repeating: "0", count: value.scale - fraction.count) + fraction
        }
        return text
    }

    @Test(
        "Formatting writes sign, groups and a zero-padded fraction",
        arguments: [
            (Int64(0), 0, ".", nil, "0"),
            (-1250, 2, ".", nil, "-12.50"),
            (-5, 2, ",", ".", "-0,05"),
            (123_456_789, 2, ",", ".", "1.234.567,89"),
            (100_000, 0, ".", ",", "100,000"),
            (1, 6, ".", nil, "0.000001"),
            (Int64.min, 0, ".", ",", "-9,223,372,036,854,775,808"),
            (Int64.max, 4, "\u{066B}", "\u{202F}", "922\u{202F}337\u{202F}203\u{202F}685\u{202F}477\u{066B}5807"),
        ] as [(Int64, Int, Character, Character?, String)])
    func formatsValues(significand: Int64, scale: Int, separator: Character, grouping: Character?, text: String) {
        let value = FixedDecimal(significand: significand, scale: scale)
        #expect(value.formatted(decimalSeparator: separator, grouping: grouping) == text)
        #expect(Self.reference(value, decimalSeparator: separator, grouping: grouping) == text)
    }

    @Test func formattingMatchesTheReferenceForManyValues() {
        var random = SplitMix64(seed: 10)
        for _ in 0..<20_000 {
            let bits = random.next()
            // Every magnitude from one digit to eighteen, either sign, scales 0 to 6.
            let digits = Int(bits % 18) + 1
            let significand = Int64(bitPattern: random.next()) % Int64(Powers.ten(digits))
            let value = FixedDecimal(significand: significand, scale: Int((bits >> 8) % 7))
            // One-byte separators take the byte path; a separator of more bytes (or a CR LF,
            // one character of two bytes) takes the character path, and may meet a one-byte one.
            let separators: [(Character, Character?)] = [
                (".", nil), (",", "."), (".", "'"), (",", "\u{202F}"), ("\r\n", "."), ("\u{066B}", nil),
            ]
            for (separator, grouping) in separators {
                #expect(
                    value.formatted(decimalSeparator: separator, grouping: grouping)
                        == Self.reference(value, decimalSeparator: separator, grouping: grouping))
            }
        }
    }
}
