extension RebateAgreement {
    /// The condition an invoice line of `material` counts for: the one for that material, else
    /// the one for its material group (lowest number first); a line counts once at most.
    public func condition(for material: String, materials: [String: Material]) -> RebateCondition? {
        conditions.first { $0.material == material }
            ?? conditions.first { $0.material == nil && $0.matches(material, materials: materials) }
    }

    /// The basis `invoice` adds to each condition (by number); empty when the agreement does not
    /// cover it. Quantities and net values are signed as on the invoice, so credit memos and
    /// cancellations reduce the basis.
    public func basis(of invoice: Invoice, materials: [String: Material]) throws(ArithmeticError) -> [Int: RebateBasis]
    {
        guard covers(invoice) else { return [:] }
        var result: [Int: RebateBasis] = [:]
        for line in invoice.lines {
            guard let condition = condition(for: line.material, materials: materials) else { continue }
            result[condition.number] = try (result[condition.number] ?? .zero(currency))
                .adding(RebateBasis(quantity: line.quantity, value: line.netAmount))
        }
        return result
    }

    /// The rebate on `basis` (by condition number): each condition's rebate at the level its
    /// basis reaches, rounded once per condition, summed.
    public func rebate(on basis: [Int: RebateBasis], rounding: RoundingRule) throws(ArithmeticError) -> Money {
        var total = Money.zero(currency)
        for condition in conditions {
            total = try total.adding(
                try condition.rebate(on: basis[condition.number] ?? .zero(currency), rounding: rounding))
        }
        return total
    }
}

extension Dictionary where Key == Int, Value == RebateBasis {
    /// The two bases added condition by condition.
    public func adding(_ other: [Int: RebateBasis]) throws(ArithmeticError) -> [Int: RebateBasis] {
        var result = self
        for (number, basis) in other {
            if let existing = result[number] {
                result[number] = try existing.adding(basis)
            } else {
                result[number] = basis
            }
        }
        return result
    }
}
