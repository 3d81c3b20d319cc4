/// Everything the engine looks up while invoicing, indexed for the lookups it makes.
public struct MasterData: Sendable {
    public private(set) var companyCodes: [String: CompanyCode] = [:]
    public private(set) var paymentTerms: [String: PaymentTerms] = [:]
    public private(set) var accounts: [String: ContractAccount] = [:]
    public private(set) var materials: [String: Material] = [:]
    public private(set) var taxCodes: [String: TaxCode] = [:]
    public private(set) var taxDetermination: [TaxDeterminationKey: String] = [:]
    public private(set) var accountDetermination: [AccountDeterminationRule] = []
    /// Conditions by material; account-wide conditions (no material) under the empty key.
    public private(set) var priceConditions: [String: [PriceCondition]] = [:]

    public init() {}

    public mutating func add(_ value: CompanyCode) { companyCodes[value.id] = value }
    public mutating func add(_ value: PaymentTerms) { paymentTerms[value.id] = value }
    public mutating func add(_ value: ContractAccount) { accounts[value.id] = value }
    public mutating func add(_ value: Material) { materials[value.id] = value }
    public mutating func add(_ value: TaxCode) { taxCodes[value.id] = value }

    public mutating func add(_ value: TaxDeterminationRule) {
        let key = TaxDeterminationKey(
            country: value.country, account: value.accountTaxClassification, material: value.materialTaxClassification)
        taxDetermination[key] = value.taxCode
    }

    public mutating func add(_ value: AccountDeterminationRule) {
        accountDetermination.removeAll {
            $0.chartOfAccounts == value.chartOfAccounts && $0.salesOrganisation == value.salesOrganisation
                && $0.accountGroup == value.accountGroup && $0.materialGroup == value.materialGroup
                && $0.accountKey == value.accountKey
        }
        accountDetermination.append(value)
    }

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
    public var country: String
    public var account: String
    public var material: String
}
