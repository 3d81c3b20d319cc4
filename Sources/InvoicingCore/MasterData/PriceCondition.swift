/// A pricing element: a price, discount or surcharge for a material, an account, or both.
public struct PriceCondition: Sendable, Codable, Hashable {
    /// What a condition does to a line: set its price, or lower or raise its amount.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case price, discount, surcharge
    }

    /// How a condition's value turns into an amount.
    public enum Calculation: String, Sendable, Codable, Hashable, CaseIterable {
        /// An amount per price unit of quantity.
        case amount
        /// A percentage of the line's base amount.
        case percent
    }

    /// One step of a quantity scale: the value applies from `fromQuantity` on.
    public struct ScaleLevel: Sendable, Codable, Hashable {
        /// The smallest quantity from which the value applies.
        public var fromQuantity: FixedDecimal
        /// The price or amount per price unit, or the percentage, at this level.
        public var value: FixedDecimal

        /// Creates a scale level from its fields.
        public init(fromQuantity: FixedDecimal, value: FixedDecimal) {
            self.fromQuantity = fromQuantity
            self.value = value
        }
    }

    /// The condition's key, unique per material.
    public var id: String
    /// Whether the condition is a price, a discount or a surcharge.
    public var kind: Kind
    /// Whether the value is an amount per price unit or a percentage.
    public var calculation: Calculation
    /// Nil: any material (an account-wide discount, say).
    public var material: String?
    /// Nil: any account.
    public var account: String?
    /// The first day the condition is valid.
    public var validFrom: CalendarDate
    /// The last day the condition is valid.
    public var validTo: CalendarDate
    /// Currency of amounts; nil for percentages.
    public var currency: Currency?
    /// Quantity the amount is for (price per 100 pieces has 100).
    public var priceUnit: FixedDecimal
    /// Ascending by quantity; a condition without a scale has one level from zero.
    public var scale: [ScaleLevel]

    /// Creates a price condition from its fields.
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
        // As `filter` then `max(by:)`: the first of the highest levels reached, with no array made.
        var reached: ScaleLevel?
        for level in scale where level.fromQuantity <= magnitude {
            if let current = reached, !(current.fromQuantity < level.fromQuantity) { continue }
            reached = level
        }
        return reached?.value
    }
}
