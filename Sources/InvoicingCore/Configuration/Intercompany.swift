/// A plant: where goods are delivered from, and the company code whose ledger it belongs to.
public struct Plant: Sendable, Hashable, Identifiable {
    /// The plant's key, as source items name it.
    public var id: String
    /// The company code the plant belongs to.
    public var companyCode: String

    /// Creates a plant from its fields.
    public init(id: String, companyCode: String) {
        self.id = id
        self.companyCode = companyCode
    }
}

/// The terms on which one company code delivers for another: who it invoices internally, and
/// at what transfer price.
public struct IntercompanyAgreement: Sendable, Hashable {
    /// The company code of the delivering plant, which issues the internal invoice.
    public var deliveringCompanyCode: String
    /// The company code that sold to the customer, which receives the internal invoice.
    public var sellingCompanyCode: String
    /// The contract account, kept by the delivering company code, that stands for the selling
    /// company code as an internal customer (its account group, tax class and payment terms apply).
    public var internalAccount: String
    /// The transfer price as a percentage of the customer invoice's unit price; nil prices each
    /// item from the conditions for the internal account (a transfer-price condition).
    public var transferPricePercent: FixedDecimal?

    /// Creates an agreement from its fields.
    public init(
        deliveringCompanyCode: String, sellingCompanyCode: String, internalAccount: String,
        transferPricePercent: FixedDecimal? = nil
    ) {
        self.deliveringCompanyCode = deliveringCompanyCode
        self.sellingCompanyCode = sellingCompanyCode
        self.internalAccount = internalAccount
        self.transferPricePercent = transferPricePercent
    }
}
