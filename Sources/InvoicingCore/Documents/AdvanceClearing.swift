/// An advance or prepayment invoice as a final invoice deducts it: its number and amounts, and
/// the accounts its FI document credited, which the final invoice's FI document debits back.
public struct AdvanceClearing: Sendable, Codable, Hashable {
    /// The number of the advance or prepayment invoice deducted.
    public var number: String
    /// Advance or prepayment.
    public var kind: Invoice.Kind
    /// The date of the advance invoice.
    public var invoiceDate: CalendarDate
    /// Its net total.
    public var netAmount: Money
    /// Its gross total: what was prepaid.
    public var grossAmount: Money
    /// Its net amounts per G/L account and tax code, as its FI document credited them (a
    /// discount as a negative amount on its deductions account).
    public var revenue: [Revenue]
    /// Its tax per tax code, as its FI document credited it.
    public var taxes: [TaxSubtotal]

    /// The amount of an advance on one G/L account and tax code.
    public struct Revenue: Sendable, Codable, Hashable {
        /// The G/L account credited by the advance (customer advances received).
        public var glAccount: String
        /// The tax code of the lines.
        public var taxCode: String
        /// The net amount.
        public var amount: Money

        /// Creates an advance's revenue entry.
        public init(glAccount: String, taxCode: String, amount: Money) {
            self.glAccount = glAccount
            self.taxCode = taxCode
            self.amount = amount
        }
    }

    /// The clearing of `advance`, a stored advance or prepayment invoice.
    public init(of advance: Invoice) throws(ArithmeticError) {
        number = advance.number
        kind = advance.kind
        invoiceDate = advance.invoiceDate
        netAmount = advance.netTotal
        grossAmount = advance.grossTotal
        // What its FI document credited: each line's base amount on its revenue account and each
        // condition on its own account, summed per G/L account and tax code in first-named order.
        var revenue: [Revenue] = []
        func add(_ glAccount: String, _ taxCode: String, _ amount: Money) throws(ArithmeticError) {
            if let index = revenue.firstIndex(where: { $0.glAccount == glAccount && $0.taxCode == taxCode }) {
                revenue[index].amount = try revenue[index].amount.adding(amount)
            } else {
                revenue.append(Revenue(glAccount: glAccount, taxCode: taxCode, amount: amount))
            }
        }
        for line in advance.lines {
            try add(line.revenueAccount, line.taxCode, line.baseAmount)
            for condition in line.conditions { try add(condition.glAccount, line.taxCode, condition.amount) }
        }
        self.revenue = revenue
        taxes = advance.taxes
    }

    /// The tax of the advance, summed over its tax codes.
    public var taxAmount: Money {
        get throws(ArithmeticError) { try taxes.map(\.taxAmount).sum(in: grossAmount.currency) }
    }

    /// The clearing with every amount negated, for the cancellation of the final invoice.
    public var negated: AdvanceClearing {
        var copy = self
        copy.netAmount = netAmount.negated
        copy.grossAmount = grossAmount.negated
        copy.revenue = revenue.map { Revenue(glAccount: $0.glAccount, taxCode: $0.taxCode, amount: $0.amount.negated) }
        copy.taxes = taxes.map { tax in
            var tax = tax
            tax.taxableAmount = tax.taxableAmount.negated
            tax.taxAmount = tax.taxAmount.negated
            return tax
        }
        return copy
    }
}
