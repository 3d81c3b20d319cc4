/// Categories of source documents, as convergent invoicing names them.
public enum SourceCategory: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Billing document from an external system.
    case externalBilling = "INVBI"
    /// SD billing document.
    case sdBilling = "VBRK"
    /// SD sample document.
    case sdSample = "SD"
    /// Collective bill document.
    case collectiveBill = "COLBI"
    /// Open posting item to be activated.
    case postingItem = "ACTIT"
    /// Single invoicing document of an invoice list.
    case invoiceListItem = "SUBIN"
    /// Periodic invoicing order from a billing plan.
    case billingPlanCycle = "CYCLE"
    /// Ad-hoc invoicing.
    case adHoc = "ADHOC"
    /// Credit memo request: a return, complaint or price difference to be credited.
    case creditMemoRequest = "CMR"
    /// Debit memo request: a further amount to be charged.
    case debitMemoRequest = "DMR"
    /// Resource-related billing request: consumed hours, material and expenses, priced by a DIP profile.
    case resourceRelated = "RRB"

    /// Whether documents of this category are requests that correct an invoice, invoiced as a
    /// credit or debit memo, one per request.
    public var isMemoRequest: Bool { self == .creditMemoRequest || self == .debitMemoRequest }

    /// Orders categories by their code.
    public static func < (lhs: SourceCategory, rhs: SourceCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
