/// How a value is rounded when digits are dropped; every rounding in the engine names one.
public enum RoundingRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Commercial rounding: ties go away from zero (2.345 → 2.35, −2.345 → −2.35).
    case halfUp
    /// Banker's rounding: ties go to the even neighbour (2.345 → 2.34, 2.355 → 2.36).
    case halfEven
    /// Truncation toward zero.
    case down
    /// Away from zero whenever anything is dropped.
    case up
}

extension RoundingRule {
    /// Divides `numerator` by a positive `denominator`, rounding the quotient by this rule.
    @inlinable
    func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator > 0, "rounding divisor must be positive")
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)  // toward zero
        return adjust(quotient, remainder: remainder, denominator: denominator, negative: numerator < 0)
    }
}

extension RoundingRule {
    /// The same rounding division on `Int64`, for the fast path where nothing can overflow.
    @inlinable
    func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return adjust(quotient, remainder: remainder, denominator: denominator, negative: numerator < 0)
    }

    /// Rounding division by `10^exponent` (0...18); the constant divisors let the compiler use
    /// multiplications instead of a hardware division, the costliest step of a line amount.
    @inlinable
    func divide(_ numerator: Int64, byPowerOfTen exponent: Int) -> Int64 {
        let result: (quotient: Int64, remainder: Int64)
        switch exponent {
        case 0: return numerator
        case 1: result = numerator.quotientAndRemainder(dividingBy: 10)
        case 2: result = numerator.quotientAndRemainder(dividingBy: 100)
        case 3: result = numerator.quotientAndRemainder(dividingBy: 1_000)
        case 4: result = numerator.quotientAndRemainder(dividingBy: 10_000)
        case 5: result = numerator.quotientAndRemainder(dividingBy: 100_000)
        case 6: result = numerator.quotientAndRemainder(dividingBy: 1_000_000)
        case 7: result = numerator.quotientAndRemainder(dividingBy: 10_000_000)
        case 8: result = numerator.quotientAndRemainder(dividingBy: 100_000_000)
        case 9: result = numerator.quotientAndRemainder(dividingBy: 1_000_000_000)
        case 10: result = numerator.quotientAndRemainder(dividingBy: 10_000_000_000)
        case 11: result = numerator.quotientAndRemainder(dividingBy: 100_000_000_000)
        case 12: result = numerator.quotientAndRemainder(dividingBy: 1_000_000_000_000)
        default:
            // swift-format-ignore: NeverForceUnwrap
            return divide(numerator, by: Powers.tenInt64(exponent)!)  // callers pass 0...18
        }
        // swift-format-ignore: NeverForceUnwrap
        let denominator = Powers.tenInt64(exponent)!
        return adjust(result.quotient, remainder: result.remainder, denominator: denominator, negative: numerator < 0)
    }

    /// The truncated quotient moved by one away from zero when this rule says so.
    @inlinable
    func adjust<Value: FixedWidthInteger & SignedInteger>(
        _ quotient: Value, remainder: Value, denominator: Value, negative: Bool
    ) -> Value {
        if remainder == 0 { return quotient }
        let awayFromZero: Value = negative ? -1 : 1
        // |remainder| < denominator ≤ Value.max, so twice it fits in the unsigned magnitude.
        let twiceRemainder = remainder.magnitude &* 2
        switch self {
        case .down:
            return quotient
        case .up:
            return quotient + awayFromZero
        case .halfUp:
            return twiceRemainder >= denominator.magnitude ? quotient + awayFromZero : quotient
        case .halfEven:
            if twiceRemainder > denominator.magnitude { return quotient + awayFromZero }
            if twiceRemainder < denominator.magnitude { return quotient }
            return quotient % 2 == 0 ? quotient : quotient + awayFromZero
        }
    }
}
