import InvoicingCore

/// One invoicing unit and what became of it in this run.
struct UnitResult: Sendable {
    enum Outcome: Sendable {
        case invoiced(InvoiceDraft)
        case postponed(String)
        case failed(String)
    }

    let unit: InvoicingUnit
    let outcome: Outcome

    var draft: InvoiceDraft? {
        if case .invoiced(let draft) = outcome { return draft }
        return nil
    }

    /// Why the unit was postponed, if it was.
    var postponement: String? {
        if case .postponed(let reason) = outcome { return reason }
        return nil
    }

    /// Why the unit failed, if it did.
    var failure: String? {
        if case .failed(let reason) = outcome { return reason }
        return nil
    }
}
