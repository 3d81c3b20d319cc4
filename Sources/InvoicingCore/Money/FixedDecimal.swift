/// An exact decimal number, `significand × 10^-scale`, for quantities, unit prices and rates.
///
/// Backed by `Int64` with a scale of at most ``maxScale`` decimals; products use `Int128`
/// intermediates, so nothing overflows silently. `Foundation.Decimal` is about 700 times slower
/// for the same work (see `DESIGN.md`), which is why the engine has its own type.
public struct FixedDecimal: Sendable {
    /// Digits after the decimal point that any value may carry.
    public static let maxScale = 9

    /// The integer that, divided by `10^scale`, is the value.
    public let significand: Int64
    /// Number of decimal digits after the point, `0...maxScale`.
    public let scale: Int

    /// Creates `significand × 10^-scale`.
    public init(significand: Int64, scale: Int) {
        precondition((0...Self.maxScale).contains(scale), "scale \(scale) outside 0...\(Self.maxScale)")
        self.significand = significand
        self.scale = scale
    }

    /// Creates an integral value.
    public init(_ integer: Int64) {
        self.init(significand: integer, scale: 0)
    }

    /// The value 0.
    public static let zero = FixedDecimal(0)
    /// The value 1, e.g. the default price unit.
    public static let one = FixedDecimal(1)
    /// The value 100, for percentages.
    public static let hundred = FixedDecimal(100)

    /// Whether the value is zero.
    public var isZero: Bool { significand == 0 }
    /// Whether the value is below zero.
    public var isNegative: Bool { significand < 0 }

    /// The same value with `scale` decimals, rounded by `rounding` when digits are dropped.
    public func rescaled(to newScale: Int, rounding: RoundingRule) throws(ArithmeticError) -> FixedDecimal {
        precondition((0...Self.maxScale).contains(newScale), "scale \(newScale) outside 0...\(Self.maxScale)")
        if newScale == scale { return self }
        let value: Int128
        if newScale > scale {
            value = Int128(significand) * Powers.ten(newScale - scale)
        } else {
            value = rounding.divide(Int128(significand), by: Powers.ten(scale - newScale))
        }
        guard let exact = value.exactInt64 else { throw ArithmeticError(operation: "rescaling \(self)") }
        return FixedDecimal(significand: exact, scale: newScale)
    }

    /// The value with trailing fractional zeros removed (1.500 → 1.5).
    public var normalized: FixedDecimal {
        var digits = significand
        var newScale = scale
        while newScale > 0 && digits % 10 == 0 {
            digits /= 10
            newScale -= 1
        }
        return FixedDecimal(significand: digits, scale: newScale)
    }

    /// Exact sum; throws when it does not fit.
    public func adding(_ other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let common = max(scale, other.scale)
        let sum =
            Int128(significand) * Powers.ten(common - scale)
            + Int128(other.significand) * Powers.ten(common - other.scale)
        guard let exact = sum.exactInt64 else { throw ArithmeticError(operation: "\(self) + \(other)") }
        return FixedDecimal(significand: exact, scale: common)
    }

    /// The product rounded to `resultScale` decimals.
    public func multiplied(
        by other: FixedDecimal,
        scale resultScale: Int,
        rounding: RoundingRule
    ) throws(ArithmeticError) -> FixedDecimal {
        let product = Int128(significand) * Int128(other.significand)  // |a·b| < 2^126: cannot overflow
        let productScale = scale + other.scale
        let value: Int128
        if resultScale >= productScale {
            let (scaled, overflow) = product.multipliedReportingOverflow(by: Powers.ten(resultScale - productScale))
            guard !overflow else { throw ArithmeticError(operation: "\(self) × \(other)") }
            value = scaled
        } else {
            value = rounding.divide(product, by: Powers.ten(productScale - resultScale))
        }
        guard let exact = value.exactInt64 else { throw ArithmeticError(operation: "\(self) × \(other)") }
        return FixedDecimal(significand: exact, scale: resultScale)
    }

    /// The negated value.
    public var negated: FixedDecimal { FixedDecimal(significand: -significand, scale: scale) }

    /// Both values as integers on their common scale, for exact comparison.
    func aligned(with other: FixedDecimal) -> (Int128, Int128) {
        let common = max(scale, other.scale)
        return (
            Int128(significand) * Powers.ten(common - scale),
            Int128(other.significand) * Powers.ten(common - other.scale)
        )
    }
}

extension FixedDecimal: Equatable {
    /// Values are equal when they denote the same number (1.5 == 1.50).
    public static func == (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let (left, right) = lhs.aligned(with: rhs)
        return left == right
    }
}

extension FixedDecimal: Hashable {
    /// Hashes the normalized value, so equal values with different scales hash alike.
    public func hash(into hasher: inout Hasher) {
        let canonical = normalized
        hasher.combine(canonical.significand)
        hasher.combine(canonical.scale)
    }
}

extension FixedDecimal: Comparable {
    /// Whether `lhs` is a smaller number than `rhs`, whatever their scales.
    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let (left, right) = lhs.aligned(with: rhs)
        return left < right
    }
}

extension FixedDecimal: CustomStringConvertible {
    /// Plain decimal text with exactly `scale` decimals and `.` as separator, e.g. `-12.50`.
    public var description: String { formatted() }

    /// Text with the given separators; `grouping` is put between groups of three integer digits.
    public func formatted(decimalSeparator: Character = ".", grouping: Character? = nil) -> String {
        // Amounts are formatted for every line of every output, and every language here
        // separates with one ASCII byte: those separators are written as bytes.
        if let separator = Self.singleByte(decimalSeparator) {
            guard let grouping else { return formatted(separator: separator, grouping: nil) }
            if let group = Self.singleByte(grouping) { return formatted(separator: separator, grouping: group) }
        }
        return formattedCharacters(decimalSeparator: decimalSeparator, grouping: grouping)
    }

    /// The one byte of a character that is a single ASCII byte; nil for any other (`"\r\n"` is two).
    private static func singleByte(_ character: Character) -> UInt8? {
        let bytes = character.utf8
        guard bytes.count == 1, let byte = bytes.first, byte < 0x80 else { return nil }
        return byte
    }

    /// ``formatted(decimalSeparator:grouping:)`` with separators of one byte each.
    private func formatted(separator: UInt8, grouping: UInt8?) -> String {
        // Digits are written from the right into a buffer on the stack, the fraction's peeled off
        // the magnitude one by one (no division by a power of ten looked up), then copied into the
        // String's own storage, which takes text of up to 15 ASCII bytes without checking it.
        var magnitude = significand.magnitude
        // A sign, at most 20 integer digits and 6 group separators, the separator, the fraction.
        let capacity = 28 + Self.maxScale
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            if scale > 0 {
                for _ in 0..<scale {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                }
                start -= 1
                buffer[start] = separator
            }
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0, let grouping {
                    start -= 1
                    buffer[start] = grouping
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                digits += 1
            } while magnitude > 0
            if significand < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            let text = UnsafeBufferPointer(rebasing: buffer[start..<capacity])
            return String(unsafeUninitializedCapacity: text.count) { target in
                _ = target.initialize(fromContentsOf: text)
                return text.count
            }
        }
    }

    /// ``formatted(decimalSeparator:grouping:)`` with separators of any length.
    private func formattedCharacters(decimalSeparator: Character, grouping: Character?) -> String {
        let magnitude = significand.magnitude
        let divisor = UInt64(Powers.ten(scale))
        let separatorBytes = decimalSeparator.utf8.count
        let groupingBytes = grouping?.utf8.count ?? 0
        // At most 20 integer digits with a separator between each three, a sign, the fraction.
        let capacity = 21 + 7 * groupingBytes + separatorBytes + scale
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            func write(_ character: Character) {
                start -= character.utf8.count
                var index = start
                for byte in character.utf8 {
                    buffer[index] = byte
                    index += 1
                }
            }
            if scale > 0 {
                var fraction = magnitude % divisor
                for _ in 0..<scale {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(fraction % 10)
                    fraction /= 10
                }
                write(decimalSeparator)
            }
            var integer = magnitude / divisor
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0, let grouping { write(grouping) }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(integer % 10)
                integer /= 10
                digits += 1
            } while integer > 0
            if significand < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<capacity]), as: UTF8.self)
        }
    }
}

extension FixedDecimal: ExpressibleByIntegerLiteral {
    /// An integral value written as a literal, e.g. a rate of `19`.
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}
