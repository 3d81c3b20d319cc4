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

    /// Units priced together and committed per transaction: a window (see ``UnitCommitter``).
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
    ///
    /// Loads what every range shares (configuration, master data without the contract accounts,
    /// rebate positions), then for each range of accounts selects and groups its orders and hands
    /// the units to a ``UnitCommitter``, which prices and commits them window by window; the end
    /// of the run posts the rebate catch-ups and writes the files that cover the whole run.
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
        var progress = Progress("invoicing", total: ranges.reduce(0) { $0 + $1.count }, unit: "orders")
        defer { progress.finish() }
        var committer = UnitCommitter(
            store: store, runID: runID, simulate: parameters.simulate, parallel: parallel, pipeline: pipeline,
            accruals: RebateAccruals(
                positions: rebatePositions, masterData: masterData, rounding: configuration.rounding),
            advances: try store.openAdvances(accounts: parameters.accounts))
        var ordersDone = 0
        var unitsBefore = 0
        for range in ranges {
            // The documents are read from their JSON on every core.
            var candidates = try parallel.mapOrThrow(try store.storedOpenOrders(ids: range.ids)) { stored in
                try stored.order()
            }
            candidates += range.simulated
            // The range's own accounts (read on every core too), with those every range needs.
            let accounts = try parallel.mapOrThrow(
                try store.contractAccountPayloads(ids: Set(candidates.map(\.document.account)))
            ) { payload in try InvoiceStore.contractAccount(payload: payload) }
            let engine = try InvoicingRun(
                configuration: configuration, masterData: masterData.with(accounts: shared + accounts),
                parameters: parameters)
            let selection = engine.select(candidates)
            candidates = []
            report.tally.count(selection)
            try records.record(selection)
            var units = engine.group(selection)
            for index in units.indices { units[index].index += unitsBefore }
            unitsBefore += units.count
            let references = try invoicesCorrected(by: units)
            try committer.invoice(
                units, engine: engine, references: references, windowSize: Self.commitBatchSize,
                tally: &report.tally)
            ordersDone += range.count
            progress.update(ordersDone)
        }
        report.rebatePostings = try rebateCatchUps(
            committer.accruals, masterData: masterData, rounding: configuration.rounding,
            errors: &report.outputErrors)
        try finish(&report, outputs: outputs, records: records, pipeline: pipeline, imported: imported)
        return report
    }

    /// The invoices the memo requests among `units` correct, by number: a memo of goods another
    /// company code's plant delivered gets an intercompany correction at the transfer price.
    private func invoicesCorrected(by units: [InvoicingUnit]) throws -> [String: Invoice] {
        var corrected: [String: Invoice] = [:]
        for order in units.flatMap(\.orders) where order.category.isMemoRequest {
            if let number = order.document.referenceInvoice, corrected[number] == nil {
                corrected[number] = try store.invoice(number: number)
            }
        }
        return corrected
    }

    /// The rebate agreements' catch-up accruals at the end of the run, each in an FI document of
    /// its own: stored and numbered, or with placeholder numbers in a simulation. A catch-up that
    /// fails is reported in `errors`, and none is posted. They start from what is stored now (a
    /// unit that failed to store accrued nothing), or, in a simulation, from `accruals`, the
    /// positions the run's invoices carried.
    private func rebateCatchUps(
        _ accruals: RebateAccruals, masterData: MasterData, rounding: RoundingRule, errors: inout [String]
    ) throws -> [(posting: FIDocument, company: CompanyCode)] {
        guard !accruals.isEmpty else { return [] }
        var accruals = accruals
        if !parameters.simulate {
            accruals = RebateAccruals(
                positions: try store.rebatePositions(materials: masterData.materials), masterData: masterData,
                rounding: rounding)
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
            return catchUps
        } catch let failure as UnitFailure {
            errors.append("rebate accrual: \(failure.message)")
            return []
        }
    }

    /// The end of a run: waits for the committed windows' outputs, writes the posting journals,
    /// run log and manifest, publishes the output folder and, unless simulating, records the
    /// original prints and the ledger updates in the store.
    private func finish(
        _ report: inout Report, outputs: RunOutputs, records: RunRecords, pipeline: OutputPipeline,
        imported: ImportReport?
    ) throws {
        let runID = report.runID
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
    }
}
