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
}

/// One row of account determination: which G/L account a line posts to.
///
/// The account assignment groups may be `*`, matching any group; the most specific row wins.
public struct AccountDeterminationRule: Sendable, Codable, Hashable {
    /// The account assignment group value that matches any group.
    public static let wildcard = "*"

    /// The chart of accounts the row applies to.
    public var chartOfAccounts: String
    /// The sales organisation the row applies to.
    public var salesOrganisation: String
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
        chartOfAccounts: String, salesOrganisation: String, accountGroup: String, materialGroup: String,
        accountKey: AccountKey, glAccount: String
    ) {
        self.chartOfAccounts = chartOfAccounts
        self.salesOrganisation = salesOrganisation
        self.accountGroup = accountGroup
        self.materialGroup = materialGroup
        self.accountKey = accountKey
        self.glAccount = glAccount
    }

    /// How many of the two groups are given exactly (2 beats 1 beats 0).
    var specificity: Int {
        (accountGroup == Self.wildcard ? 0 : 2) + (materialGroup == Self.wildcard ? 0 : 1)
    }
}
