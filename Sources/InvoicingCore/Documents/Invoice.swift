/// An invoice as the run creates it: parties, lines, tax breakdown and totals, all exact.
public struct Invoice: Sendable, Codable, Hashable {
    /// What kind of document an invoice is.
    public enum Kind: String, Sendable, Codable, Hashable {
        case invoice = "INVOICE"
    }

    /// Gap-free number; empty until the store assigns one, a placeholder in a simulation.
    public var number: String
    /// What kind of document this is.
    public var kind: Kind
    /// The id of the invoicing run that made the invoice.
    public var runID: String
    /// The id of the invoicing process the run followed.
    public var process: String
    /// The invoicing type chosen for the invoicing unit, e.g. final billing.
    public var invoicingType: String
    /// The date the invoice is issued, from which payment terms count.
    public var invoiceDate: CalendarDate
    /// The date by which the gross total must be paid.
    public var dueDate: CalendarDate
    /// The seller, as it was when the invoice was made.
    public var seller: CompanyCode
    /// The payer, as it was when the invoice was made.
    public var buyer: ContractAccount
    /// The currency of every amount on the invoice.
    public var currency: Currency
    /// The payment terms that set the due date, as they were when the invoice was made.
    public var paymentTerms: PaymentTerms
    /// The invoice lines, numbered from 1.
    public var lines: [InvoiceLine]
    /// One tax subtotal per tax code, on the sum of the net line amounts.
    public var taxes: [TaxSubtotal]
    /// The sum of the net line amounts.
    public var netTotal: Money
    /// The sum of the tax subtotals.
    public var taxTotal: Money
    /// The net total plus the tax total: the amount due.
    public var grossTotal: Money
    /// The FI document that posts this invoice.
    public var postingNumber: String
    /// Whether a simulation run made the invoice, so it is neither stored, numbered nor valid for payment.
    public var simulated: Bool
    /// The installments the total is paid in, when the payment terms have an installment plan.
    public var installments: [Installment]?

    /// Ids of the source documents invoiced, in line order.
    public var sourceDocuments: [String] {
        var seen = Set<String>()
        return lines.map(\.sourceDocument).filter { seen.insert($0).inserted }
    }
}

/// One invoice line: what was billed, how it was priced, and its net amount.
public struct InvoiceLine: Sendable, Codable, Hashable {
    /// Where the unit price came from.
    public enum PriceSource: Sendable, Codable, Hashable {
        case document
        case condition(id: String)
    }

    /// The line's position on the invoice, from 1.
    public var number: Int
    /// The id of the source document the line bills.
    public var sourceDocument: String
    /// The number of the source document's item the line bills.
    public var sourceItem: Int
    /// The sales order the billed item refers to, if any.
    public var referenceOrder: String?
    /// The delivery the billed item refers to, if any.
    public var referenceDelivery: String?
    /// The id of the material billed.
    public var material: String
    /// The text printed for the line.
    public var description: String
    /// The quantity billed, in `unit`.
    public var quantity: FixedDecimal
    /// The unit of measure of the quantity, a UN/ECE Recommendation 20 code.
    public var unit: String
    /// The price per price unit before discounts and surcharges.
    public var unitPrice: FixedDecimal
    /// The quantity the unit price is for (price per 100 pieces has 100).
    public var priceUnit: FixedDecimal
    /// Where the unit price came from.
    public var priceSource: PriceSource
    /// Quantity × unit price ÷ price unit, rounded to minor units.
    public var baseAmount: Money
    /// The discounts and surcharges applied to the base amount, in order.
    public var conditions: [AppliedCondition]
    /// Base amount plus the condition amounts.
    public var netAmount: Money
    /// The tax code that applies to the line.
    public var taxCode: String
    /// The VAT category of the tax code.
    public var taxCategory: TaxCategory
    /// The tax rate in percent.
    public var taxRate: FixedDecimal
    /// G/L account of the base amount (account key ERL).
    public var revenueAccount: String
}

/// A discount or surcharge applied to a line, with its rounded amount.
public struct AppliedCondition: Sendable, Codable, Hashable {
    /// The id of the price condition applied.
    public var conditionID: String
    /// Whether the condition is a discount or a surcharge.
    public var kind: PriceCondition.Kind
    /// Whether the value is an amount per price unit or a percentage.
    public var calculation: PriceCondition.Calculation
    /// The percentage, or the amount per price unit.
    public var value: FixedDecimal
    /// Signed: negative for discounts.
    public var amount: Money
    /// The account key the amount posts under, e.g. ERS for discounts.
    public var accountKey: AccountKey
    /// The G/L account the amount posts to.
    public var glAccount: String
}

/// The tax of one tax code: the sum of net line amounts and the tax on it.
public struct TaxSubtotal: Sendable, Codable, Hashable {
    /// The tax code the subtotal is for.
    public var taxCode: String
    /// The VAT category of the tax code.
    public var category: TaxCategory
    /// The tax rate in percent.
    public var rate: FixedDecimal
    /// The sum of the net amounts of the lines with this tax code.
    public var taxableAmount: Money
    /// The tax on the taxable amount, rounded to the currency's minor units.
    public var taxAmount: Money
    /// Why no tax is charged, for exempt categories.
    public var exemptionReason: String?
    /// The G/L account the tax posts to.
    public var glAccount: String
}
