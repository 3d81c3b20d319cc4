/// The orders a run selected, and what it left and why.
public struct Selection: Sendable, Hashable {
    /// Accounts that qualified, sorted.
    public var accounts: [String]
    /// Selected orders, sorted by account, billing date and document.
    public var orders: [InvoicingOrder]
    /// Orders passed over, with the reason.
    public var skipped: [SkippedOrder]
}

/// An open order a run did not take.
public struct SkippedOrder: Sendable, Hashable {
    /// Why a run passed over an open order; the raw value is the text printed.
    public enum Reason: String, Sendable, Hashable {
        case notDue = "not due"
        case billingBlock = "billing block"
        case categoryNotInProcess = "category not in process"
        case accountNotSelected = "account not selected"
        case noMainSelectionOrder = "account has no due order of a main-selection category"
        case notFullyDelivered = "order not fully delivered (its order type defers invoicing)"
    }

    /// The order passed over.
    public var order: InvoicingOrder
    /// Why it was passed over.
    public var reason: Reason
}
