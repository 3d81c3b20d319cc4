internal import InvoicingCore

/// Collects milestone plan rows: one row per milestone, rows with the same plan id adding
/// milestones to one plan; and milestone confirmations.
struct MilestonePlanCollector {
    private var plans: [String: MilestonePlan] = [:]
    private var order: [String] = []
    /// The confirmations read, in file order.
    private(set) var confirmations: [MilestoneConfirmation] = []
    /// Where each confirmation's plan id and milestone stand in the file, in the same order.
    private(set) var confirmationSites: [MilestoneConfirmationSite] = []

    /// The plans collected, in the order their first rows came.
    var plansInOrder: [MilestonePlan] { order.compactMap { plans[$0] } }

    /// Decodes one milestone row: the plan's fields and one milestone with a percent or an amount.
    mutating func add(_ record: FieldRecord) throws(ImportDiagnostic) {
        let id = try record.string("plan_id")
        let currency = try record.currency("currency")
        let total = try money(record, "total", currency)
        guard total.minorUnits > 0 else { throw record.problem("total", "a milestone plan's total must be positive") }
        let number = try record.integer("milestone")
        guard number > 0 else { throw record.problem("milestone", "milestones are numbered from 1") }
        let percent = try record.optionalDecimal("percent", maxScale: 4)
        let amount =
            try record.optionalDecimal("amount", maxScale: currency.minorUnits) == nil
            ? nil : try money(record, "amount", currency)
        guard (percent == nil) != (amount == nil) else {
            throw record.problem("percent", "a milestone has a percent or an amount, one of them")
        }
        if let percent, percent.significand <= 0 || percent > .hundred {
            throw record.problem("percent", "percent \(percent) is not above 0 and at most 100")
        }
        if let amount, amount.minorUnits <= 0 { throw record.problem("amount", "an amount must be positive") }
        let milestone = MilestonePlan.Milestone(
            number: number, description: record.optionalString("milestone_description"), percent: percent,
            amount: amount)
        let plan = MilestonePlan(
            id: id, companyCode: try record.string("company_code"), account: try record.string("account"),
            currency: currency, material: try record.string("material"),
            description: record.optionalString("description"), total: total, milestones: [milestone])
        guard var existing = plans[id] else {
            plans[id] = plan
            order.append(id)
            return
        }
        var comparable = existing
        comparable.milestones = plan.milestones
        guard comparable == plan else {
            throw record.problem("plan_id", "rows of plan \(id) differ in more than their milestone")
        }
        guard !existing.milestones.contains(where: { $0.number == number }) else {
            throw record.problem("milestone", "plan \(id) has two milestones \(number)")
        }
        guard existing.milestones.allSatisfy({ ($0.percent == nil) == (percent == nil) }) else {
            throw record.problem("percent", "the milestones of plan \(id) are all percentages or all amounts")
        }
        existing.milestones = (existing.milestones + [milestone]).sorted { $0.number < $1.number }
        // The shares may not exceed the total; the last milestone takes whatever remains.
        if let percent {
            let sum = existing.milestones.compactMap(\.percent).reduce(FixedDecimal.zero) { (try? $0.adding($1)) ?? $0 }
            guard sum <= .hundred, sum >= percent else {
                throw record.problem("percent", "the milestones of plan \(id) add up to more than 100 percent")
            }
        } else {
            let sum = existing.milestones.compactMap(\.amount?.minorUnits).reduce(0, &+)
            guard sum <= total.minorUnits, sum > 0 else {
                throw record.problem("amount", "the milestones of plan \(id) add up to more than its total \(total)")
            }
        }
        plans[id] = existing
    }

    /// Decodes one confirmation: the plan, the milestone and the day it was reached.
    mutating func addConfirmation(_ record: FieldRecord) throws(ImportDiagnostic) {
        let number = try record.integer("milestone")
        guard number > 0 else { throw record.problem("milestone", "milestones are numbered from 1") }
        confirmations.append(
            MilestoneConfirmation(
                plan: try record.string("plan_id"), milestone: number, reachedOn: try record.date("reached_on")))
        confirmationSites.append(
            MilestoneConfirmationSite(
                plan: record.problem("plan_id", ""), milestone: record.problem("milestone", ""), line: record.line))
    }

    private func money(_ record: FieldRecord, _ field: FieldKey, _ currency: Currency) throws(ImportDiagnostic)
        -> Money
    {
        let value = try record.decimal(field, maxScale: currency.minorUnits)
        do {
            return try Money(value, currency: currency, rounding: .down)  // exact: scale ≤ minor units
        } catch {
            throw record.problem(field, "\(value) is too large")
        }
    }
}
