/// How prices reach the invoice from the source document.
public enum PricingMode: String, Sendable, Hashable, CaseIterable {
    /// Copy the document's prices unchanged; items without a price are priced from conditions.
    case copyUnchanged
    /// Ignore the document's prices; price every item from the conditions valid on the billing date.
    case newPricing
}
