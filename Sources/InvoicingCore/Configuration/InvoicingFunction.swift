/// A step of the invoicing run that a process performs.
public enum InvoicingFunction: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Prices the items (mandatory).
    case pricing = "PRICING"
    /// Determines and computes tax (mandatory).
    case tax = "TAX"
    /// Creates the FI document (mandatory).
    case posting = "POSTING"
    /// Holds the FI document for release instead of posting it.
    case postingBlock = "POSTING_BLOCK"
    /// Postpones units whose total is below the invoicing type's minimum amount.
    case minimumAmount = "MINIMUM_AMOUNT"
    /// Renders the plain-text print layout.
    case print = "PRINT"
    /// Writes the canonical invoice XML.
    case xmlOutput = "XML_OUTPUT"
    /// Writes the invoice CSV rows.
    case csvOutput = "CSV_OUTPUT"

    /// Mandatory functions always run, whatever the configuration says.
    public var isMandatory: Bool {
        switch self {
        case .pricing, .tax, .posting: return true
        default: return false
        }
    }

    /// Orders functions as the run performs them, in declaration order.
    public static func < (lhs: InvoicingFunction, rhs: InvoicingFunction) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!  // swift-format-ignore: NeverForceUnwrap
    }
}

/// Whether an optional function runs, and whether a run may change that.
public enum ActivationStatus: Int, Sendable, Hashable, CaseIterable {
    /// Active and fixed: a run cannot switch it off.
    case active = 1
    /// Active, but a run may switch it off.
    case activeSwitchable = 2
    /// Inactive, but a run may switch it on.
    case inactiveSwitchable = 3
}
