/// Builds the FI document of an invoice: receivable (debit), revenue and conditions per G/L
/// account and tax code (credit), tax per tax code (credit); balanced by construction.
struct PostingBuilder {
    let invoice: Invoice
    let receivableAccount: String
    let held: Bool

    func build() -> FIDocument {
        var lines: [FILine] = []
        // The gross total less what the advances prepaid; the run summed both exactly already.
        let prepaid = invoice.prepaidAmount?.minorUnits ?? 0
        let receivable = Money(minorUnits: invoice.grossTotal.minorUnits - prepaid, currency: invoice.currency)
        func add(
            _ gl: String, natural side: FILine.Side, _ amount: Money, key: AccountKey?, taxCode: String?,
            account: String?, text: String, co: COAssignment = COAssignment()
        ) {
            guard !amount.isZero else { return }
            lines.append(
                FILine(
                    number: lines.count + 1, glAccount: gl, side: amount.isNegative ? side.opposite : side,
                    amount: amount.magnitude, accountKey: key, taxCode: taxCode, contractAccount: account,
                    text: text, profitCenter: co.profitCenter, costCenter: co.costCenter))
        }
        if let installments = invoice.installments, !installments.isEmpty {
            // One receivable per installment; they add up to the gross total by construction.
            for installment in installments {
                add(
                    receivableAccount, natural: .debit, installment.amount, key: .receivable, taxCode: nil,
                    account: invoice.buyer.id,
                    text: "Receivable \(invoice.buyer.id) installment \(installment.number) due \(installment.dueDate)")
            }
        } else {
            add(
                receivableAccount, natural: .debit, receivable, key: .receivable, taxCode: nil,
                account: invoice.buyer.id, text: "Receivable \(invoice.buyer.id)")
        }
        // A final invoice clears its advances: their net back off the advances account and their
        // tax off the tax accounts (the invoice's own tax lines carry the full tax), so the
        // receivable is what is still due.
        for clearing in invoice.advanceClearings {
            for revenue in clearing.revenue {
                add(
                    revenue.glAccount, natural: .debit, revenue.amount, key: nil, taxCode: revenue.taxCode,
                    account: nil,
                    text: "Advance cleared \(clearing.number)")
            }
            for tax in clearing.taxes {
                add(
                    tax.glAccount, natural: .debit, tax.taxAmount, key: nil, taxCode: tax.taxCode, account: nil,
                    text: "Advance tax cleared \(clearing.number) \(tax.taxCode)")
            }
        }

        // Revenue and conditions, summed per G/L account, account key, tax code and CO assignment.
        struct RevenueKey: Hashable, Comparable {
            var gl: String
            var key: AccountKey
            var taxCode: String
            var co: COAssignment
            /// The order of `(gl, key.rawValue, taxCode, profitCenter ?? "", costCenter ?? "")`,
            /// field by field, without making the tuples (and their strings) for every comparison.
            static func < (lhs: RevenueKey, rhs: RevenueKey) -> Bool {
                if lhs.gl != rhs.gl { return lhs.gl < rhs.gl }
                if lhs.key != rhs.key { return lhs.key.rawValue < rhs.key.rawValue }
                if lhs.taxCode != rhs.taxCode { return lhs.taxCode < rhs.taxCode }
                let (left, right) = (lhs.co.profitCenter ?? "", rhs.co.profitCenter ?? "")
                if left != right { return left < right }
                return lhs.co.costCenter ?? "" < rhs.co.costCenter ?? ""
            }
        }
        var revenue: [RevenueKey: Int64] = [:]
        for index in invoice.lines.indices {
            let line = invoice.lines[index]
            let co = COAssignment(profitCenter: line.profitCenter, costCenter: line.costCenter)
            revenue[RevenueKey(gl: line.revenueAccount, key: .revenue, taxCode: line.taxCode, co: co), default: 0] +=
                line.baseAmount.minorUnits
            for condition in line.conditions {
                revenue[
                    RevenueKey(gl: condition.glAccount, key: condition.accountKey, taxCode: line.taxCode, co: co),
                    default: 0] += condition.amount.minorUnits
            }
        }
        for (key, minor) in revenue.sorted(by: { $0.key < $1.key }) {
            add(
                key.gl, natural: .credit, Money(minorUnits: minor, currency: invoice.currency), key: key.key,
                taxCode: key.taxCode, account: nil,
                text: key.key == .revenue ? "Revenue" : key.key == .deductions ? "Sales deductions" : "Surcharges",
                co: key.co)
        }
        for tax in invoice.taxes {
            add(
                tax.glAccount, natural: .credit, tax.taxAmount, key: nil, taxCode: tax.taxCode, account: nil,
                text: "Output tax \(tax.taxCode) \(tax.rate)%")
        }
        return FIDocument(
            number: "", companyCode: invoice.seller.id, postingDate: invoice.invoiceDate,
            documentDate: invoice.invoiceDate, reference: invoice.number, currency: invoice.currency, held: held,
            lines: lines)
    }
}
