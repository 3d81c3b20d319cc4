/// Prices one source item: unit price, conditions, net amount, tax code and revenue account.
struct LinePricer {
    let masterData: MasterData
    let company: CompanyCode
    let account: ContractAccount
    let currency: Currency
    let mode: PricingMode
    let rounding: RoundingRule

    func price(_ item: SourceItem, of document: SourceDocument, lineNumber: Int) throws(UnitFailure) -> InvoiceLine {
        // The failure names the document and item: only those are captured, not copies of both.
        let (documentID, itemNumber) = (document.id, item.number)
        func fail(_ code: UnitFailure.Code, _ message: String) -> UnitFailure {
            UnitFailure(code, message, document: documentID, item: itemNumber)
        }
        guard let material = masterData.materials[item.material] else {
            throw fail(.unknownMaterial, "unknown material \(item.material)")
        }
        let unit = item.unit ?? material.unit
        guard unit == material.unit else {
            throw fail(
                .unitMismatch, "unit \(unit) differs from the base unit \(material.unit) of material \(material.id)")
        }
        let date = document.billingDate
        let unitPrice: FixedDecimal
        let priceUnit: FixedDecimal
        let priceSource: InvoiceLine.PriceSource
        var conditions: [AppliedCondition] = []
        do {
            if !mode.pricesFromConditions(item), let documentPrice = item.unitPrice {
                unitPrice = documentPrice
                priceUnit = item.priceUnit ?? .one
                priceSource = .document
            } else {
                let condition = try priceCondition(for: material, quantity: item.quantity, on: date, fail: fail)
                // swift-format-ignore: NeverForceUnwrap
                unitPrice = condition.value(for: item.quantity)!  // priceCondition only returns reachable scales
                priceUnit = condition.priceUnit
                priceSource = .condition(id: condition.id)
            }
            guard priceUnit.significand > 0 else {
                throw fail(.invalidPriceUnit, "price unit \(priceUnit) is not positive")
            }
            let base = try Money.extended(
                quantity: item.quantity, unitPrice: unitPrice, priceUnit: priceUnit, currency: currency,
                rounding: rounding)
            if mode.appliesAdjustments(item) {
                conditions = try adjustments(for: material, quantity: item.quantity, base: base, on: date, fail: fail)
            }
            // The base, then each condition, added as `sum(in:)` adds them, without an array of them.
            var net = try Money.zero(currency).adding(base)
            for condition in conditions { net = try net.adding(condition.amount) }
            let taxCode = try taxCode(for: item, material: material, fail: fail)
            let revenue = try glAccount(.revenue, material: material, fail: fail)
            return InvoiceLine(
                number: lineNumber, sourceDocument: document.id, sourceItem: item.number,
                referenceOrder: document.referenceOrder, referenceDelivery: document.referenceDelivery,
                material: material.id, description: item.description ?? material.description,
                quantity: item.quantity, unit: unit, unitPrice: unitPrice, priceUnit: priceUnit,
                priceSource: priceSource, baseAmount: base, conditions: conditions, netAmount: net,
                taxCode: taxCode.id, taxCategory: taxCode.category, taxRate: taxCode.rate, revenueAccount: revenue,
                profitCenter: item.profitCenter, costCenter: item.costCenter, plant: item.plant)
        } catch let error as ArithmeticError {
            throw fail(.arithmeticOverflow, error.description)
        } catch let failure as UnitFailure {
            throw failure
        } catch {
            throw fail(.arithmeticOverflow, "\(error)")
        }
    }

    /// The price condition valid on `date`: account-specific before general, newest validity first.
    private func priceCondition(
        for material: Material, quantity: FixedDecimal, on date: CalendarDate,
        fail: (UnitFailure.Code, String) -> UnitFailure
    ) throws(UnitFailure) -> PriceCondition {
        // One pass over the material's conditions, as `filter` and `max(by:)` over the valid ones
        // in the currency would take them: a later condition wins only when it is strictly better.
        let conditions = masterData.priceConditions[material.id] ?? []
        var best: Int?
        var anyValid = false
        var anyValidInCurrency = false
        // The fields are read in place: binding each condition to a name copied all of it.
        for index in conditions.indices {
            guard
                conditions[index].kind == .price && conditions[index].isValid(on: date)
                    && (conditions[index].account == nil || conditions[index].account == account.id)
            else { continue }
            anyValid = true
            guard conditions[index].currency == currency else { continue }
            anyValidInCurrency = true
            guard conditions[index].value(for: quantity) != nil else { continue }
            if let current = best {
                if ((conditions[current].account != nil ? 1 : 0), conditions[current].validFrom, conditions[index].id)
                    < (
                        (conditions[index].account != nil ? 1 : 0), conditions[index].validFrom, conditions[current].id
                    )
                {
                    best = index
                }
            } else {
                best = index
            }
        }
        if let best { return conditions[best] }
        if anyValid && !anyValidInCurrency {
            throw fail(.currencyMismatch, "material \(material.id) has no price in \(currency.code) on \(date)")
        }
        throw fail(.missingPrice, "no price for material \(material.id) and account \(account.id) on \(date)")
    }

    /// Discounts and surcharges valid on `date` for the material or for any material, each rounded.
    private func adjustments(
        for material: Material, quantity: FixedDecimal, base: Money, on date: CalendarDate,
        fail: (UnitFailure.Code, String) -> UnitFailure
    ) throws -> [AppliedCondition] {
        // An amount condition applies only in its own currency; percentages apply in any. The
        // material's conditions come before the general ones, and the sort by id is stable, as
        // when both lists were joined first: only the few that apply are copied.
        var applicable: [PriceCondition] = []
        func collect(_ conditions: [PriceCondition]?) {
            guard let conditions else { return }
            // The fields are read in place: binding each condition to a name copied all of it.
            for index in conditions.indices
            where conditions[index].kind != .price && conditions[index].isValid(on: date)
                && (conditions[index].account == nil || conditions[index].account == account.id)
                && (conditions[index].calculation == .percent || conditions[index].currency == currency)
            {
                applicable.append(conditions[index])
            }
        }
        collect(masterData.priceConditions[material.id])
        collect(masterData.priceConditions[""])
        if applicable.count > 1 { applicable.sort { $0.id < $1.id } }
        var applied: [AppliedCondition] = []
        for condition in applicable {
            guard let value = condition.value(for: quantity) else { continue }
            var amount: Money
            switch condition.calculation {
            case .percent:
                amount = try base.percentage(value, rounding: rounding)
            case .amount:
                amount = try Money.extended(
                    quantity: quantity, unitPrice: value, priceUnit: condition.priceUnit, currency: currency,
                    rounding: rounding)
            }
            if condition.kind == .discount { amount = amount.negated }
            let key: AccountKey = condition.kind == .discount ? .deductions : .surcharges
            applied.append(
                AppliedCondition(
                    conditionID: condition.id, kind: condition.kind, calculation: condition.calculation, value: value,
                    amount: amount, accountKey: key, glAccount: try glAccount(key, material: material, fail: fail)))
        }
        return applied
    }

    private func taxCode(
        for item: SourceItem, material: Material, fail: (UnitFailure.Code, String) -> UnitFailure
    ) throws(UnitFailure) -> TaxCode {
        let code: String
        if mode.keepsDocumentTaxCode, let explicit = item.taxCode {
            code = explicit
        } else if let determined = masterData.taxCode(
            country: company.country, accountClass: account.taxClassification,
            materialClass: material.taxClassification)
        {
            code = determined
        } else {
            throw fail(
                .missingTaxDetermination,
                "no tax determination for country \(company.country), account class \(account.taxClassification), material class \(material.taxClassification)"
            )
        }
        guard let taxCode = masterData.taxCodes[code] else { throw fail(.unknownTaxCode, "unknown tax code \(code)") }
        return taxCode
    }

    func glAccount(
        _ key: AccountKey, material: Material?, fail: (UnitFailure.Code, String) -> UnitFailure
    ) throws(UnitFailure) -> String {
        let request = AccountDeterminationRequest(
            company: company, accountGroup: account.accountAssignmentGroup,
            materialGroup: material?.accountAssignmentGroup ?? "", key: key)
        guard let match = masterData.accountDetermination(request) else {
            throw fail(
                .missingAccountDetermination,
                "no account determination for \(request): no row in any of the \(AccountDeterminationAccess.sequence.count) accesses, from \(AccountDeterminationAccess.sequence[0]) to \(AccountDeterminationAccess.sequence.last?.description ?? "")"
            )
        }
        return match.glAccount
    }
}
