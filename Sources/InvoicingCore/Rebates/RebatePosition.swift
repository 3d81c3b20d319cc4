/// Where a rebate agreement stands: its basis so far, what was accrued, what was settled.
public struct RebatePosition: Sendable, Hashable {
    /// The agreement.
    public var agreement: RebateAgreement
    /// The basis per condition number: every document of the period covered so far (or up to
    /// the date the position was taken at).
    public var basis: [Int: RebateBasis]
    /// The numbers of the documents in the basis, in date order.
    public var documents: [String]
    /// The accruals posted, net of the accruals cancelled with their invoices.
    public var accrued: Money
    /// The settlements made, oldest first.
    public var settlements: [RebateSettlement]

    /// Creates a position from its fields.
    public init(
        agreement: RebateAgreement, basis: [Int: RebateBasis], documents: [String], accrued: Money,
        settlements: [RebateSettlement]
    ) {
        self.agreement = agreement
        self.basis = basis
        self.documents = documents
        self.accrued = accrued
        self.settlements = settlements
    }

    /// An agreement with nothing invoiced, accrued or settled yet.
    public static func empty(_ agreement: RebateAgreement) -> RebatePosition {
        RebatePosition(
            agreement: agreement, basis: [:], documents: [], accrued: .zero(agreement.currency), settlements: [])
    }

    /// Whether the agreement was settled finally: it accrues and settles nothing more.
    public var isFinal: Bool { settlements.contains { $0.kind == .final } }

    /// The rebate amounts settled (partial and final settlements, net).
    public var settled: Money {
        Money(minorUnits: settlements.reduce(0) { $0 + $1.amount.minorUnits }, currency: agreement.currency)
    }

    /// The accruals the settlements used up (reversed).
    public var accrualReversed: Money {
        Money(minorUnits: settlements.reduce(0) { $0 + $1.accrualReversed.minorUnits }, currency: agreement.currency)
    }

    /// The accrued liability still open: accrued minus what settlements reversed.
    public var openAccrual: Money {
        Money(minorUnits: accrued.minorUnits - accrualReversed.minorUnits, currency: agreement.currency)
    }

    /// The rebate on the basis, each condition at the level its basis reaches.
    public func rebate(rounding: RoundingRule) throws(ArithmeticError) -> Money {
        try agreement.rebate(on: basis, rounding: rounding)
    }
}
