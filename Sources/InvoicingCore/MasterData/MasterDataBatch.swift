/// Master data records to save together.
public struct MasterDataBatch: Sendable {
    /// Company codes to save.
    public var companyCodes: [CompanyCode] = []
    /// Payment terms to save.
    public var paymentTerms: [PaymentTerms] = []
    /// Contract accounts to save.
    public var accounts: [ContractAccount] = []
    /// Materials to save.
    public var materials: [Material] = []
    /// Tax codes to save.
    public var taxCodes: [TaxCode] = []
    /// Tax determination rules to save.
    public var taxDetermination: [TaxDeterminationRule] = []
    /// Account determination rows to save.
    public var accountDetermination: [AccountDeterminationRule] = []
    /// Price conditions to save, each with its scale.
    public var priceConditions: [PriceCondition] = []
    /// Periodic billing plans to save, each with its price steps.
    public var billingPlans: [BillingPlan] = []
    /// Milestone billing plans to save, each with its milestones.
    public var milestonePlans: [MilestonePlan] = []
    /// Milestone confirmations to save: milestones reached, released for billing.
    public var milestoneConfirmations: [MilestoneConfirmation] = []
    /// Rebate agreements to save, each with its conditions and scales.
    public var rebateAgreements: [RebateAgreement] = []

    /// Creates an empty batch.
    public init() {}

    /// The number of records in the batch, of all kinds.
    public var count: Int {
        companyCodes.count + paymentTerms.count + accounts.count + materials.count + taxCodes.count
            + taxDetermination.count + accountDetermination.count + priceConditions.count + billingPlans.count
            + milestonePlans.count + milestoneConfirmations.count + rebateAgreements.count
    }
}

extension MasterData {
    /// Adds every record of `batch`.
    public mutating func add(_ batch: MasterDataBatch) {
        batch.companyCodes.forEach { add($0) }
        batch.paymentTerms.forEach { add($0) }
        batch.accounts.forEach { add($0) }
        batch.materials.forEach { add($0) }
        batch.taxCodes.forEach { add($0) }
        batch.taxDetermination.forEach { add($0) }
        batch.accountDetermination.forEach { add($0) }
        batch.priceConditions.forEach { add($0) }
    }
}
