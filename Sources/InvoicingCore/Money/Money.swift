/// An exact amount of money: an `Int64` count of the currency's minor units.
public struct Money: Sendable, Hashable {
    /// The amount in minor units (cents for EUR).
    public let minorUnits: Int64
    /// The currency the amount is in.
    public let currency: Currency

    /// Creates an amount from a count of the currency's minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Nothing, in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount as a decimal number with the currency's minor units as scale.
    public var decimal: FixedDecimal { FixedDecimal(significand: minorUnits, scale: currency.minorUnits) }

    /// Whether the amount is zero.
    public var isZero: Bool { minorUnits == 0 }
    /// Whether the amount is below zero.
    public var isNegative: Bool { minorUnits < 0 }
    /// The same amount with the opposite sign.
    public var negated: Money { Money(minorUnits: -minorUnits, currency: currency) }
    /// The same amount without its sign.
    public var magnitude: Money { Money(minorUnits: Int64(minorUnits.magnitude), currency: currency) }

    /// A decimal value as money, rounded to the currency's minor units by `rounding`.
    public init(_ value: FixedDecimal, currency: Currency, rounding: RoundingRule) throws(ArithmeticError) {
        self.init(
            minorUnits: try value.rescaled(to: currency.minorUnits, rounding: rounding).significand,
            currency: currency)
    }

    /// Exact sum in the same currency; throws when it does not fit.
    public func adding(_ other: Money) throws(ArithmeticError) -> Money {
        precondition(currency == other.currency, "adding \(other.currency) to \(currency)")
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw ArithmeticError(operation: "\(self) + \(other)") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// Exact difference in the same currency; throws when it does not fit.
    public func subtracting(_ other: Money) throws(ArithmeticError) -> Money {
        try adding(other.negated)
    }

    /// `quantity × unitPrice / priceUnit`, rounded once to minor units (the line amount).
    public static func extended(
        quantity: FixedDecimal,
        unitPrice: FixedDecimal,
        priceUnit: FixedDecimal = .one,
        currency: Currency,
        rounding: RoundingRule
    ) throws(ArithmeticError) -> Money {
        precondition(priceUnit.significand > 0, "price unit must be positive")
        // value = q·p / pu = (qs·ps · 10^pus) / (pus_sig · 10^(qsc+psc)); scaled to minor units.
        let exponentUp = currency.minorUnits + priceUnit.scale
        let exponentDown = quantity.scale + unitPrice.scale
        // Fast path: when every intermediate fits in Int64 the result is the same, several times sooner.
        if let up = Powers.tenInt64(exponentUp), let down = Powers.tenInt64(exponentDown) {
            let (product, overflow1) = quantity.significand.multipliedReportingOverflow(by: unitPrice.significand)
            let (numerator, overflow2) = product.multipliedReportingOverflow(by: up)
            let (denominator, overflow3) = priceUnit.significand.multipliedReportingOverflow(by: down)
            if !overflow1 && !overflow2 && !overflow3 {
                let minor =
                    priceUnit.significand == 1
                    ? rounding.divide(numerator, byPowerOfTen: exponentDown)
                    : rounding.divide(numerator, by: denominator)
                return Money(minorUnits: minor, currency: currency)
            }
        }
        let product = Int128(quantity.significand) * Int128(unitPrice.significand)
        var (numerator, overflow) = product.multipliedReportingOverflow(by: Powers.ten(exponentUp))
        guard !overflow else { throw ArithmeticError(operation: "\(quantity) × \(unitPrice)") }
        var denominator = Int128(priceUnit.significand)
        (denominator, overflow) = denominator.multipliedReportingOverflow(by: Powers.ten(exponentDown))
        guard !overflow else { throw ArithmeticError(operation: "\(quantity) × \(unitPrice)") }
        numerator = rounding.divide(numerator, by: denominator)
        guard let minor = numerator.exactInt64 else {
            throw ArithmeticError(operation: "\(quantity) × \(unitPrice)")
        }
        return Money(minorUnits: minor, currency: currency)
    }

    /// `rate` percent of this amount, rounded to minor units (discounts, tax).
    public func percentage(_ rate: FixedDecimal, rounding: RoundingRule) throws(ArithmeticError) -> Money {
        let product = Int128(minorUnits) * Int128(rate.significand)
        let divisor = Powers.ten(rate.scale) * 100
        guard let minor = rounding.divide(product, by: divisor).exactInt64 else {
            throw ArithmeticError(operation: "\(rate)% of \(self)")
        }
        return Money(minorUnits: minor, currency: currency)
    }

    /// Parses an amount such as `1234.50`; more decimals than the currency has are refused.
    public static func parse(
        _ text: some StringProtocol,
        currency: Currency,
        decimalSeparator: UInt8 = UInt8(ascii: ".")
    ) throws(DecimalParseError) -> Money {
        let value = try FixedDecimal.parse(text, decimalSeparator: decimalSeparator, maxScale: currency.minorUnits)
        do {
            return try Money(value, currency: currency, rounding: .down)  // exact: scale ≤ minor units
        } catch {
            throw DecimalParseError(text: String(text), reason: .overflow)
        }
    }
}

extension Money: Comparable {
    /// Whether `lhs` is smaller than `rhs`; both must be in the same currency.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }
}

extension Money: CustomStringConvertible {
    /// `12.50 EUR`.
    public var description: String { "\(decimal) \(currency.code)" }
}

extension Sequence where Element == Money {
    /// Exact sum of amounts in one currency.
    public func sum(in currency: Currency) throws(ArithmeticError) -> Money {
        var total = Money.zero(currency)
        for amount in self { total = try total.adding(amount) }
        return total
    }
}
