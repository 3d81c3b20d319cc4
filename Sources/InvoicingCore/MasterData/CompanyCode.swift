/// The legal entity that issues invoices: its currency, address, VAT ID, bank and ledgers.
public struct CompanyCode: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var address: Address
    public var currency: Currency
    public var vatID: String
    public var bankAccount: BankAccount
    /// Chart of accounts used in account determination.
    public var chartOfAccounts: String
    /// Sales organisation used in account determination.
    public var salesOrganisation: String

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

    public var country: String { address.country }
}

/// A bank account that payers pay into.
public struct BankAccount: Sendable, Codable, Hashable {
    public var iban: String
    public var bic: String
    public var bankName: String

    public init(iban: String, bic: String, bankName: String) {
        self.iban = iban
        self.bic = bic
        self.bankName = bankName
    }
}
