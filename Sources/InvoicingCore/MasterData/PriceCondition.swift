/// A pricing element: a price, discount or surcharge for a material, an account, or both.
public struct PriceCondition: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case price, discount, surcharge
    }

    public enum Calculation: String, Sendable, Codable, Hashable, CaseIterable {
        /// An amount per price unit of quantity.
        case amount
        /// A percentage of the line's base amount.
        case percent
    }

    /// One step of a quantity scale: the value applies from `fromQuantity` on.
    public struct ScaleLevel: Sendable, Codable, Hashable {
        public var fromQuantity: FixedDecimal
        public var value: FixedDecimal

        public init(fromQuantity: FixedDecimal, value: FixedDecimal) {
            self.fromQuantity = fromQuantity
            self.value = value
        }
    }

    public var id: String
    public var kind: Kind
    public var calculation: Calculation
    /// Nil: any material (an account-wide discount, say).
    public var material: String?
    /// Nil: any account.
    public var account: String?
    public var validFrom: CalendarDate
    public var validTo: CalendarDate
    /// Currency of amounts; nil for percentages.
    public var currency: Currency?
    /// Quantity the amount is for (price per 100 pieces has 100).
    public var priceUnit: FixedDecimal
    /// Ascending by quantity; a condition without a scale has one level from zero.
    public var scale: [ScaleLevel]

    public init(
        id: String, kind: Kind, calculation: Calculation, material: String?, account: String?,
        validFrom: CalendarDate, validTo: CalendarDate, currency: Currency?, priceUnit: FixedDecimal,
        scale: [ScaleLevel]
    ) {
        self.id = id
        self.kind = kind
        self.calculation = calculation
        self.material = material
        self.account = account
        self.validFrom = validFrom
        self.validTo = validTo
        self.currency = currency
        self.priceUnit = priceUnit
        self.scale = scale.sorted { $0.fromQuantity < $1.fromQuantity }
    }

    /// Whether the condition is valid on `date`.
    public func isValid(on date: CalendarDate) -> Bool {
        validFrom <= date && date <= validTo
    }

    /// The value of the highest scale level reached by `quantity` (by magnitude, so returns price too).
    public func value(for quantity: FixedDecimal) -> FixedDecimal? {
        let magnitude = quantity.isNegative ? quantity.negated : quantity
        return scale.filter { $0.fromQuantity <= magnitude }.max { $0.fromQuantity < $1.fromQuantity }?.value
    }
}
