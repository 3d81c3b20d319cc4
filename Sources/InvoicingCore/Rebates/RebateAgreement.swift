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
