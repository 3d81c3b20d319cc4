/// The party invoiced (payer), with everything that steers how it is invoiced.
public struct ContractAccount: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var companyCode: String
    public var address: Address
    public var vatID: String?
    /// Language of print layouts, e.g. `en` or `de`.
    public var language: String
    public var currency: Currency
    public var paymentTerms: String
    /// Invoicing category: with the invoicing type it picks the activation of optional functions.
    public var invoicingCategory: String
    /// Customer tax classification used in tax determination.
    public var taxClassification: String
    /// Customer account assignment group used in account determination.
    public var accountAssignmentGroup: String

    public init(
        id: String, companyCode: String, address: Address, vatID: String?, language: String,
        currency: Currency, paymentTerms: String, invoicingCategory: String, taxClassification: String,
        accountAssignmentGroup: String
    ) {
        self.id = id
        self.companyCode = companyCode
        self.address = address
        self.vatID = vatID
        self.language = language
        self.currency = currency
        self.paymentTerms = paymentTerms
        self.invoicingCategory = invoicingCategory
        self.taxClassification = taxClassification
        self.accountAssignmentGroup = accountAssignmentGroup
    }

    public var name: String { address.name }
}
