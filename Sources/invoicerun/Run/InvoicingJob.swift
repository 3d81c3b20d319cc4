import ArgumentParser
import Exporters
import Foundation
import Importers
import InvoiceStore
import InvoicingCore

/// One invoicing run from the command line: engine, store, outputs, manifest and summary.
struct InvoicingJob {
    let store: InvoiceStore
    let layouts: PrintLayoutLibrary
    let parameters: RunParameters
    /// The workers that price units and render documents; the results do not depend on their number.
    var parallel = Parallel.machine

    /// What a run did, for the summary, the watcher and the store's run record; the units
    /// themselves are in the run log and manifest, written as they were decided.
    struct Report {
        var runID: String
        var tally = RunTally()
        var outputFolder: String?
        /// Files in the output folder, the manifest included.
        var outputCount = 0
        var outputErrors: [String] = []
        /// What the outputs changed without failing: characters folded into an EDI repertoire.
        var outputNotes: [String] = []
        /// Rebate accruals posted in FI documents of their own (catch-ups), with their company codes.
        var rebatePostings: [(posting: FIDocument, company: CompanyCode)] = []

        /// The run record the store keeps: the figures of the summary.
        var summaryJSON: String {
            get throws {
                struct Summary: Encodable {
                    var units, invoiced, postponed, failed, selectedOrders, outputs: Int
                    var invoices: String
                }
                return try Manifest.json(
                    Summary(
                        units: tally.units, invoiced: tally.invoiced, postponed: tally.postponed.count,
                        failed: tally.failed.count, selectedOrders: tally.selectedOrders, outputs: outputCount,
                        invoices: tally.invoiceNumbers.description))
            }
        }
    }

    /// Invoices committed per transaction.
    static let commitBatchSize = 200

    /// Open orders loaded at a time: whole accounts, at least this many orders (units never span
    /// accounts, so each range is invoiced on its own and the run holds one range's documents).
    /// `INVOICERUN_ACCOUNT_RANGE` sets another size; the outputs are the same bytes whatever it is.
    var accountRangeSize = Self.defaultAccountRangeSize

    static var defaultAccountRangeSize: Int {
        if let text = ProcessInfo.processInfo.environment["INVOICERUN_ACCOUNT_RANGE"], let size = Int(text), size >= 1 {
            return size
        }
        return 5_000
    }

    /// Selects, groups, invoices, numbers and stores (unless simulating) every unit, a range of
    /// accounts at a time, and writes each committed window's outputs into `outputRoot/RUN-ID`
    /// right away, then the posting journals, run log and manifest. Holds one range of orders
    /// and one window of invoices, whatever the size of the run.
    func run(into outputRoot: String, imported: ImportReport?) throws -> Report {
        guard let json = try store.loadConfigurationJSON() else {
            throw ValidationError(
                "the store has no invoicing configuration; import one first (e.g. Samples/config/invoicing.json)")
        }
        let configuration = try ConfigurationFile.decode(Array(json.utf8), file: "configuration in the store")
        // The contract accounts are loaded a range at a time (below), but for those any unit may
        // need: the internal accounts of intercompany invoices and the recipients of rebates.
        var masterData = try store.loadMasterData(contractAccounts: false)
        let rebatePositions = try store.rebatePositions(materials: masterData.materials)
        let shared = try store.contractAccounts(
            ids: Set(configuration.intercompany.map(\.internalAccount) + rebatePositions.map(\.agreement.recipient)))
        masterData = masterData.with(accounts: shared)
        let engine: InvoicingRun
        do {
            engine = try InvoicingRun(configuration: configuration, masterData: masterData, parameters: parameters)
        } catch {
            throw ValidationError(error.description)
        }
        let ranges = try accountRanges(engine, rounding: configuration.rounding)
        let runID =
            parameters.simulate
            ? "SIM-\(parameters.runDate)"
            : try store.beginRun(parameters, parametersJSON: try Manifest.json(Manifest.Parameters(parameters)))
        var report = Report(runID: runID)
        let outputs = try RunOutputs(
            root: outputRoot + "/" + runID, runID: runID, rounding: configuration.rounding, layouts: layouts,
            parallel: parallel)
        let records = try RunRecords(in: outputs.folder.writeRoot)
        outputs.listOutputs(in: records.outputs)
        // The committed windows' records and files are written on a thread of their own.
        let pipeline = OutputPipeline(outputs: outputs, records: records)
        defer { pipeline.close() }
        var numbering = SimulatedNumbering()
        var progress = Progress("invoicing", total: ranges.reduce(0) { $0 + $1.count }, unit: "orders")
        defer { progress.finish() }
        // Rebate accruals go into each covered invoice's FI document, the agreements' positions
        // carried from invoice to invoice through the run (a simulation's too).
        var accruals = RebateAccruals(
            positions: rebatePositions, masterData: masterData, rounding: configuration.rounding)
        // Advances not yet deducted, per account: a final invoice deducts those of its orders.
        // An advance made earlier in this run is deducted too, once it is stored (or, in a
        // simulation, with its placeholder number).
        var advances = Dictionary(grouping: try store.openAdvances(accounts: parameters.accounts), by: \.buyer.id)
        var outcomes: [(unit: InvoicingUnit, outcome: UnitResult.Outcome?)] = []
        var pending: [(draft: InvoiceDraft, orders: [InvoicingOrder])] = []
        var pendingAdvanceAccounts: Set<String> = []
        var ordersDone = 0
        // Units are committed in batches: one transaction (one fsync) per batch, a savepoint per
        // invoice, so a unit that fails to store fails alone. The batch's outputs are written
        // right after its commit, so a run holds no more than a batch of invoices.
        func flush() throws {
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
            for result in results { report.tally.count(result) }
            try pipeline.submit(results)
        }
        var unitsBefore = 0
        for range in ranges {
            var candidates = try store.openOrders(ids: range.ids)
            candidates += range.simulated
            // The range's own accounts, with those every range needs.
            let engine = try InvoicingRun(
                configuration: configuration,
                masterData: masterData.with(
                    accounts: shared + (try store.contractAccounts(ids: Set(candidates.map(\.document.account))))),
                parameters: parameters)
            let selection = engine.select(candidates)
            candidates = []
            report.tally.count(selection)
            try records.record(selection)
            var units = engine.group(selection)
            for index in units.indices { units[index].index += unitsBefore }
            unitsBefore += units.count
            // The invoices the range's memo requests correct: a memo of goods another company
            // code's plant delivered gets an intercompany correction at the transfer price.
            var corrected: [String: Invoice] = [:]
            for order in units.flatMap(\.orders) where order.category.isMemoRequest {
                if let number = order.document.referenceInvoice, corrected[number] == nil {
                    corrected[number] = try store.invoice(number: number)
                }
            }
            let references = corrected
            // Units are priced on every core a window at a time, each with its account's advances
            // as they stood when the window began. Only units of one account depend on each other
            // (an advance, then the final invoice that deducts it), so a unit whose account's
            // advances changed inside the window is priced again, in order, with the advances as
            // they are now.
            for start in stride(from: 0, to: units.count, by: Self.commitBatchSize) {
                let window = Array(units[start..<min(start + Self.commitBatchSize, units.count)])
                let snapshot = advances
                let priced = parallel.map(window) {
                    engine.invoice($0, advances: snapshot[$0.account] ?? [], references: references)
                }
                var changed: Set<String> = []
                for (unit, speculative) in zip(window, priced) {
                    // A final invoice needs the numbers of the advances made before it in this run.
                    if pendingAdvanceAccounts.contains(unit.account) { try flush() }
                    let outcome =
                        changed.contains(unit.account)
                        ? engine.invoice(unit, advances: advances[unit.account] ?? [], references: references)
                        : speculative
                    switch outcome {
                    case .invoiced(var draft):
                        draft.invoice.runID = runID
                        if !accruals.isEmpty {
                            do throws(UnitFailure) {
                                try accruals.accrue(&draft)
                            } catch {
                                outcomes.append((unit, .failed(error.description)))
                                continue
                            }
                        }
                        let cleared = Set(draft.invoice.advanceClearings.map(\.number))
                        if !cleared.isEmpty {
                            advances[unit.account]?.removeAll { cleared.contains($0.number) }
                            changed.insert(unit.account)
                        }
                        if draft.invoice.kind.isAdvance { changed.insert(unit.account) }
                        if parameters.simulate {
                            draft = numbering.number(draft, unit: unit, runID: runID)
                            if draft.invoice.kind.isAdvance {
                                advances[unit.account, default: []].append(draft.invoice)
                            }
                            outcomes.append((unit, .invoiced(draft)))
                        } else {
                            outcomes.append((unit, nil))  // filled in by the commit below
                            pending.append((draft, unit.orders))
                            if draft.invoice.kind.isAdvance { pendingAdvanceAccounts.insert(unit.account) }
                        }
                    case .postponed(let reason):
                        outcomes.append((unit, .postponed(reason)))
                    case .failed(let failure):
                        outcomes.append((unit, .failed(failure.description)))
                    }
                }
                try flush()
            }
            ordersDone += range.count
            progress.update(ordersDone)
        }
        if !accruals.isEmpty {
            // Catch-ups from what is stored now (a unit that failed to store accrued nothing), or
            // from the run's own positions in a simulation.
            if !parameters.simulate {
                accruals = RebateAccruals(
                    positions: try store.rebatePositions(materials: masterData.materials), masterData: masterData,
                    rounding: configuration.rounding)
            }
            do {
                var catchUps = try accruals.catchUps(on: parameters.runDate, accounts: parameters.accounts)
                if parameters.simulate {
                    for index in catchUps.indices {
                        catchUps[index].posting.number = "SIM-\(catchUps[index].posting.reference)"
                    }
                } else {
                    let numbered = try store.postRebateAccruals(catchUps.map(\.posting))
                    for index in catchUps.indices { catchUps[index].posting = numbered[index] }
                }
                report.rebatePostings = catchUps
            } catch let failure as UnitFailure {
                report.outputErrors.append("rebate accrual: \(failure.message)")
            }
        }
        try pipeline.finish()
        try outputs.finish(otherPostings: report.rebatePostings)
        report.outputErrors += outputs.errors
        report.outputNotes += outputs.notes
        report.outputFolder = outputs.folder.root
        try records.writeLog(
            into: outputs,
            header: RunLog.header(runID, parameters: parameters, imported: imported), trailer: RunLog.trailer(report))
        try records.writeManifest(
            Manifest(runID: runID, parameters: parameters, imported: imported, orders: report.tally.selectedOrders),
            into: outputs)
        report.outputCount = outputs.folder.writtenCount
        records.discard()
        try outputs.publish()
        if !parameters.simulate {
            let (printedAt, printedBy) = (PrintLog.now(), PrintLog.user())
            try outputs.printed.forEachBatch(of: 10_000) {
                try store.recordOriginalPrints($0, printedAt: printedAt, printedBy: printedBy)
            }
        }
        if !parameters.simulate {
            // The posting files are out: the posted delivery lines are 80 ledgers updated.
            try outputs.ledgerPostings.forEachBatch(of: 10_000) { try store.markLedgersUpdated(postings: $0) }
        }
        return report
    }
}
