/// A rebate agreement: who gets a rebate (the recipient), on what (conditions per material or
/// material group), by which scale, for which period of invoice dates.
///
/// The rebate of a condition is computed on the condition's whole basis in the period at the
/// scale level that basis reaches (not tier by tier): crossing a level mid-period raises the
/// rate of everything invoiced before as well.
public struct RebateAgreement: Sendable, Codable, Hashable {
    /// The agreement's key.
    public var id: String
    /// What the agreement is for, printed on its settlements.
    public var description: String?
    /// The company code that grants the rebate and whose invoices count.
    public var companyCode: String
    /// The contract account that receives the rebate; its invoices make the basis.
    public var recipient: String
    /// The currency of the basis values and of the rebate.
    public var currency: Currency
    /// The first invoice date that counts.
    public var validFrom: CalendarDate
    /// The last invoice date that counts.
    public var validTo: CalendarDate
    /// The tax code of the settlement credit memos (the rebate is a net amount).
    public var taxCode: String
    /// The conditions, by number.
    public var conditions: [RebateCondition]

    /// Creates an agreement from its fields.
    public init(
        id: String, description: String?, companyCode: String, recipient: String, currency: Currency,
        validFrom: CalendarDate, validTo: CalendarDate, taxCode: String, conditions: [RebateCondition]
    ) {
        self.id = id
        self.description = description
        self.companyCode = companyCode
        self.recipient = recipient
        self.currency = currency
        self.validFrom = validFrom
        self.validTo = validTo
        self.taxCode = taxCode
        self.conditions = conditions
    }

    /// Whether the lines of `invoice` count for the agreement: made out by its company code to
    /// its recipient in its currency, dated within its validity.
    public func covers(_ invoice: Invoice) -> Bool {
        invoice.seller.id == companyCode && invoice.buyer.id == recipient && invoice.currency == currency
            && invoice.invoiceDate >= validFrom && invoice.invoiceDate <= validTo
    }
}

/// One condition of a rebate agreement: a material or a material group, a scale and a rate per level.
public struct RebateCondition: Sendable, Codable, Hashable {
    /// What the scale levels are measured in.
    public enum ScaleBasis: String, Sendable, Codable, Hashable, CaseIterable {
        /// The quantity invoiced (in the materials' units).
        case volume
        /// The net value invoiced.
        case value
    }

    /// How a level's rate turns into a rebate.
    public enum Calculation: String, Sendable, Codable, Hashable, CaseIterable {
        /// A percentage of the net value.
        case percent
        /// An amount per unit of quantity.
        case amount
    }

    /// One level of the scale: the rate applies from `from` on (quantity or value).
    public struct Level: Sendable, Codable, Hashable {
        /// The smallest quantity or value from which the rate applies.
        public var from: FixedDecimal
        /// A percentage, or an amount per unit.
        public var rate: FixedDecimal

        /// Creates a level from its fields.
        public init(from: FixedDecimal, rate: FixedDecimal) {
            self.from = from
            self.rate = rate
        }
    }

    /// The condition's number in its agreement.
    public var number: Int
    /// The material the condition is for, or nil when it is for a material group.
    public var material: String?
    /// The material group the condition is for, or nil when it is for a material.
    public var materialGroup: String?
    /// Whether the scale measures quantity or value.
    public var scaleBasis: ScaleBasis
    /// Whether rates are percentages or amounts per unit.
    public var calculation: Calculation
    /// The levels, ascending by `from`.
    public var levels: [Level]

    /// Creates a condition from its fields; levels are sorted by `from`.
    public init(
        number: Int, material: String?, materialGroup: String?, scaleBasis: ScaleBasis, calculation: Calculation,
        levels: [Level]
    ) {
        self.number = number
        self.material = material
        self.materialGroup = materialGroup
        self.scaleBasis = scaleBasis
        self.calculation = calculation
        self.levels = levels.sorted { $0.from < $1.from }
    }

    /// What the condition is for, in words: `material M-1` or `material group ENERGY`.
    public var scope: String {
        if let material { return "material \(material)" }
        return "material group \(materialGroup ?? "")"
    }
}
