extension InvoiceList {
    /// The list with a factoring discount of `percent` on its total: total × percent ÷ 100, rounded
    /// once to minor units by `rounding`. Credit lists get no discount.
    public func discounted(percent: FixedDecimal, rounding: RoundingRule) throws(ArithmeticError) -> InvoiceList {
        guard kind == .invoices, let power = Powers.tenInt64(percent.scale) else { return self }
        let numerator = Int128(grossTotal.minorUnits) * Int128(percent.significand)
        guard let minor = Int64(exactly: rounding.divide(numerator, by: Int128(100) * Int128(power))) else {
            throw ArithmeticError(operation: "factoring discount of \(number)")
        }
        var list = self
        list.discountPercent = percent
        list.discount = Money(minorUnits: minor, currency: currency)
        return list
    }

    /// What the payer owes after the discount: the list total minus the discount.
    public var amountPayable: Money {
        Money(minorUnits: grossTotal.minorUnits - (discount?.minorUnits ?? 0), currency: currency)
    }

    /// The FI document of the discount, unnumbered: the discount expense (debit) against the
    /// payer's receivable (credit), balanced by construction; nil without a discount.
    public func discountDocument(receivableAccount: String, discountAccount: String) -> FIDocument? {
        guard let discount, !discount.isZero else { return nil }
        let text = "Factoring discount \(discountPercent?.description ?? "")% on list \(number)"
        return FIDocument(
            number: "", companyCode: companyCode, postingDate: listDate, documentDate: listDate, reference: number,
            currency: currency, held: false,
            lines: [
                FILine(
                    number: 1, glAccount: discountAccount, side: .debit, amount: discount, accountKey: .deductions,
                    taxCode: nil, contractAccount: nil, text: text),
                FILine(
                    number: 2, glAccount: receivableAccount, side: .credit, amount: discount, accountKey: .receivable,
                    taxCode: nil, contractAccount: account, text: text),
            ])
    }
}
