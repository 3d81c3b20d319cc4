/// The account determination rows indexed for the lookup every posting line makes.
///
/// A request only ever matches rows of its own chart of accounts, sales organisation and account
/// key, so the rows are grouped by those three fields once, as they are added; within a group they
/// stand in the order of the access sequence, so the first row whose keyed fields equal the
/// request's is the row of the first access that has one. No access holds two rows with the same
/// key fields (`MasterData.add(_:)` replaces them), so the order of the rows within one access
/// never decides anything.
struct AccountDeterminationIndex: Sendable {
    /// The three fields that every access matches exactly.
    struct Scope: Hashable, Sendable {
        var chartOfAccounts: String
        var salesOrganisation: String
        var key: AccountKey
    }

    /// One row of a scope: the fields an access may key on, and what the row answers.
    struct Entry: Sendable {
        /// The row's position in ``AccountDeterminationAccess/sequence``.
        var accessIndex: Int
        var access: AccountDeterminationAccess
        var companyCode: String
        var accountGroup: String
        var materialGroup: String
        var glAccount: String

        /// Whether the row's keyed fields equal the request's (the scope is already equal).
        ///
        /// A request whose field is itself `*` matches no keyed row by that field, as in
        /// ``AccountDeterminationRequest/matches(_:in:)``: a keyed row never holds `*` there.
        func matches(_ request: AccountDeterminationRequest) -> Bool {
            (!access.companyCode || companyCode == request.companyCode)
                && (!access.accountGroup || accountGroup == request.accountGroup)
                && (!access.materialGroup || materialGroup == request.materialGroup)
        }
    }

    private var scopes: [Scope: [Entry]] = [:]

    /// Adds `rule`, replacing the row with the same key fields.
    mutating func add(_ rule: AccountDeterminationRule) {
        let access = rule.access
        // swift-format-ignore: NeverForceUnwrap
        let accessIndex = AccountDeterminationAccess.sequence.firstIndex(of: access)!  // the sequence has all eight
        let entry = Entry(
            accessIndex: accessIndex, access: access, companyCode: rule.companyCode, accountGroup: rule.accountGroup,
            materialGroup: rule.materialGroup, glAccount: rule.glAccount)
        let scope = Scope(
            chartOfAccounts: rule.chartOfAccounts, salesOrganisation: rule.salesOrganisation, key: rule.accountKey)
        var entries = scopes[scope, default: []]
        entries.removeAll {
            $0.companyCode == entry.companyCode && $0.accountGroup == entry.accountGroup
                && $0.materialGroup == entry.materialGroup
        }
        let position = entries.firstIndex { $0.accessIndex > accessIndex } ?? entries.endIndex
        entries.insert(entry, at: position)
        scopes[scope] = entries
    }

    /// The row of the first access of the sequence that has one for `request`'s key fields.
    func match(_ request: AccountDeterminationRequest) -> AccountDeterminationMatch? {
        let scope = Scope(
            chartOfAccounts: request.chartOfAccounts, salesOrganisation: request.salesOrganisation, key: request.key)
        guard let entries = scopes[scope] else { return nil }
        for index in entries.indices where entries[index].matches(request) {
            return AccountDeterminationMatch(glAccount: entries[index].glAccount, access: entries[index].access)
        }
        return nil
    }
}
