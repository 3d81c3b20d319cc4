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

    /// Orders categories by their code.
    public static func < (lhs: SourceCategory, rhs: SourceCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
