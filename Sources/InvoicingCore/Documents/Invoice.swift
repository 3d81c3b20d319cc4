/// An invoice as the run creates it: parties, lines, tax breakdown and totals, all exact.
public struct Invoice: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case invoice = "INVOICE"
    }

    /// Gap-free number; empty until the store assigns one, a placeholder in a simulation.
    public var number: String
    public var kind: Kind
    public var runID: String
    public var process: String
    public var invoicingType: String
    public var invoiceDate: CalendarDate
    public var dueDate: CalendarDate
    /// The seller, as it was when the invoice was made.
    public var seller: CompanyCode
    /// The payer, as it was when the invoice was made.
    public var buyer: ContractAccount
    public var currency: Currency
    public var paymentTerms: PaymentTerms
    public var lines: [InvoiceLine]
    public var taxes: [TaxSubtotal]
    public var netTotal: Money
    public var taxTotal: Money
    public var grossTotal: Money
    /// The FI document that posts this invoice.
    public var postingNumber: String
    public var simulated: Bool

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

    public var number: Int
    public var sourceDocument: String
    public var sourceItem: Int
    public var referenceOrder: String?
    public var referenceDelivery: String?
    public var material: String
    public var description: String
    public var quantity: FixedDecimal
    public var unit: String
    public var unitPrice: FixedDecimal
    public var priceUnit: FixedDecimal
    public var priceSource: PriceSource
    /// Quantity × unit price ÷ price unit, rounded to minor units.
    public var baseAmount: Money
    public var conditions: [AppliedCondition]
    /// Base amount plus the condition amounts.
    public var netAmount: Money
    public var taxCode: String
    public var taxCategory: TaxCategory
    public var taxRate: FixedDecimal
    /// G/L account of the base amount (account key ERL).
    public var revenueAccount: String
}

/// A discount or surcharge applied to a line, with its rounded amount.
public struct AppliedCondition: Sendable, Codable, Hashable {
    public var conditionID: String
    public var kind: PriceCondition.Kind
    public var calculation: PriceCondition.Calculation
    /// The percentage, or the amount per price unit.
    public var value: FixedDecimal
    /// Signed: negative for discounts.
    public var amount: Money
    public var accountKey: AccountKey
    public var glAccount: String
}

/// The tax of one tax code: the sum of net line amounts and the tax on it.
public struct TaxSubtotal: Sendable, Codable, Hashable {
    public var taxCode: String
    public var category: TaxCategory
    public var rate: FixedDecimal
    public var taxableAmount: Money
    public var taxAmount: Money
    public var exemptionReason: String?
    public var glAccount: String
}
