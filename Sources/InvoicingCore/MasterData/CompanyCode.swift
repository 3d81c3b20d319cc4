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
    /// Whom payers contact about invoices (EN 16931 BG-6), if known.
    public var contact: Contact?
    /// Where the company code receives e-invoices (BT-34); without it, its VAT number if that has an EAS scheme.
    public var electronicAddress: ElectronicAddress?
    /// The seller identifier (BT-29), e.g. a GLN, if the company code has one.
    public var identifier: PartyIdentifier?
    /// The seller's legal registration identifier (BT-30) with its scheme (BT-30-1), e.g. the
    /// commercial register number, if the company code states one.
    public var legalRegistration: PartyIdentifier?

    /// Creates a company code from its fields.
    public init(
        id: String, address: Address, currency: Currency, vatID: String, bankAccount: BankAccount,
        chartOfAccounts: String, salesOrganisation: String, contact: Contact? = nil,
        electronicAddress: ElectronicAddress? = nil, identifier: PartyIdentifier? = nil,
        legalRegistration: PartyIdentifier? = nil
    ) {
        self.id = id
        self.address = address
        self.currency = currency
        self.vatID = vatID
        self.bankAccount = bankAccount
        self.chartOfAccounts = chartOfAccounts
        self.salesOrganisation = salesOrganisation
        self.contact = contact
        self.electronicAddress = electronicAddress
        self.identifier = identifier
        self.legalRegistration = legalRegistration
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

/// A contact point for questions about invoices: a department or person, a telephone number and an email address.
public struct Contact: Sendable, Codable, Hashable {
    /// The department or person (BT-41).
    public var name: String
    /// The telephone number (BT-42).
    public var phone: String
    /// The email address (BT-43).
    public var email: String

    /// Creates a contact point from its fields.
    public init(name: String, phone: String, email: String) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}
