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
    /// The account determination rows; where several match, the most specific one wins.
    public private(set) var accountDetermination: [AccountDeterminationRule] = []
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
                && $0.accountGroup == value.accountGroup && $0.materialGroup == value.materialGroup
                && $0.accountKey == value.accountKey
        }
        accountDetermination.append(value)
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

    /// The G/L account for a key; the most specific matching row wins.
    public func glAccount(
        chartOfAccounts: String, salesOrganisation: String, accountGroup: String, materialGroup: String,
        key: AccountKey
    ) -> String? {
        accountDetermination
            .filter {
                $0.chartOfAccounts == chartOfAccounts && $0.salesOrganisation == salesOrganisation
                    && $0.accountKey == key
                    && ($0.accountGroup == AccountDeterminationRule.wildcard || $0.accountGroup == accountGroup)
                    && ($0.materialGroup == AccountDeterminationRule.wildcard || $0.materialGroup == materialGroup)
            }
            .max { $0.specificity < $1.specificity }?
            .glAccount
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
