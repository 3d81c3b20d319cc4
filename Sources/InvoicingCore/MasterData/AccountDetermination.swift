/// Keys that say what a posting line is, for account determination.
public enum AccountKey: String, Sendable, Codable, Hashable, CaseIterable {
    /// Revenue.
    case revenue = "ERL"
    /// Sales deductions (discounts).
    case deductions = "ERS"
    /// Surcharges and freight.
    case surcharges = "ERF"
    /// Receivables (the customer reconciliation account).
    case receivable = "REC"
    /// Rebate sales deductions: the expense of accruing and settling rebates.
    case rebateExpense = "ERB"
    /// Accrued rebates: the liability built up by accruals until a settlement uses it.
    case rebateAccrual = "ERU"
    /// Intercompany expense: what the selling company code pays the delivering one, net.
    case intercompanyExpense = "ICE"
    /// Intercompany payable: the selling company code's liability to the delivering one.
    case intercompanyPayable = "ICP"
    /// Input tax on an intercompany invoice, at the selling company code.
    case inputTax = "VST"

    /// What the key posts, for line texts and messages.
    public var name: String {
        switch self {
        case .revenue: return "revenue"
        case .deductions: return "sales deductions"
        case .surcharges: return "surcharges"
        case .receivable: return "receivables"
        case .intercompanyExpense: return "intercompany expense"
        case .intercompanyPayable: return "intercompany payable"
        case .inputTax: return "input tax"
        case .rebateExpense: return "rebate expense"
        case .rebateAccrual: return "accrued rebates"
        }
    }
}

/// One row of account determination: which G/L account a line posts to.
///
/// The company code and the account assignment groups may be `*`, matching any; which row wins
/// is decided by the ``AccountDeterminationAccess`` sequence, most specific access first.
public struct AccountDeterminationRule: Sendable, Codable, Hashable {
    /// The value that matches any company code or account assignment group.
    public static let wildcard = "*"

    /// The chart of accounts the row applies to.
    public var chartOfAccounts: String
    /// The sales organisation the row applies to.
    public var salesOrganisation: String
    /// The company code the row applies to, or `*` for every company code of the chart.
    public var companyCode: String
    /// The customer account assignment group the row applies to, or `*` for any.
    public var accountGroup: String
    /// The material account assignment group the row applies to, or `*` for any.
    public var materialGroup: String
    /// The account key of the posting lines the row applies to.
    public var accountKey: AccountKey
    /// The G/L account those lines post to.
    public var glAccount: String

    /// Creates an account determination row from its fields.
    public init(
        chartOfAccounts: String, salesOrganisation: String, companyCode: String = Self.wildcard, accountGroup: String,
        materialGroup: String, accountKey: AccountKey, glAccount: String
    ) {
        self.chartOfAccounts = chartOfAccounts
        self.salesOrganisation = salesOrganisation
        self.companyCode = companyCode
        self.accountGroup = accountGroup
        self.materialGroup = materialGroup
        self.accountKey = accountKey
        self.glAccount = glAccount
    }

    /// The access (condition table) this row belongs to: the fields it gives exactly.
    var access: AccountDeterminationAccess {
        AccountDeterminationAccess(
            companyCode: companyCode != Self.wildcard, accountGroup: accountGroup != Self.wildcard,
            materialGroup: materialGroup != Self.wildcard)
    }
}

/// One access of the account determination access sequence: the key fields a condition table
/// gives exactly, besides chart of accounts, sales organisation and account key (always exact).
public struct AccountDeterminationAccess: Sendable, Hashable, CustomStringConvertible {
    /// The table is keyed by company code.
    public var companyCode: Bool
    /// The table is keyed by the customer's account assignment group.
    public var accountGroup: Bool
    /// The table is keyed by the material's account assignment group.
    public var materialGroup: Bool

    /// The access sequence, most specific first; the first access with a matching row wins.
    ///
    /// A company code's own rows come before the rows of its chart of accounts; within each, the
    /// customer group weighs more than the material group:
    /// 1. company code + account group + material group, 2. company code + account group,
    /// 3. company code + material group, 4. company code, 5. account group + material group,
    /// 6. account group, 7. material group, 8. the account key alone.
    public static let sequence: [AccountDeterminationAccess] = [true, false].flatMap { company in
        [(true, true), (true, false), (false, true), (false, false)].map {
            AccountDeterminationAccess(companyCode: company, accountGroup: $0.0, materialGroup: $0.1)
        }
    }

    /// The access's key fields, e.g. `company code + account group + account key`.
    public var description: String {
        let fields =
            (companyCode ? ["company code"] : []) + (accountGroup ? ["account group"] : [])
            + (materialGroup ? ["material group"] : [])
        return (fields + ["account key"]).joined(separator: " + ")
    }
}

/// What account determination looks for: the posting line's key and its characteristics.
public struct AccountDeterminationRequest: Sendable, Hashable, CustomStringConvertible {
    /// The company code that posts.
    public var companyCode: String
    /// The company code's chart of accounts.
    public var chartOfAccounts: String
    /// The company code's sales organisation.
    public var salesOrganisation: String
    /// The customer's account assignment group.
    public var accountGroup: String
    /// The material's account assignment group; empty for lines without a material.
    public var materialGroup: String
    /// The account key of the posting line.
    public var key: AccountKey

    /// Creates a request from its fields.
    public init(
        companyCode: String, chartOfAccounts: String, salesOrganisation: String, accountGroup: String,
        materialGroup: String, key: AccountKey
    ) {
        self.companyCode = companyCode
        self.chartOfAccounts = chartOfAccounts
        self.salesOrganisation = salesOrganisation
        self.accountGroup = accountGroup
        self.materialGroup = materialGroup
        self.key = key
    }

    /// A request for a line of `company`'s ledger.
    public init(company: CompanyCode, accountGroup: String, materialGroup: String, key: AccountKey) {
        self.init(
            companyCode: company.id, chartOfAccounts: company.chartOfAccounts,
            salesOrganisation: company.salesOrganisation, accountGroup: accountGroup, materialGroup: materialGroup,
            key: key)
    }

    /// The request's key fields, as a message names them.
    public var description: String {
        "account key \(key.rawValue) (\(key.name)), company code \(companyCode), chart of accounts \(chartOfAccounts), "
            + "sales organisation \(salesOrganisation), account group \(accountGroup.isEmpty ? "-" : accountGroup), "
            + "material group \(materialGroup.isEmpty ? "-" : materialGroup)"
    }

    /// Whether `rule` is a row of `access` whose key fields equal the request's.
    func matches(_ rule: AccountDeterminationRule, in access: AccountDeterminationAccess) -> Bool {
        rule.accountKey == key && rule.chartOfAccounts == chartOfAccounts
            && rule.salesOrganisation == salesOrganisation && rule.access == access
            && (!access.companyCode || rule.companyCode == companyCode)
            && (!access.accountGroup || rule.accountGroup == accountGroup)
            && (!access.materialGroup || rule.materialGroup == materialGroup)
    }
}

/// The row account determination found, and the access that found it.
public struct AccountDeterminationMatch: Sendable, Hashable {
    /// The G/L account the line posts to.
    public var glAccount: String
    /// The access of the access sequence whose table held the row.
    public var access: AccountDeterminationAccess
}
