import InvoicingCore

/// One invoicing unit and what became of it in this run.
struct UnitResult {
    enum Outcome {
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
}
