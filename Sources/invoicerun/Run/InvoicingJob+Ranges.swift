import InvoiceStore
import InvoicingCore

extension InvoicingJob {
    /// Open orders of whole accounts, loaded and invoiced together.
    struct AccountRange {
        /// The stored orders' ids.
        var ids: [Int64] = []
        /// A simulation's would-be orders of billing plans, which are not stored.
        var simulated: [InvoicingOrder] = []
        /// The last account in the range.
        var lastAccount = ""

        var count: Int { ids.count + simulated.count }
    }

    /// The open orders of the process's categories, after the billing plans' periods due by the
    /// run date have become `CYCLE` orders, cut into ranges of whole accounts in account order.
    /// A simulation stores no `CYCLE` order: its would-be orders join the range of their account
    /// in memory, with negative keys that match no stored order.
    func accountRanges(_ engine: InvoicingRun, rounding: RoundingRule) throws -> [AccountRange] {
        let scheduled = try store.scheduleBillingPlans(
            through: parameters.runDate, rounding: rounding, simulate: parameters.simulate)
        var ranges: [AccountRange] = []
        var current = AccountRange()
        for (id, account) in try store.openOrderKeys(categories: engine.categories) {
            if current.ids.count >= accountRangeSize && account != current.lastAccount {
                ranges.append(current)
                current = AccountRange()
            }
            current.ids.append(id)
            current.lastAccount = account
        }
        ranges.append(current)
        if parameters.simulate && engine.categories.contains(.billingPlanCycle) {
            for (index, document) in scheduled.enumerated() {
                // The first range reaching the account, else the last (which has no upper end).
                let target = ranges.firstIndex { document.account <= $0.lastAccount } ?? ranges.count - 1
                ranges[target].simulated.append(InvoicingOrder(id: -1 - Int64(index), document: document))
            }
        }
        return ranges
    }
}

/// The placeholder numbers of a simulation, per number range and company code: `SIM-IN-1000-…`.
struct SimulatedNumbering {
    private var used: [String: Int64] = [:]

    /// `draft` with placeholder numbers for it, its FI document and its intercompany invoices.
    mutating func number(_ draft: InvoiceDraft, unit: InvoicingUnit, runID: String) -> InvoiceDraft {
        let kind = draft.invoice.kind
        var draft = draft.numbered(
            invoiceNumber: kind == .proForma
                ? "SIM-PF-\(unit.index)" : next(NumberRangeKind(documentKind: kind), draft.invoice),
            postingNumber: kind == .proForma ? "" : next(.posting, draft.invoice))
        var intercompany: [InvoiceDraft] = []
        for var internalDraft in draft.intercompany {
            internalDraft = internalDraft.numbered(
                invoiceNumber: next(.intercompany, internalDraft.invoice),
                postingNumber: next(.posting, internalDraft.invoice))
            internalDraft.invoice.runID = runID
            internalDraft.invoice.reference = draft.invoice.number
            // Received at the customer invoice's seller, in that company code's range.
            internalDraft.receiverPosting?.number = next(.posting, draft.invoice)
            internalDraft.receiverPosting?.reference = internalDraft.invoice.number
            intercompany.append(internalDraft)
        }
        draft.intercompany = intercompany
        return draft
    }

    private mutating func next(_ kind: NumberRangeKind, _ invoice: Invoice) -> String {
        let key = "\(kind.rawValue)-\(invoice.seller.id)"
        let sequence = (used[key] ?? 0) + 1
        used[key] = sequence
        return "SIM-" + kind.number(companyCode: invoice.seller.id, year: invoice.invoiceDate.year, sequence: sequence)
    }
}
