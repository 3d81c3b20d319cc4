extension RebateCondition {
    /// The scale level `basis` reaches, if any.
    public func level(for basis: RebateBasis) -> Level? {
        let measure = scaleBasis == .volume ? basis.quantity : basis.value.decimal
        return levels.last { $0.from <= measure }
    }

    /// The rebate on `basis` at the level it reaches: value × percent ÷ 100, or quantity × amount
    /// per unit, rounded once to minor units by `rounding`; zero below the first level.
    public func rebate(on basis: RebateBasis, rounding: RoundingRule) throws(ArithmeticError) -> Money {
        guard let level = level(for: basis) else { return .zero(basis.value.currency) }
        switch calculation {
        case .percent:
            return try basis.value.percentage(level.rate, rounding: rounding)
        case .amount:
            return try Money.extended(
                quantity: basis.quantity, unitPrice: level.rate, priceUnit: .one, currency: basis.value.currency,
                rounding: rounding)
        }
    }

    /// Whether an invoice line of `material` counts for this condition.
    func matches(_ material: String, materials: [String: Material]) -> Bool {
        if let own = self.material { return own == material }
        return materials[material]?.materialGroup == materialGroup
    }
}
