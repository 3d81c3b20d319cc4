import InvoicingCore

/// The text of `invoicerun rebate show`.
enum RebateText {
    /// The agreement, its basis and scale level reached per condition, and its amounts.
    static func show(_ position: RebatePosition, rounding: RoundingRule) throws -> String {
        let agreement = position.agreement
        var text = "rebate agreement \(agreement.id)" + (agreement.description.map { ": \($0)" } ?? "") + "\n"
        text +=
            "recipient \(agreement.recipient), company code \(agreement.companyCode), \(agreement.currency.code), "
            + "\(agreement.validFrom) to \(agreement.validTo), settlements taxed \(agreement.taxCode)\n"
        text += "basis: \(position.documents.count) documents"
        text += position.documents.isEmpty ? "\n" : " (\(position.documents.joined(separator: ", ")))\n"
        for condition in agreement.conditions {
            let basis = position.basis[condition.number] ?? .zero(agreement.currency)
            let rate = condition.calculation == .percent ? "%" : "per unit"
            text +=
                "condition \(condition.number)  \(condition.scope)  scale by \(condition.scaleBasis.rawValue), "
                + "rate \(rate)\n"
            text += "  basis quantity \(basis.quantity), value \(basis.value)\n"
            let reached = condition.level(for: basis)
            let levels = condition.levels.map { level in
                "\(level == reached ? "*" : " ")from \(level.from): \(level.rate)"
            }
            text += "  levels \(levels.joined(separator: "  "))\n"
            text +=
                "  level reached: "
                + (reached.map { "from \($0.from), \($0.rate) \(rate)" } ?? "none") + "\n"
            text += "  rebate \(try condition.rebate(on: basis, rounding: rounding))\n"
        }
        let rebate = try position.rebate(rounding: rounding)
        let rows: [(String, Money)] = [
            ("rebate on the basis", rebate),
            ("accrued", position.accrued),
            ("settled", position.settled),
            ("open accrual", position.openAccrual),
            ("open rebate", try rebate.subtracting(position.settled)),
        ]
        for (label, amount) in rows {
            let value = amount.description
            text +=
                label + String(repeating: " ", count: max(1, 22 - label.count))
                + String(repeating: " ", count: max(0, 16 - value.count)) + value + "\n"
        }
        for settlement in position.settlements {
            text +=
                "settlement \(settlement.sequence)  \(settlement.kind.rawValue)  \(settlement.date)  "
                + "\(settlement.document)  \(settlement.amount)  accrual reversed \(settlement.accrualReversed)\n"
        }
        text += position.isFinal ? "settled finally\n" : "not settled finally\n"
        return text
    }
}
