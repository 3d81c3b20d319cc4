/// An allowance or charge on the whole invoice (EN 16931 BG-20, BG-21), as partner invoices carry
/// them; the run itself puts discounts and surcharges on lines.
public struct DocumentAllowanceCharge: Sendable, Codable, Hashable {
    /// Whether it is a charge (BG-21) rather than an allowance (BG-20) on this invoice; the sign of
    /// `amount` says the same, except for a zero amount, which only this tells apart.
    public var isCharge: Bool
    /// Signed like a line condition: negative lowers the invoice total (an allowance on an invoice).
    public var amount: Money
    /// The reason text (BT-97, BT-104), if any.
    public var reason: String?
    /// The reason code (BT-98, BT-105; UNCL 5189 or 7161), if any.
    public var reasonCode: String?
    /// The percentage (BT-94, BT-101), if the amount is one of a base amount.
    public var percentage: FixedDecimal?
    /// The base amount of the percentage (BT-93, BT-100), positive.
    public var baseAmount: Money?
    /// The VAT category the amount falls in (BT-95, BT-102).
    public var category: TaxCategory
    /// The VAT rate in percent (BT-96, BT-103).
    public var rate: FixedDecimal

    /// Creates a document-level allowance or charge from its fields.
    public init(
        isCharge: Bool, amount: Money, reason: String? = nil, reasonCode: String? = nil,
        percentage: FixedDecimal? = nil,
        baseAmount: Money? = nil, category: TaxCategory, rate: FixedDecimal
    ) {
        self.isCharge = isCharge
        self.amount = amount
        self.reason = reason
        self.reasonCode = reasonCode
        self.percentage = percentage
        self.baseAmount = baseAmount
        self.category = category
        self.rate = rate
    }
}
