import InvoiceStore
import InvoicingCore

/// Prices a run's units a window at a time and commits them: the state a run carries from window
/// to window and from one account range to the next.
///
/// Units are priced on every core a window at a time, each with its account's advances as they
/// stood when the window began. Only units of one account depend on each other (an advance, then
/// the final invoice that deducts it), so a unit whose account's advances changed inside the
/// window is priced again, in order, with the advances as they are now.
///
/// Units are committed in batches: one transaction (one fsync) per window, a savepoint per
/// invoice, so a unit that fails to store fails alone. A unit of an account whose advance waits
/// for the commit commits the window so far first, as its final invoice needs the advance's
/// number. Each commit's units go to the output pipeline right after it, so a run holds no
/// more than a window of invoices.
struct UnitCommitter {
    private let store: InvoiceStore
    private let runID: String
    private let simulate: Bool
    private let parallel: Parallel
    private let pipeline: OutputPipeline
    /// Rebate accruals go into each covered invoice's FI document, the agreements' positions
    /// carried from invoice to invoice through the run (a simulation's too).
    private(set) var accruals: RebateAccruals
    /// Advances not yet deducted, per account: a final invoice deducts those of its orders.
    /// An advance made earlier in this run is deducted too, once it is stored (or, in a
    /// simulation, with its placeholder number).
    private var advances: [String: [Invoice]]
    private var numbering = SimulatedNumbering()
    /// The window's units in order, each with its outcome, or nil for a unit whose invoice
    /// waits in `pending` for the commit.
    private var outcomes: [(unit: InvoicingUnit, outcome: UnitResult.Outcome?)] = []
    private var pending: [(draft: InvoiceDraft, orders: [InvoicingOrder])] = []
    /// Accounts with an advance in `pending`, whose next unit must wait for its number.
    private var pendingAdvanceAccounts: Set<String> = []

    /// Starts a run's committing with the open advances of `advances` and the rebate positions of
    /// `accruals`; committed windows go to `pipeline`.
    init(
        store: InvoiceStore, runID: String, simulate: Bool, parallel: Parallel, pipeline: OutputPipeline,
        accruals: RebateAccruals, advances: [Invoice]
    ) {
        self.store = store
        self.runID = runID
        self.simulate = simulate
        self.parallel = parallel
        self.pipeline = pipeline
        self.accruals = accruals
        self.advances = Dictionary(grouping: advances, by: \.buyer.id)
    }

    /// Prices, numbers (in a simulation) or stores every one of `units`, a window of
    /// `windowSize` at a time, counting each outcome into `tally` as its window is committed.
    mutating func invoice(
        _ units: [InvoicingUnit], engine: InvoicingRun, references: [String: Invoice], windowSize: Int,
        tally: inout RunTally
    ) throws {
        for start in stride(from: 0, to: units.count, by: windowSize) {
            let window = Array(units[start..<min(start + windowSize, units.count)])
            let snapshot = advances
            let priced = parallel.map(window) {
                engine.invoice($0, advances: snapshot[$0.account] ?? [], references: references)
            }
            var changed: Set<String> = []
            for (unit, speculative) in zip(window, priced) {
                // A final invoice needs the numbers of the advances made before it in this run.
                if pendingAdvanceAccounts.contains(unit.account) { try flush(tally: &tally) }
                let outcome =
                    changed.contains(unit.account)
                    ? engine.invoice(unit, advances: advances[unit.account] ?? [], references: references)
                    : speculative
                switch outcome {
                case .invoiced(let draft):
                    if accept(draft, of: unit) { changed.insert(unit.account) }
                case .postponed(let reason):
                    outcomes.append((unit, .postponed(reason)))
                case .failed(let failure):
                    outcomes.append((unit, .failed(failure.description)))
                }
            }
            try flush(tally: &tally)
        }
    }

    /// Takes a unit's priced invoice: accrues its rebates, clears the advances it deducts, and
    /// numbers it (a simulation) or queues it for the commit. Returns whether the account's
    /// advances changed, so that its later units in the window are priced again.
    private mutating func accept(_ priced: InvoiceDraft, of unit: InvoicingUnit) -> Bool {
        var draft = priced
        draft.invoice.runID = runID
        if !accruals.isEmpty {
            do throws(UnitFailure) {
                try accruals.accrue(&draft)
            } catch {
                outcomes.append((unit, .failed(error.description)))
                return false
            }
        }
        var changed = false
        let cleared = Set(draft.invoice.advanceClearings.map(\.number))
        if !cleared.isEmpty {
            advances[unit.account]?.removeAll { cleared.contains($0.number) }
            changed = true
        }
        if draft.invoice.kind.isAdvance { changed = true }
        if simulate {
            draft = numbering.number(draft, unit: unit, runID: runID)
            if draft.invoice.kind.isAdvance {
                advances[unit.account, default: []].append(draft.invoice)
            }
            outcomes.append((unit, .invoiced(draft)))
        } else {
            outcomes.append((unit, nil))  // filled in by the commit in `flush`
            pending.append((draft, unit.orders))
            if draft.invoice.kind.isAdvance { pendingAdvanceAccounts.insert(unit.account) }
        }
        return changed
    }

    /// Commits the pending invoices in one transaction, then counts the units decided since the
    /// last flush into `tally` and hands them, in order, to the output pipeline. A stored advance
    /// joins its account's open advances.
    private mutating func flush(tally: inout RunTally) throws {
        var stored = try store.commit(pending, runID: runID).makeIterator()
        var results: [UnitResult] = []
        for (unit, outcome) in outcomes {
            if let outcome {
                results.append(UnitResult(unit: unit, outcome: outcome))
            } else if let result = stored.next() {
                switch result {
                case .success(let draft):
                    results.append(UnitResult(unit: unit, outcome: .invoiced(draft)))
                    if draft.invoice.kind.isAdvance { advances[unit.account, default: []].append(draft.invoice) }
                case .failure(let error):
                    results.append(UnitResult(unit: unit, outcome: .failed("not stored: \(error)")))
                }
            }
        }
        outcomes = []
        pending = []
        pendingAdvanceAccounts = []
        for result in results { tally.count(result) }
        try pipeline.submit(results)
    }
}
