/// The legal entity that issues invoices: its currency, address, VAT ID, bank and ledgers.
public struct CompanyCode: Sendable, Codable, Hashable, Identifiable {
    /// The company code's key, e.g. `1000`.
    public var id: String
    /// The postal address printed as the seller's.
    public var address: Address
    /// The currency the company code keeps its books in.
    public var currency: Currency
    /// The VAT identification number printed on its invoices.
    public var vatID: String
    /// The bank account payers are asked to pay into.
    public var bankAccount: BankAccount
    /// Chart of accounts used in account determination.
    public var chartOfAccounts: String
    /// Sales organisation used in account determination.
    public var salesOrganisation: String

    /// Creates a company code from its fields.
    public init(
        id: String, address: Address, currency: Currency, vatID: String, bankAccount: BankAccount,
        chartOfAccounts: String, salesOrganisation: String
    ) {
        self.id = id
        self.address = address
        self.currency = currency
        self.vatID = vatID
        self.bankAccount = bankAccount
        self.chartOfAccounts = chartOfAccounts
        self.salesOrganisation = salesOrganisation
    }

    /// The country of the company code's address, which decides the tax codes that apply.
    public var country: String { address.country }
}

/// A bank account that payers pay into.
public struct BankAccount: Sendable, Codable, Hashable {
    /// The International Bank Account Number.
    public var iban: String
    /// The Bank Identifier Code (SWIFT code) of the bank.
    public var bic: String
    /// The name of the bank, as printed.
    public var bankName: String

    /// Creates a bank account from its fields.
    public init(iban: String, bic: String, bankName: String) {
        self.iban = iban
        self.bic = bic
        self.bankName = bankName
    }
}
