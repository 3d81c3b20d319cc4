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
