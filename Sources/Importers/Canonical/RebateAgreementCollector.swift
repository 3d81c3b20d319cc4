internal import InvoicingCore

/// Collects rebate agreement rows: one row per scale level of a condition; rows with the same
/// agreement id add levels and conditions to one agreement.
struct RebateAgreementCollector {
    private var agreements: [String: RebateAgreement] = [:]
    private var order: [String] = []

    /// The agreements collected, in the order their first rows came.
    var agreementsInOrder: [RebateAgreement] { order.compactMap { agreements[$0] } }

    /// Decodes one row: the agreement's fields, a condition and one level of its scale.
    mutating func add(_ record: FieldRecord) throws(ImportDiagnostic) {
        let id = try record.string("agreement_id")
        let currency = try record.currency("currency")
        let validFrom = try record.date("valid_from")
        let validTo = try record.date("valid_to")
        guard validFrom <= validTo else {
            throw record.problem("valid_to", "valid_to \(validTo) is before valid_from \(validFrom)")
        }
        let number = try record.integer("condition")
        guard number > 0 else { throw record.problem("condition", "conditions are numbered from 1") }
        let material = record.optionalString("material")
        let group = record.optionalString("material_group")
        guard (material == nil) != (group == nil) else {
            throw record.problem("material", "a rebate condition is for a material or a material group, one of them")
        }
        let basis = try record.choice("scale_basis", RebateCondition.ScaleBasis.self)
        let calculation = try record.choice("calculation", RebateCondition.Calculation.self)
        let from = try record.decimal("scale_from", maxScale: basis == .value ? currency.minorUnits : 6)
        guard !from.isNegative else { throw record.problem("scale_from", "a scale starts at 0 or above") }
        let rate = try record.decimal("rate", maxScale: calculation == .percent ? 4 : 6)
        guard !rate.isNegative, calculation == .amount || rate <= .hundred else {
            throw record.problem("rate", "rate \(rate) is not 0 or above (and at most 100 for a percentage)")
        }
        let condition = RebateCondition(
            number: number, material: material, materialGroup: group, scaleBasis: basis, calculation: calculation,
            levels: [.init(from: from, rate: rate)])
        let agreement = RebateAgreement(
            id: id, description: record.optionalString("description"), companyCode: try record.string("company_code"),
            recipient: try record.string("recipient"), currency: currency, validFrom: validFrom, validTo: validTo,
            taxCode: try record.string("tax_code"), conditions: [condition])
        guard var existing = agreements[id] else {
            agreements[id] = agreement
            order.append(id)
            return
        }
        var comparable = existing
        comparable.conditions = agreement.conditions
        guard comparable == agreement else {
            throw record.problem("agreement_id", "rows of rebate agreement \(id) differ in more than their conditions")
        }
        guard let index = existing.conditions.firstIndex(where: { $0.number == number }) else {
            existing.conditions = (existing.conditions + [condition]).sorted { $0.number < $1.number }
            agreements[id] = existing
            return
        }
        var known = existing.conditions[index]
        guard known.material == material, known.materialGroup == group, known.scaleBasis == basis,
            known.calculation == calculation
        else {
            throw record.problem(
                "condition", "rows of condition \(number) of rebate agreement \(id) differ in more than their level")
        }
        guard !known.levels.contains(where: { $0.from == from }) else {
            throw record.problem(
                "scale_from", "condition \(number) of rebate agreement \(id) has two levels from \(from)")
        }
        known = RebateCondition(
            number: number, material: material, materialGroup: group, scaleBasis: basis, calculation: calculation,
            levels: known.levels + condition.levels)
        existing.conditions[index] = known
        agreements[id] = existing
    }
}
