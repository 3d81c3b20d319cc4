/// Master data records to save together.
public struct MasterDataBatch: Sendable {
    public var companyCodes: [CompanyCode] = []
    public var paymentTerms: [PaymentTerms] = []
    public var accounts: [ContractAccount] = []
    public var materials: [Material] = []
    public var taxCodes: [TaxCode] = []
    public var taxDetermination: [TaxDeterminationRule] = []
    public var accountDetermination: [AccountDeterminationRule] = []
    public var priceConditions: [PriceCondition] = []

    public init() {}

    public var count: Int {
        companyCodes.count + paymentTerms.count + accounts.count + materials.count + taxCodes.count
            + taxDetermination.count + accountDetermination.count + priceConditions.count
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
