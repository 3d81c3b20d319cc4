extension FixedDecimal {
    /// Parses plain decimal text: an optional sign, digits, and at most one decimal separator
    /// followed by digits. No grouping, spaces, exponents, `NaN` or infinities.
    ///
    /// - Parameters:
    ///   - maxScale: decimals allowed; extra decimals are refused unless they are zeros.
    public static func parse(
        _ text: some StringProtocol,
        decimalSeparator: UInt8 = UInt8(ascii: "."),
        maxScale: Int = FixedDecimal.maxScale
    ) throws(DecimalParseError) -> FixedDecimal {
        var utf8 = Array(text.utf8)
        let original = String(text)
        guard !utf8.isEmpty else { throw DecimalParseError(text: original, reason: .empty) }
        var negative = false
        var index = 0
        if utf8[0] == UInt8(ascii: "-") || utf8[0] == UInt8(ascii: "+") {
            negative = utf8[0] == UInt8(ascii: "-")
            index = 1
        }
        // Trailing fractional zeros beyond maxScale carry no value; drop them before counting.
        if let separatorAt = utf8.firstIndex(of: decimalSeparator) {
            while utf8.count - separatorAt - 1 > maxScale && utf8.last == UInt8(ascii: "0") {
                utf8.removeLast()
            }
            // "1500.00" for a currency without decimals: the zeros went, so does the separator.
            if utf8.count - separatorAt - 1 == 0 && utf8.count < text.utf8.count { utf8.removeLast() }
        }
        var digits: Int128 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenSeparator = false
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits = digits * 10 + Int128(byte - UInt8(ascii: "0"))
                if digits > Int128(Int64.max) { throw DecimalParseError(text: original, reason: .overflow) }
                if seenSeparator { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == decimalSeparator && !seenSeparator {
                seenSeparator = true
            } else {
                let character = Self.character(in: original, atUTF8Offset: index)
                throw DecimalParseError(
                    text: original, reason: .unexpectedCharacter(character, position: index + 1))
            }
            index += 1
        }
        if integerDigits == 0 && fractionDigits == 0 || seenSeparator && fractionDigits == 0 {
            throw DecimalParseError(text: original, reason: .missingDigits)
        }
        if fractionDigits > maxScale {
            throw DecimalParseError(text: original, reason: .tooManyDecimals(maximum: maxScale))
        }
        let signed = negative ? -digits : digits
        return FixedDecimal(significand: Int64(signed), scale: fractionDigits)
    }

    private static func character(in text: String, atUTF8Offset offset: Int) -> Character {
        let utf8Index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        let characterIndex = utf8Index.samePosition(in: text) ?? text.index(before: text.endIndex)
        return text[characterIndex]
    }
}
