/// How prices reach the invoice from the source document, chosen by the invoicing type.
///
/// On the same item (a document price, an explicit tax code, a billed quantity that differs from
/// the ordered one, a discount in the conditions) each mode gives a different line:
///
/// | mode | unit price | discounts and surcharges | tax code |
/// |---|---|---|---|
/// | `copyUnchanged` | the document's | none | the document's, else determined |
/// | `copyRedetermineTax` | the document's | none | determined |
/// | `copyRepriceOnQuantity` | the document's; from the conditions when the billed quantity differs from the ordered one | from the conditions when re-priced | determined |
/// | `newPricing` | from the conditions at the billing date | from the conditions | the document's, else determined |
/// | `copyManualConditions` | the document's (a manual price) | from the conditions | determined |
///
/// Items without a document price are priced from the conditions in every mode.
public enum PricingMode: String, Sendable, Hashable, CaseIterable {
    /// Copy the document's prices and tax codes unchanged; items without a price are priced from conditions.
    case copyUnchanged
    /// Copy the document's prices; determine the tax code anew.
    case copyRedetermineTax
    /// Copy the document's prices, but price an item from the conditions when its billed quantity
    /// differs from the ordered one (a scale may give another price); determine the tax code anew.
    case copyRepriceOnQuantity
    /// Ignore the document's prices; price every item from the conditions valid on the billing date.
    case newPricing
    /// Keep the document's prices as manual conditions; determine discounts, surcharges and tax anew.
    case copyManualConditions

    /// Whether the item is priced from the conditions rather than from its document price.
    func pricesFromConditions(_ item: SourceItem) -> Bool {
        guard item.unitPrice != nil else { return true }
        switch self {
        case .copyUnchanged, .copyRedetermineTax, .copyManualConditions: return false
        case .newPricing: return true
        case .copyRepriceOnQuantity: return item.orderedQuantity.map { $0 != item.quantity } ?? false
        }
    }

    /// Whether discounts and surcharges from the conditions apply to the item.
    func appliesAdjustments(_ item: SourceItem) -> Bool {
        self == .copyManualConditions || pricesFromConditions(item)
    }

    /// Whether the document's explicit tax code is kept (else the tax code is determined).
    var keepsDocumentTaxCode: Bool { self == .copyUnchanged || self == .newPricing }
}
