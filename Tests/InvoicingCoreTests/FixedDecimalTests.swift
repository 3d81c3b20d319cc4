import Testing

@testable import InvoicingCore

@Suite struct FixedDecimalTests {
    // MARK: - Parsing

    @Test(
        "Plain decimal text parses to its exact significand and scale",
        arguments: [
            ("0", Int64(0), 0),
            ("-12.50", -1250, 2),
            ("+3", 3, 0),
            ("0.000001", 1, 6),
            ("1.2300", 12300, 4),
            (".5", 5, 1),
            ("-0", 0, 0),
            ("9223372036854775807", Int64.max, 0),
            ("0.123456789", 123_456_789, 9),
        ])
    func parsesPlainDecimals(text: String, significand: Int64, scale: Int) throws {
        let value = try FixedDecimal.parse(text)
        #expect(value.significand == significand)
        #expect(value.scale == scale)
    }

    @Test(
        "Garbage is refused with the reason and position of the first bad character",
        arguments: [
            ("", DecimalParseError.Reason.empty),
            ("1,2.3", .unexpectedCharacter(",", position: 2)),
            ("NaN", .unexpectedCharacter("N", position: 1)),
            ("inf", .unexpectedCharacter("i", position: 1)),
            ("-inf", .unexpectedCharacter("i", position: 2)),
            ("1e5", .unexpectedCharacter("e", position: 2)),
            ("--1", .unexpectedCharacter("-", position: 2)),
            ("1-", .unexpectedCharacter("-", position: 2)),
            ("1.2.3", .unexpectedCharacter(".", position: 4)),
            (" 1", .unexpectedCharacter(" ", position: 1)),
            ("1 ", .unexpectedCharacter(" ", position: 2)),
            ("1.", .missingDigits),
            ("-", .missingDigits),
            ("+.", .missingDigits),
            ("99999999999999999999", .overflow),
            ("9223372036854775808", .overflow),
            ("0.0000000001", .tooManyDecimals(maximum: 9)),
        ])
    func refusesGarbage(text: String, reason: DecimalParseError.Reason) {
        #expect(throws: DecimalParseError(text: text, reason: reason)) {
            try FixedDecimal.parse(text)
        }
    }

    @Test("A parse error prints the text and what is wrong with it")
    func parseErrorDescriptions() {
        #expect(
            DecimalParseError(text: "1,2.3", reason: .unexpectedCharacter(",", position: 2)).description
                == "\"1,2.3\" is not a number: unexpected ',' at position 2")
        #expect(DecimalParseError(text: "", reason: .empty).description == "empty value where a number was expected")
        #expect(
            DecimalParseError(text: "1.", reason: .missingDigits).description
                == "\"1.\" is not a number: digits missing")
        #expect(
            DecimalParseError(text: "1.234", reason: .tooManyDecimals(maximum: 2)).description
                == "\"1.234\" has more than 2 decimals")
        #expect(DecimalParseError(text: "9e99", reason: .overflow).description == "\"9e99\" is too large")
    }

    @Test("The position of a bad character counts UTF-8 bytes and names the whole character")
    func badMultibyteCharacter() {
        // "12€": '1' and '2' are bytes 1 and 2, the three bytes of '€' start at byte 3.
        #expect(throws: DecimalParseError(text: "12€", reason: .unexpectedCharacter("€", position: 3))) {
            try FixedDecimal.parse("12€")
        }
    }

    @Test("A decimal comma is accepted when asked for, and a point is then refused")
    func decimalComma() throws {
        #expect(
            try FixedDecimal.parse("-12,50", decimalSeparator: UInt8(ascii: ","))
                == FixedDecimal(significand: -1250, scale: 2))
        #expect(throws: DecimalParseError(text: "1.5", reason: .unexpectedCharacter(".", position: 2))) {
            try FixedDecimal.parse("1.5", decimalSeparator: UInt8(ascii: ","))
        }
    }

    @Test("Decimals beyond maxScale are refused unless they are zeros")
    func trailingZerosBeyondMaxScale() throws {
        #expect(try FixedDecimal.parse("1.2300", maxScale: 2) == FixedDecimal(significand: 123, scale: 2))
        #expect(try FixedDecimal.parse("1.2300", maxScale: 2).scale == 2)
        #expect(throws: DecimalParseError(text: "1.2301", reason: .tooManyDecimals(maximum: 2))) {
            try FixedDecimal.parse("1.2301", maxScale: 2)
        }
    }

    @Test("With no decimals allowed, zero decimals like 5.00 still parse as 5")
    func zeroDecimalsWithMaxScaleZero() throws {
        // Regression: the trailing-zero stripping once left "5." and refused it as missingDigits.
        let value = try FixedDecimal.parse("5.00", maxScale: 0)
        #expect(value == FixedDecimal(5))
    }

    // MARK: - Rounding

    @Test("rescaled rounds by every rule at and around ties", arguments: RoundingCase.table)
    func rescaledRounds(_ row: RoundingCase) throws {
        let value = try FixedDecimal.parse(row.input)
        let rounded = try value.rescaled(to: 2, rounding: row.rule)
        #expect(rounded.description == row.expected)
        #expect(rounded.scale == 2)
    }

    @Test("Rescaling to more decimals pads with zeros and never rounds")
    func rescaleUp() throws {
        let value = try FixedDecimal.parse("-1.5").rescaled(to: 4, rounding: .down)
        #expect(value.significand == -15000)
        #expect(value.description == "-1.5000")
    }

    @Test("Rescaling a value too large for more decimals throws")
    func rescaleOverflow() {
        let huge = FixedDecimal(Int64.max)
        #expect(throws: ArithmeticError(operation: "rescaling 9223372036854775807")) {
            try huge.rescaled(to: 1, rounding: .halfUp)
        }
    }

    // MARK: - Arithmetic

    @Test("Sums are exact on the larger scale")
    func exactSum() throws {
        let sum = try FixedDecimal.parse("1.5").adding(try FixedDecimal.parse("-0.125"))
        #expect(sum.significand == 1375)
        #expect(sum.scale == 3)
    }

    @Test("A sum that does not fit throws")
    func sumOverflow() {
        #expect(throws: ArithmeticError(operation: "9223372036854775807 + 1")) {
            try FixedDecimal(Int64.max).adding(.one)
        }
    }

    @Test(
        "Products are rounded once to the requested scale",
        arguments: [
            // 1.5 × 1.5 = 2.25: a tie at one decimal.
            ("1.5", "1.5", 1, RoundingRule.halfUp, "2.3"),
            ("1.5", "1.5", 1, .halfEven, "2.2"),
            ("1.5", "1.5", 4, .halfUp, "2.2500"),
            ("-0.333", "3", 2, .halfUp, "-1.00"),  // -0.999
            ("-0.333", "3", 2, .down, "-0.99"),
        ])
    func multipliedRounds(lhs: String, rhs: String, scale: Int, rule: RoundingRule, expected: String) throws {
        let product = try FixedDecimal.parse(lhs).multiplied(
            by: try FixedDecimal.parse(rhs), scale: scale, rounding: rule)
        #expect(product.description == expected)
    }

    @Test("A product that does not fit throws")
    func productOverflow() {
        #expect(throws: ArithmeticError(operation: "9223372036854775807 × 2")) {
            try FixedDecimal(Int64.max).multiplied(by: FixedDecimal(2), scale: 0, rounding: .halfUp)
        }
    }

    // MARK: - Identity

    @Test("1.5 and 1.50 are equal, hash alike and are one element of a set")
    func equalityIgnoresScale() throws {
        let short = try FixedDecimal.parse("1.5")
        let long = try FixedDecimal.parse("1.50")
        #expect(short == long)
        #expect(short.hashValue == long.hashValue)
        #expect(Set([short, long, try FixedDecimal.parse("1.500000")]).count == 1)
        #expect(try short != FixedDecimal.parse("1.51"))
        #expect(FixedDecimal(significand: 0, scale: 3).hashValue == FixedDecimal.zero.hashValue)
    }

    @Test("normalized drops trailing fractional zeros only")
    func normalized() throws {
        #expect(try FixedDecimal.parse("1.500").normalized.scale == 1)
        #expect(try FixedDecimal.parse("100").normalized.scale == 0)
        #expect(try FixedDecimal.parse("100").normalized.significand == 100)
        #expect(try FixedDecimal.parse("-0.000").normalized == FixedDecimal(significand: 0, scale: 0))
    }

    @Test("Ordering compares values across scales")
    func ordering() throws {
        let values = try ["0.001", "-0.01", "1.5", "0", "1.49999", "-2"].map { try FixedDecimal.parse($0) }
        #expect(values.sorted().map(\.description) == ["-2", "-0.01", "0", "0.001", "1.49999", "1.5"])
    }

    // MARK: - Formatting

    @Test(
        "formatted uses the given separators and groups integer digits by three",
        arguments: [
            (FixedDecimal(significand: 123_456_789, scale: 2), ",", ".", "1.234.567,89"),
            (FixedDecimal(significand: -50, scale: 2), ".", ",", "-0.50"),
            (FixedDecimal(significand: -12345, scale: 1), ".", ",", "-1,234.5"),
            (FixedDecimal(123), ".", "'", "123"),
            (FixedDecimal(1000), ".", "'", "1'000"),
            (FixedDecimal(significand: 100_000_001, scale: 3), ",", " ", "100 000,001"),
            (FixedDecimal(significand: 1, scale: 6), ".", ",", "0.000001"),
            (FixedDecimal(Int64.min), ".", "'", "-9'223'372'036'854'775'808"),
        ] as [(FixedDecimal, Character, Character, String)])
    func formatted(value: FixedDecimal, separator: Character, grouping: Character, expected: String) {
        #expect(value.formatted(decimalSeparator: separator, grouping: grouping) == expected)
    }

    @Test("description keeps the scale, has no grouping and a point")
    func description() {
        #expect(FixedDecimal(significand: 1_234_500, scale: 3).description == "1234.500")
        #expect(FixedDecimal(significand: -5, scale: 2).description == "-0.05")
        #expect(FixedDecimal(significand: 7, scale: 0).description == "7")
    }
}
