extension InvoicingRun {
    /// The item to price for a source item: a resource-related item (hours, material, expenses)
    /// becomes the billable item its document's DIP profile maps it to; any other item stays as it is.
    ///
    /// `atCost` says the billable item's unit price is its cost plus the profile's markup, kept
    /// whatever the pricing mode says; otherwise a mapped item is priced from the conditions.
    func billableItem(
        _ item: SourceItem, of document: SourceDocument
    ) throws(UnitFailure) -> (item: SourceItem, atCost: Bool) {
        guard let type = item.resourceType else { return (item, false) }
        func fail(_ code: UnitFailure.Code, _ message: String) -> UnitFailure {
            UnitFailure(code, message, document: document.id, item: item.number)
        }
        guard let profileID = document.dipProfile else {
            throw fail(
                .missingDIPProfile,
                "an item of resource type \(type.rawValue) needs a DIP profile (dip_profile) on its document")
        }
        guard let profile = configuration.dipProfiles[profileID] else {
            let known = configuration.dipProfiles.keys.sorted().joined(separator: ", ")
            throw fail(.missingDIPProfile, "unknown DIP profile \(profileID) (configured: \(known))")
        }
        guard let source = profile.source(for: type, activityType: item.activityType) else {
            throw fail(
                .missingDIPProfile,
                "DIP profile \(profileID) maps no \(type.rawValue) of activity type \(item.activityType ?? "-")")
        }
        var billable = item
        billable.material = source.material ?? item.material
        guard !billable.material.isEmpty else {
            throw fail(.unknownMaterial, "DIP profile \(profileID) names no material for \(type.rawValue)")
        }
        switch source.pricing {
        case .conditions:
            billable.unitPrice = nil
            billable.priceUnit = nil
            return (billable, false)
        case .cost:
            guard let cost = item.unitPrice else {
                throw fail(
                    .missingPrice,
                    "an item of resource type \(type.rawValue) priced at cost carries its cost as unit_price")
            }
            do {
                // cost × (100 + markup) ÷ 100, rounded once to the 6 decimals of a unit price.
                let factor = try FixedDecimal.hundred.adding(source.markupPercent)
                billable.unitPrice = try cost.multiplied(
                    by: FixedDecimal(significand: factor.significand, scale: factor.scale + 2), scale: 6,
                    rounding: configuration.rounding)
            } catch {
                throw fail(.arithmeticOverflow, error.description)
            }
            return (billable, true)
        }
    }
}
