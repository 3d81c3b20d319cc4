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
        let quotient = numerator / denominator  // truncates toward zero
        let remainder = numerator % denominator  // same sign as numerator
        if remainder == 0 { return quotient }
        let awayFromZero: Int128 = numerator < 0 ? -1 : 1
        let twiceRemainder = remainder.magnitude * 2
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
