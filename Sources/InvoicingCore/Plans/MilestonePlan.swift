/// A milestone billing plan: a project total billed in parts, each released when its milestone
/// is reached (reported by an imported milestone confirmation).
public struct MilestonePlan: Sendable, Codable, Hashable, Identifiable {
    /// One milestone: its share of the total, as a percentage or as an amount.
    public struct Milestone: Sendable, Codable, Hashable {
        /// The milestone's number within its plan; the highest is the last.
        public var number: Int
        /// What the milestone is, for the invoice line.
        public var description: String?
        /// The share of the total in percent, or nil when `amount` is given.
        public var percent: FixedDecimal?
        /// The share of the total as an amount, or nil when `percent` is given.
        public var amount: Money?

        /// Creates a milestone with a percentage or an amount.
        public init(number: Int, description: String? = nil, percent: FixedDecimal? = nil, amount: Money? = nil) {
            self.number = number
            self.description = description
            self.percent = percent
            self.amount = amount
        }
    }

    /// The key of the plan, unique across milestone plans; it names the plan's source documents.
    public var id: String
    /// The company code that sells and invoices.
    public var companyCode: String
    /// The contract account that pays.
    public var account: String
    /// The currency of the total.
    public var currency: Currency
    /// The material or service billed at each milestone.
    public var material: String
    /// The project, for the invoice line.
    public var description: String?
    /// The total of the plan, which its milestones add up to exactly.
    public var total: Money
    /// The milestones by number, ascending.
    public var milestones: [Milestone]

    /// Creates a plan; `milestones` are sorted by number.
    public init(
        id: String, companyCode: String, account: String, currency: Currency, material: String,
        description: String? = nil, total: Money, milestones: [Milestone]
    ) {
        self.id = id
        self.companyCode = companyCode
        self.account = account
        self.currency = currency
        self.material = material
        self.description = description
        self.total = total
        self.milestones = milestones.sorted { $0.number < $1.number }
    }

    /// The amount of each milestone, by number: a percentage share is `total × percent ÷ 100`
    /// rounded once to minor units by `rounding`, an amount share is that amount, and the last
    /// milestone takes what remains of the total, so the plan always sums to it exactly.
    public func amounts(rounding: RoundingRule) throws(InstallmentError) -> [Int: Money] {
        var result: [Int: Money] = [:]
        var allocated: Int64 = 0
        for (index, milestone) in milestones.enumerated() where index < milestones.count - 1 {
            let minor: Int64
            if let amount = milestone.amount {
                minor = amount.minorUnits
            } else if let percent = milestone.percent, let power = Powers.tenInt64(percent.scale) {
                let numerator = Int128(total.minorUnits) * Int128(percent.significand)
                guard let value = Int64(exactly: rounding.divide(numerator, by: Int128(100) * Int128(power))) else {
                    throw InstallmentError("milestone \(milestone.number) of plan \(id) overflows")
                }
                minor = value
            } else {
                throw InstallmentError("milestone \(milestone.number) of plan \(id) has no share")
            }
            guard case (let sum, false) = allocated.addingReportingOverflow(minor) else {
                throw InstallmentError("milestones of plan \(id) overflow")
            }
            allocated = sum
            result[milestone.number] = Money(minorUnits: minor, currency: currency)
        }
        guard let last = milestones.last else { return result }
        let (rest, overflow) = total.minorUnits.subtractingReportingOverflow(allocated)
        guard !overflow, rest.signum() * total.minorUnits.signum() >= 0 else {
            throw InstallmentError("the milestones before the last of plan \(id) exceed its total \(total)")
        }
        result[last.number] = Money(minorUnits: rest, currency: currency)
        return result
    }

    /// The id of the `CYCLE` source document that bills milestone `number`.
    public func documentID(milestone number: Int) -> String {
        "\(id)-M\(number)"
    }

    /// The `CYCLE` source document that bills `milestone` at `amount`, due on `reachedOn`: one item,
    /// quantity 1, the amount as its price, the plan's and the milestone's descriptions as its text.
    public func sourceDocument(milestone: Milestone, amount: Money, reachedOn: CalendarDate) -> SourceDocument {
        let parts = [description, "milestone \(milestone.number)", milestone.description].compactMap { $0 }
        let item = SourceItem(
            number: 10, material: material, description: parts.joined(separator: " "), quantity: .one,
            unitPrice: amount.decimal)
        return SourceDocument(
            id: documentID(milestone: milestone.number), category: .billingPlanCycle, type: Self.documentType,
            companyCode: companyCode, account: account, currency: currency, documentDate: reachedOn,
            billingDate: reachedOn, referenceOrder: id, items: [item])
    }

    /// The source document type of the `CYCLE` documents a milestone plan creates.
    public static let documentType = "MILESTONE"
}

/// The report that a milestone of a milestone plan was reached, which releases it for billing.
public struct MilestoneConfirmation: Sendable, Codable, Hashable {
    /// The milestone plan.
    public var plan: String
    /// The milestone's number in the plan.
    public var milestone: Int
    /// The day the milestone was reached: the milestone is billed from then on.
    public var reachedOn: CalendarDate

    /// Creates a confirmation.
    public init(plan: String, milestone: Int, reachedOn: CalendarDate) {
        self.plan = plan
        self.milestone = milestone
        self.reachedOn = reachedOn
    }
}
