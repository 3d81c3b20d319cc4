/// What a rebate condition is computed on: the quantity and net value invoiced.
public struct RebateBasis: Sendable, Hashable {
    /// The quantity invoiced, credits and cancellations netted.
    public var quantity: FixedDecimal
    /// The net value invoiced, credits and cancellations netted.
    public var value: Money

    /// Creates a basis from its fields.
    public init(quantity: FixedDecimal, value: Money) {
        self.quantity = quantity
        self.value = value
    }

    /// An empty basis in `currency`.
    public static func zero(_ currency: Currency) -> RebateBasis {
        RebateBasis(quantity: .zero, value: .zero(currency))
    }

    /// The sum of two bases, exact.
    public func adding(_ other: RebateBasis) throws(ArithmeticError) -> RebateBasis {
        RebateBasis(quantity: try quantity.adding(other.quantity), value: try value.adding(other.value))
    }
}
