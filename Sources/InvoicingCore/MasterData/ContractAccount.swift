/// The party invoiced (payer), with everything that steers how it is invoiced.
public struct ContractAccount: Sendable, Codable, Hashable, Identifiable {
    /// The contract account number.
    public var id: String
    /// The company code whose invoices the account receives.
    public var companyCode: String
    /// The postal address invoices are sent to.
    public var address: Address
    /// The payer's VAT identification number, if it has one.
    public var vatID: String?
    /// Language of print layouts, e.g. `en` or `de`.
    public var language: String
    /// The currency the account is invoiced in.
    public var currency: Currency
    /// The id of the payment terms that set the due date of its invoices.
    public var paymentTerms: String
    /// Invoicing category: with the invoicing type it picks the activation of optional functions.
    public var invoicingCategory: String
    /// Customer tax classification used in tax determination.
    public var taxClassification: String
    /// Customer account assignment group used in account determination.
    public var accountAssignmentGroup: String
    /// Where the payer receives e-invoices; without it, e-invoices use its VAT number if it has an EAS scheme.
    public var electronicAddress: ElectronicAddress?
    /// The e-invoice formats its invoices are sent in, besides the outputs of the run's functions.
    public var invoiceFormats: [EInvoiceFormat]
    /// The invoice-list calendar: the payer's invoices are collected into invoice lists on its
    /// dates; nil when the payer gets no lists.
    public var invoiceListCalendar: InvoiceListCalendar?

    /// Creates a contract account from its fields.
    public init(
        id: String, companyCode: String, address: Address, vatID: String?, language: String,
        currency: Currency, paymentTerms: String, invoicingCategory: String, taxClassification: String,
        accountAssignmentGroup: String, electronicAddress: ElectronicAddress? = nil,
        invoiceFormats: [EInvoiceFormat] = [], invoiceListCalendar: InvoiceListCalendar? = nil
    ) {
        self.invoiceListCalendar = invoiceListCalendar
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
        self.electronicAddress = electronicAddress
        self.invoiceFormats = invoiceFormats
    }

    /// The payer's name, from its address.
    public var name: String { address.name }
}

extension ContractAccount {
    /// Decodes an account; one stored before e-invoice formats existed has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            companyCode: try container.decode(String.self, forKey: .companyCode),
            address: try container.decode(Address.self, forKey: .address),
            vatID: try container.decodeIfPresent(String.self, forKey: .vatID),
            language: try container.decode(String.self, forKey: .language),
            currency: try container.decode(Currency.self, forKey: .currency),
            paymentTerms: try container.decode(String.self, forKey: .paymentTerms),
            invoicingCategory: try container.decode(String.self, forKey: .invoicingCategory),
            taxClassification: try container.decode(String.self, forKey: .taxClassification),
            accountAssignmentGroup: try container.decode(String.self, forKey: .accountAssignmentGroup),
            electronicAddress: try container.decodeIfPresent(ElectronicAddress.self, forKey: .electronicAddress),
            invoiceFormats: try container.decodeIfPresent([EInvoiceFormat].self, forKey: .invoiceFormats) ?? [],
            invoiceListCalendar: try container.decodeIfPresent(InvoiceListCalendar.self, forKey: .invoiceListCalendar))
    }
}
