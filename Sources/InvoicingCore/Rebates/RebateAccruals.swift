/// Posts rebate accruals with each invoice of an agreement's period, keeping each agreement's
/// position as a run goes.
///
/// The accrual of an invoice is the rebate on the basis including it (at the scale level that
/// basis reaches) minus what was accrued before. So the accruals always add up to the rebate on
/// the basis so far: crossing a scale level mid-period accrues the higher rate on everything
/// invoiced before in the invoice that crosses it, and a retroactive agreement (one made after
/// invoices of its period) catches up with its first invoice.
public struct RebateAccruals: Sendable {
    /// The positions by agreement id, as they stand after the invoices accrued so far.
    public private(set) var positions: [String: RebatePosition]
    private let order: [String]
    private let masterData: MasterData
    private let rounding: RoundingRule

    /// Starts from the stored positions.
    public init(positions: [RebatePosition], masterData: MasterData, rounding: RoundingRule) {
        self.positions = Dictionary(positions.map { ($0.agreement.id, $0) }, uniquingKeysWith: { _, last in last })
        self.order = positions.map(\.agreement.id).sorted()
        self.masterData = masterData
        self.rounding = rounding
    }

    /// Whether there is any agreement to accrue for.
    public var isEmpty: Bool { positions.isEmpty }

    /// Adds to `draft`'s FI document, for every agreement that covers its invoice and is not
    /// settled finally, an accrual: rebate expense (`ERB`, debit) against accrued rebates (`ERU`,
    /// credit), the sides swapped when the accrual goes down (a credit memo, a level no longer
    /// reached); nothing when it does not change.
    public mutating func accrue(_ draft: inout InvoiceDraft) throws(UnitFailure) {
        let invoice = draft.invoice
        for id in order {
            // swift-format-ignore: NeverForceUnwrap
            var position = positions[id]!
            let agreement = position.agreement
            guard !position.isFinal, agreement.covers(invoice) else { continue }
            let accrual: Money
            do {
                position.basis = try position.basis.adding(
                    try agreement.basis(of: invoice, materials: masterData.materials))
                accrual = try position.rebate(rounding: rounding).subtracting(position.accrued)
                position.accrued = try position.accrued.adding(accrual)
            } catch {
                throw UnitFailure(.arithmeticOverflow, "rebate agreement \(id): \(error)")
            }
            positions[id] = position
            guard !accrual.isZero else { continue }
            try Self.addAccrual(
                accrual, to: &draft.posting, agreement: id, company: invoice.seller, recipient: invoice.buyer,
                masterData)
        }
    }

    /// An FI document of its own for every agreement not settled finally (of the recipients in
    /// `accounts`, when given) whose accruals differ from the rebate on its basis: a retroactive
    /// agreement's catch-up for the invoices made before it, or what a cancellation left. Posted
    /// on `date`, reference the agreement id, unnumbered; the positions are updated.
    public mutating func catchUps(on date: CalendarDate, accounts: Set<String>? = nil) throws(UnitFailure)
        -> [(posting: FIDocument, company: CompanyCode)]
    {
        var documents: [(posting: FIDocument, company: CompanyCode)] = []
        for id in order {
            // swift-format-ignore: NeverForceUnwrap
            var position = positions[id]!
            let agreement = position.agreement
            guard !position.isFinal, accounts?.contains(agreement.recipient) ?? true else { continue }
            let accrual: Money
            do {
                accrual = try position.rebate(rounding: rounding).subtracting(position.accrued)
                position.accrued = try position.accrued.adding(accrual)
            } catch {
                throw UnitFailure(.arithmeticOverflow, "rebate agreement \(id): \(error)")
            }
            guard !accrual.isZero else { continue }
            guard let company = masterData.companyCodes[agreement.companyCode] else {
                throw UnitFailure(
                    .unknownCompanyCode, "rebate agreement \(id): unknown company code \(agreement.companyCode)")
            }
            guard let recipient = masterData.accounts[agreement.recipient] else {
                throw UnitFailure(.unknownAccount, "rebate agreement \(id): unknown recipient \(agreement.recipient)")
            }
            var document = FIDocument(
                number: "", companyCode: company.id, postingDate: date, documentDate: date, reference: id,
                currency: agreement.currency, held: false, lines: [])
            try Self.addAccrual(
                accrual, to: &document, agreement: id, company: company, recipient: recipient, masterData)
            positions[id] = position
            documents.append((document, company))
        }
        return documents
    }

    /// Appends the two lines of an accrual (or of its reversal, when negative) to `document`.
    static func addAccrual(
        _ accrual: Money, to document: inout FIDocument, agreement id: String, company: CompanyCode,
        recipient: ContractAccount, _ masterData: MasterData
    ) throws(UnitFailure) {
        let expense = try glAccount(.rebateExpense, company, recipient, masterData, agreement: id)
        let liability = try glAccount(.rebateAccrual, company, recipient, masterData, agreement: id)
        let debit: FILine.Side = accrual.isNegative ? .credit : .debit
        let count = document.lines.count
        document.lines += [
            FILine(
                number: count + 1, glAccount: expense, side: debit, amount: accrual.magnitude,
                accountKey: .rebateExpense, taxCode: nil, contractAccount: nil, text: "Rebate accrual \(id)",
                rebateAgreement: id),
            FILine(
                number: count + 2, glAccount: liability, side: debit.opposite, amount: accrual.magnitude,
                accountKey: .rebateAccrual, taxCode: nil, contractAccount: nil, text: "Accrued rebate \(id)",
                rebateAgreement: id),
        ]
    }

    /// The G/L account of a rebate posting: account determination with any material group.
    static func glAccount(
        _ key: AccountKey, _ company: CompanyCode, _ account: ContractAccount, _ masterData: MasterData,
        agreement: String
    ) throws(UnitFailure) -> String {
        guard
            let gl = masterData.accountDetermination(
                AccountDeterminationRequest(
                    companyCode: company.id, chartOfAccounts: company.chartOfAccounts,
                    salesOrganisation: company.salesOrganisation, accountGroup: account.accountAssignmentGroup,
                    materialGroup: "", key: key))?.glAccount
        else {
            throw UnitFailure(
                .missingAccountDetermination,
                "no G/L account for key \(key.rawValue) (chart \(company.chartOfAccounts), sales org \(company.salesOrganisation), account group \(account.accountAssignmentGroup)) to post rebate agreement \(agreement)"
            )
        }
        return gl
    }
}
