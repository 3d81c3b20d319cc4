import Testing

@testable import InvoicingCore

/// One row of the rounding table: a value, a rule, and the value rounded to two decimals.
struct RoundingCase: Sendable, CustomTestStringConvertible {
    var input: String
    var rule: RoundingRule
    var expected: String

    var testDescription: String { "\(input) \(rule) → \(expected)" }

    /// Every rule at, just below and just above a tie, on both sides of zero.
    ///
    /// Columns: halfUp, halfEven, down, up. Ties: 2.345 and 2.355 (the kept digit 4 is even, 5 is
    /// odd), 0.005 (the kept digit 0 is even, so half-even goes to zero on both sides).
    static let table: [RoundingCase] = {
        let rows: [(String, [String])] = [
            ("2.345", ["2.35", "2.34", "2.34", "2.35"]),
            ("2.355", ["2.36", "2.36", "2.35", "2.36"]),
            ("-2.345", ["-2.35", "-2.34", "-2.34", "-2.35"]),
            ("-2.355", ["-2.36", "-2.36", "-2.35", "-2.36"]),
            ("2.3449", ["2.34", "2.34", "2.34", "2.35"]),
            ("2.3451", ["2.35", "2.35", "2.34", "2.35"]),
            ("-2.3449", ["-2.34", "-2.34", "-2.34", "-2.35"]),
            ("2.3450000", ["2.35", "2.34", "2.34", "2.35"]),
            ("0.005", ["0.01", "0.00", "0.00", "0.01"]),
            ("-0.005", ["-0.01", "0.00", "0.00", "-0.01"]),
            ("2.34", ["2.34", "2.34", "2.34", "2.34"]),
            ("-0.001", ["0.00", "0.00", "0.00", "-0.01"]),
        ]
        let rules: [RoundingRule] = [.halfUp, .halfEven, .down, .up]
        return rows.flatMap { input, results in
            zip(rules, results).map { RoundingCase(input: input, rule: $0, expected: $1) }
        }
    }()
}
