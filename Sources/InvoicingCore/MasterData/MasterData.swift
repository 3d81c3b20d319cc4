/// Everything the engine looks up while invoicing, indexed for the lookups it makes.
public struct MasterData: Sendable {
    /// Company codes by id.
    public private(set) var companyCodes: [String: CompanyCode] = [:]
    /// Payment terms by id.
    public private(set) var paymentTerms: [String: PaymentTerms] = [:]
    /// Contract accounts by id.
    public private(set) var accounts: [String: ContractAccount] = [:]
    /// Materials by id.
    public private(set) var materials: [String: Material] = [:]
    /// Tax codes by id.
    public private(set) var taxCodes: [String: TaxCode] = [:]
    /// The tax code id for each country, customer tax class and material tax class.
    public private(set) var taxDetermination: [TaxDeterminationKey: String] = [:]
    /// The account determination rows; where several match, the access sequence decides.
    public private(set) var accountDetermination: [AccountDeterminationRule] = []
    /// The same rows grouped for lookups, kept in step with ``accountDetermination`` by `add`.
    private var accountDeterminationIndex = AccountDeterminationIndex()
    /// Conditions by material; account-wide conditions (no material) under the empty key.
    public private(set) var priceConditions: [String: [PriceCondition]] = [:]

    /// Creates empty master data.
    public init() {}

    /// Adds a company code, replacing one with the same id.
    public mutating func add(_ value: CompanyCode) { companyCodes[value.id] = value }
    /// Adds payment terms, replacing those with the same id.
    public mutating func add(_ value: PaymentTerms) { paymentTerms[value.id] = value }
    /// Adds a contract account, replacing one with the same id.
    public mutating func add(_ value: ContractAccount) { accounts[value.id] = value }
    /// The same master data with exactly `accounts` as its contract accounts: a run of many
    /// accounts holds only those of the orders it is invoicing.
    public func with(accounts: [ContractAccount]) -> MasterData {
        var copy = self
        copy.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        return copy
    }

    /// Adds a material, replacing one with the same id.
    public mutating func add(_ value: Material) { materials[value.id] = value }
    /// Adds a tax code, replacing one with the same id.
    public mutating func add(_ value: TaxCode) { taxCodes[value.id] = value }

    /// Adds a tax determination rule, replacing the one for the same country and classes.
    public mutating func add(_ value: TaxDeterminationRule) {
        let key = TaxDeterminationKey(
            country: value.country, account: value.accountTaxClassification, material: value.materialTaxClassification)
        taxDetermination[key] = value.taxCode
    }

    /// Adds an account determination row, replacing the one with the same key fields.
    public mutating func add(_ value: AccountDeterminationRule) {
        accountDetermination.removeAll {
            $0.chartOfAccounts == value.chartOfAccounts && $0.salesOrganisation == value.salesOrganisation
                && $0.companyCode == value.companyCode && $0.accountGroup == value.accountGroup
                && $0.materialGroup == value.materialGroup
                && $0.accountKey == value.accountKey
        }
        accountDetermination.append(value)
        accountDeterminationIndex.add(value)
    }

    /// Adds a price condition, replacing one with the same id for the same material.
    public mutating func add(_ value: PriceCondition) {
        let key = value.material ?? ""
        priceConditions[key, default: []].removeAll { $0.id == value.id }
        priceConditions[key, default: []].append(value)
    }

    /// The tax code for a country, customer class and material class.
    public func taxCode(country: String, accountClass: String, materialClass: String) -> String? {
        taxDetermination[TaxDeterminationKey(country: country, account: accountClass, material: materialClass)]
    }

    /// The G/L account for a posting line: the row of the first access of the access sequence
    /// (``AccountDeterminationAccess/sequence``) that has one for the request's key fields.
    public func accountDetermination(_ request: AccountDeterminationRequest) -> AccountDeterminationMatch? {
        // Every posting line asks: the index goes straight to the rows of the request's chart,
        // sales organisation and key, in the sequence's order, instead of scanning every row.
        accountDeterminationIndex.match(request)
    }
}

/// Key of the tax determination table.
public struct TaxDeterminationKey: Sendable, Hashable {
    /// The country whose tax law applies.
    public var country: String
    /// The customer tax classification.
    public var account: String
    /// The material tax classification.
    public var material: String
}
