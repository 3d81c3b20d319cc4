internal import InvoicingCore

/// Collects billing plan rows: one row per price step, rows with the same plan id adding steps to
/// one plan.
struct BillingPlanCollector {
    private var plans: [String: BillingPlan] = [:]
    private var order: [String] = []

    /// The plans collected, in the order their first rows came.
    var plansInOrder: [BillingPlan] { order.compactMap { plans[$0] } }

    /// Decodes one row: a plan with one price step, valid from `valid_from` (default `start_date`).
    mutating func add(_ record: FieldRecord) throws(ImportDiagnostic) {
        let id = try record.string("plan_id")
        let currency = try record.currency("currency")
        let startDate = try record.date("start_date")
        let endDate = try record.optionalDate("end_date")
        if let endDate, endDate < startDate {
            throw record.problem("end_date", "end_date \(endDate) is before start_date \(startDate)")
        }
        let value = try record.decimal("price", maxScale: currency.minorUnits)
        guard !value.isNegative else { throw record.problem("price", "a plan's price cannot be negative") }
        let price: Money
        do {
            price = try Money(value, currency: currency, rounding: .down)  // exact: scale ≤ minor units
        } catch {
            throw record.problem("price", "price \(value) is too large")
        }
        let step = BillingPlan.PriceStep(validFrom: try record.optionalDate("valid_from") ?? startDate, price: price)
        let plan = BillingPlan(
            id: id, companyCode: try record.string("company_code"), account: try record.string("account"),
            currency: currency, material: try record.string("material"),
            description: record.optionalString("description"),
            period: try record.choice("period", BillingPlan.Period.self),
            timing: try record.choice("timing", BillingPlan.Timing.self), startDate: startDate, endDate: endDate,
            prices: [step])
        guard var existing = plans[id] else {
            plans[id] = plan
            order.append(id)
            return
        }
        var comparable = existing
        comparable.prices = plan.prices
        guard comparable == plan else {
            throw record.problem("plan_id", "rows of plan \(id) differ in more than valid_from and price")
        }
        guard !existing.prices.contains(where: { $0.validFrom == step.validFrom }) else {
            throw record.problem("valid_from", "plan \(id) has two prices from \(step.validFrom)")
        }
        existing.prices = (existing.prices + [step]).sorted { $0.validFrom < $1.validFrom }
        plans[id] = existing
    }
}
