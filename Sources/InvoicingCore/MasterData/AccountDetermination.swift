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
}

/// One row of account determination: which G/L account a line posts to.
///
/// The account assignment groups may be `*`, matching any group; the most specific row wins.
public struct AccountDeterminationRule: Sendable, Codable, Hashable {
    public static let wildcard = "*"

    public var chartOfAccounts: String
    public var salesOrganisation: String
    public var accountGroup: String
    public var materialGroup: String
    public var accountKey: AccountKey
    public var glAccount: String

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
