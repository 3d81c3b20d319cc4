import Testing

@testable import InvoicingCore

@Suite struct MoneyTests {
    // swift-format-ignore: NeverForceUnwrap
    static let bhd = Currency(code: "BHD")!

    // MARK: - Currencies and parsing

    @Test("ISO 4217 codes carry their minor units and unknown codes are refused")
    func currencies() {
        #expect(Currency.eur.minorUnits == 2)
        #expect(Currency.jpy.minorUnits == 0)
        #expect(Self.bhd.minorUnits == 3)
        #expect(Currency(code: "CLF")?.minorUnits == 4)
        #expect(Currency(code: "XYZ") == nil)
        #expect(Currency(code: "eur") == nil)
    }

    @Test(
        "Amounts parse to minor units of their currency",
        arguments: [
            ("12.50", Currency.eur, Int64(1250)),
            ("1.2300", .eur, 123),  // trailing zeros beyond the cents carry no value
            ("-0.5", .eur, -50),
            ("+3", .eur, 300),
            ("0", .eur, 0),
            ("1500", .jpy, 1500),
            ("1.234", bhd, 1234),
            ("0.1", bhd, 100),
        ])
    func parsesAmounts(text: String, currency: Currency, minorUnits: Int64) throws {
        #expect(try Money.parse(text, currency: currency) == Money(minorUnits: minorUnits, currency: currency))
    }

    @Test(
        "Amounts with more decimals than the currency, or too large, are refused",
        arguments: [
            ("1.234", Currency.eur, DecimalParseError.Reason.tooManyDecimals(maximum: 2)),
            ("0.001", .eur, .tooManyDecimals(maximum: 2)),
            ("1.5", .jpy, .tooManyDecimals(maximum: 0)),
            ("1.2345", bhd, .tooManyDecimals(maximum: 3)),
            // Fits Int64 as 92233720368547759, but not once scaled to cents (Int64.max is …758.07).
            ("92233720368547759", .eur, .overflow),
            ("92233720368547758.08", .eur, .overflow),
            ("12,50", .eur, .unexpectedCharacter(",", position: 3)),
            ("", .eur, .empty),
        ])
    func refusesAmounts(text: String, currency: Currency, reason: DecimalParseError.Reason) {
        #expect(throws: DecimalParseError(text: text, reason: reason)) {
            try Money.parse(text, currency: currency)
        }
    }

    @Test("The largest amount in cents still parses")
    func largestAmount() throws {
        #expect(try Money.parse("92233720368547758.07", currency: .eur).minorUnits == Int64.max)
    }

    @Test("A yen amount written with zero decimals parses")
    func yenWithZeroDecimals() throws {
        // Regression: the zeros of "1500.00" were once stripped to "1500." and refused for JPY.
        let amount = try Money.parse("1500.00", currency: .jpy)
        #expect(amount == Money(minorUnits: 1500, currency: .jpy))
        #expect(throws: DecimalParseError.self) { try Money.parse("1500.50", currency: .jpy) }
        #expect(throws: DecimalParseError.self) { try Money.parse("1500.", currency: .jpy) }
    }

    // MARK: - Rounding to minor units

    @Test("A decimal becomes money by every rule at and around ties", arguments: RoundingCase.table)
    func roundsToCents(_ row: RoundingCase) throws {
        let amount = try Money(try FixedDecimal.parse(row.input), currency: .eur, rounding: row.rule)
        #expect(amount.decimal.description == row.expected)
        #expect(amount.currency == .eur)
    }

    @Test(
        "Yen round to whole units and dinars to three decimals",
        arguments: [
            ("2.5", Currency.jpy, RoundingRule.halfUp, Int64(3)),
            ("2.5", .jpy, .halfEven, 2),
            ("3.5", .jpy, .halfEven, 4),
            ("-2.5", .jpy, .halfUp, -3),
            ("2.4999", .jpy, .up, 3),
            ("1.2345", bhd, .halfUp, 1235),
            ("1.2345", bhd, .halfEven, 1234),
            ("1.2355", bhd, .halfEven, 1236),
        ])
    func roundsToOtherMinorUnits(text: String, currency: Currency, rule: RoundingRule, minorUnits: Int64) throws {
        let amount = try Money(try FixedDecimal.parse(text), currency: currency, rounding: rule)
        #expect(amount == Money(minorUnits: minorUnits, currency: currency))
    }

    // MARK: - Line amounts

    @Test(
        "Quantity times unit price per price unit is rounded once to minor units",
        arguments: [
            ("3", "12.50", "1", Currency.eur, RoundingRule.halfUp, "37.50"),
            // 250 pieces at 45.00 per 100 pieces = 112.50.
            ("250", "45.00", "100", .eur, .halfUp, "112.50"),
            // 3 × 9.99 / 100 = 0.2997.
            ("3", "9.99", "100", .eur, .halfUp, "0.30"),
            ("3", "9.99", "100", .eur, .down, "0.29"),
            // 7 × 0.333333 = 2.333331.
            ("7", "0.333333", "1", .eur, .halfUp, "2.33"),
            ("7", "0.333333", "1", .eur, .up, "2.34"),
            // 1 × 0.125: a tie at cents.
            ("1", "0.125", "1", .eur, .halfUp, "0.13"),
            ("1", "0.125", "1", .eur, .halfEven, "0.12"),
            ("-1", "0.125", "1", .eur, .halfUp, "-0.13"),
            ("-1", "0.125", "1", .eur, .halfEven, "-0.12"),
            ("-3", "12.50", "1", .eur, .halfUp, "-37.50"),
            // 1.5 kg × 0.015 = 0.0225.
            ("1.5", "0.015", "1", .eur, .halfUp, "0.02"),
            ("1.5", "0.015", "1", .eur, .up, "0.03"),
            // 12.345 × 1.5 / 10 = 1.85175.
            ("12.345", "1.5", "10", .eur, .halfUp, "1.85"),
            // 3 × 33.5 = 100.5 yen.
            ("3", "33.5", "1", .jpy, .halfUp, "101"),
            ("3", "33.5", "1", .jpy, .halfEven, "100"),
            ("1000", "1.23", "1000", .jpy, .halfUp, "1"),
            // 2.5 × 1.2345 = 3.08625 dinars.
            ("2.5", "1.2345", "1", bhd, .halfUp, "3.086"),
            ("2.5", "1.2345", "1", bhd, .up, "3.087"),
            ("1", "0.0005", "1", bhd, .halfUp, "0.001"),
            ("1", "0.0005", "1", bhd, .halfEven, "0.000"),
        ])
    func extendedAmounts(
        quantity: String, price: String, priceUnit: String, currency: Currency, rule: RoundingRule, expected: String
    ) throws {
        let amount = try Money.extended(
            quantity: FixedDecimal.parse(quantity), unitPrice: FixedDecimal.parse(price),
            priceUnit: FixedDecimal.parse(priceUnit), currency: currency, rounding: rule)
        #expect(amount.decimal.description == expected)
        #expect(amount.currency == currency)
    }

    @Test("A line amount that does not fit throws instead of wrapping")
    func extendedOverflow() {
        // 10^12 × 10^7 = 10^19 EUR = 10^21 cents: fits Int128, not Int64.
        #expect(throws: ArithmeticError(operation: "1000000000000 × 10000000")) {
            try Money.extended(
                quantity: FixedDecimal(1_000_000_000_000), unitPrice: FixedDecimal(10_000_000), currency: .eur,
                rounding: .halfUp)
        }
        // Int64.max² × 100 does not even fit Int128.
        #expect(throws: ArithmeticError(operation: "9223372036854775807 × 9223372036854775807")) {
            try Money.extended(
                quantity: FixedDecimal(Int64.max), unitPrice: FixedDecimal(Int64.max), currency: .eur, rounding: .halfUp
            )
        }
    }

    // MARK: - Percentages

    @Test(
        "A percentage of an amount is rounded to minor units by the rule",
        arguments: [
            // 19 % of 0.05 = 0.0095: not a tie, both half rules give 0.01.
            ("0.05", Currency.eur, "19", RoundingRule.halfUp, "0.01"),
            ("0.05", .eur, "19", .halfEven, "0.01"),
            ("0.05", .eur, "19", .down, "0.00"),
            // 19 % of 1.50 = 0.285: half-up 0.29, half-even 0.28.
            ("1.50", .eur, "19", .halfUp, "0.29"),
            ("1.50", .eur, "19", .halfEven, "0.28"),
            ("-1.50", .eur, "19", .halfUp, "-0.29"),
            ("-1.50", .eur, "19", .halfEven, "-0.28"),
            // 50 % of 0.05 = 0.025.
            ("0.05", .eur, "50", .halfUp, "0.03"),
            ("0.05", .eur, "50", .halfEven, "0.02"),
            ("10.00", .eur, "7.7", .halfUp, "0.77"),
            ("0.10", .eur, "2.5", .halfUp, "0.00"),  // 0.0025
            ("0.30", .eur, "19", .halfUp, "0.06"),  // 0.057
            ("100.00", .eur, "0", .halfUp, "0.00"),
            // 10 % of 25 yen = 2.5 yen.
            ("25", .jpy, "10", .halfUp, "3"),
            ("25", .jpy, "10", .halfEven, "2"),
            ("1.005", bhd, "50", .halfUp, "0.503"),  // 0.5025
        ])
    func percentages(amount: String, currency: Currency, rate: String, rule: RoundingRule, expected: String) throws {
        let base = try Money.parse(amount, currency: currency)
        let result = try base.percentage(FixedDecimal.parse(rate), rounding: rule)
        #expect(result.decimal.description == expected)
        #expect(result.currency == currency)
    }

    @Test("A percentage that does not fit throws")
    func percentageOverflow() {
        let most = Money(minorUnits: Int64.max, currency: .eur)
        #expect(throws: ArithmeticError(operation: "200% of 92233720368547758.07 EUR")) {
            try most.percentage(FixedDecimal(200), rounding: .halfUp)
        }
    }

    // MARK: - Sums and identity

    @Test("Sums and differences are exact and overflow throws")
    func sums() throws {
        let amounts = try ["0.10", "0.20", "-0.05"].map { try Money.parse($0, currency: .eur) }
        #expect(try amounts.sum(in: .eur) == Money(minorUnits: 25, currency: .eur))
        #expect(try [Money]().sum(in: .jpy) == .zero(.jpy))
        let difference = try Money.parse("1.00", currency: .eur).subtracting(Money.parse("2.50", currency: .eur))
        #expect(difference.description == "-1.50 EUR")
        #expect(difference.magnitude.description == "1.50 EUR")
        #expect(difference.negated.minorUnits == 150)
        let most = Money(minorUnits: Int64.max, currency: .eur)
        #expect(throws: ArithmeticError(operation: "92233720368547758.07 EUR + 0.01 EUR")) {
            try most.adding(Money(minorUnits: 1, currency: .eur))
        }
    }

    @Test("1.5 and 1.50 EUR are the same amount; the same figure in USD is not")
    func equalityAndHash() throws {
        let short = try Money.parse("1.5", currency: .eur)
        let long = try Money.parse("1.50", currency: .eur)
        #expect(short == long)
        #expect(short.hashValue == long.hashValue)
        #expect(Set([short, long]).count == 1)
        #expect(try short != Money.parse("1.50", currency: .usd))
        #expect(try Money.parse("-0.01", currency: .eur) < .zero(.eur))
    }

    @Test("Amounts print with exactly the currency's decimals")
    func descriptions() throws {
        #expect(try Money.parse("12.5", currency: .eur).description == "12.50 EUR")
        #expect(Money(minorUnits: -5, currency: .eur).description == "-0.05 EUR")
        #expect(Money(minorUnits: 1500, currency: .jpy).description == "1500 JPY")
        #expect(Money(minorUnits: 1234, currency: Self.bhd).description == "1.234 BHD")
        let big = Money(minorUnits: 123_456_789, currency: .eur)
        #expect(big.decimal.formatted(decimalSeparator: ",", grouping: ".") == "1.234.567,89")
        #expect(
            Money(minorUnits: -50, currency: .eur).decimal.formatted(decimalSeparator: ".", grouping: ",") == "-0.50")
    }
}
