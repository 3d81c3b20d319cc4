import ArgumentParser
import DropFolder
import Exporters
import Foundation
import Importers
import InvoiceStore
import InvoicingCore
import Logging

extension Watcher {
    /// Where outputs are rendered before one rename publishes the run's folder whole.
    var stagingFolder: String { settings.layout.outbox + "/.staging" }

    /// Runs invoicing (for `accounts`, or all) one watcher at a time, after finishing any run a
    /// crash cut short. Returns the run and its invoice count, or nil if nothing was due.
    func invoice(accounts: Set<String>?) throws -> (runID: String, invoices: Int)? {
        let lock = try FolderLock(path: settings.layout.lockFile)
        defer { withExtendedLifetime(lock) {} }
        try finishUnfinishedRuns()
        guard try store.openOrderCount(accounts: accounts) > 0 else { return nil }
        let job = InvoicingJob(store: store, layouts: layouts, parameters: parameters(accounts: accounts))
        try store.beginDropFolderInvoicing(owner: identity)
        let report: InvoicingJob.Report
        do {
            report = try job.run(into: stagingFolder, imported: nil)
        } catch let error as ValidationError {
            // No configuration yet, an unknown process: the orders stay open for a later run.
            try store.endDropFolderInvoicing()
            logger.warning("invoicing not possible", metadata: ["reason": "\(error.message)"])
            return nil
        }
        // A run that found no unit (orders not yet due, blocked) leaves no folder behind.
        if report.tally.units > 0 {
            try publish(runID: report.runID)
        } else {
            try? FileManager.default.removeItem(atPath: stagingFolder + "/" + report.runID)
        }
        try store.finishRun(report.runID, summaryJSON: try report.summaryJSON)
        try store.endDropFolderInvoicing()
        for unit in report.tally.failed {
            logger.warning(
                "unit failed",
                metadata: ["run": "\(report.runID)", "account": "\(unit.account)", "reason": "\(unit.reason)"])
        }
        return (report.runID, report.tally.invoiced)
    }

    /// The scheduled trigger: invoices every account with due orders.
    func runScheduledInvoicing() throws {
        let started = Self.now()
        if let run = try invoice(accounts: nil) {
            logger.info(
                "scheduled invoicing",
                metadata: [
                    "run": "\(run.runID)", "invoices": "\(run.invoices)",
                    "duration_ms": "\(Int((Self.now() - started) * 1000))",
                ])
        }
    }

    /// Publishes a run rendered into `outbox/.staging/RUN-ID` by renaming that folder to
    /// `outbox/RUN-ID`: the run's outputs appear whole or not at all.
    private func publish(runID: String) throws {
        let staged = stagingFolder + "/" + runID
        let target = settings.layout.outbox + "/" + runID
        switch try FileMove.rename(staged, to: target) {
        case .moved: FileMove.syncFolder(settings.layout.outbox)
        case .sourceGone: throw DropFolderError(path: staged, operation: "publish", errno: ENOENT)
        case .targetExists: throw DropFolderError(path: target, operation: "publish", errno: EEXIST)
        }
    }

    /// Completes runs whose invoices were committed by a watcher that crashed before it published
    /// them: their outputs are rendered again from the store, so every invoice gets one output set.
    func finishUnfinishedRuns() throws {
        let runs = try store.unfinishedDropFolderRuns()
        for runID in runs {
            let invoices = try store.invoices(ofRun: runID)
            if !invoices.isEmpty && access(settings.layout.outbox + "/" + runID, F_OK) != 0 {
                try? FileManager.default.removeItem(atPath: stagingFolder + "/" + runID)
                try renderRecovered(runID: runID, invoices: invoices, into: stagingFolder)
                try publish(runID: runID)
                logger.notice(
                    "run recovered: outputs rendered again",
                    metadata: ["run": "\(runID)", "invoices": "\(invoices.count)"])
            }
            try store.finishRun(runID, summaryJSON: "{\"recovered\":true}")
        }
        try store.endDropFolderInvoicing()
        try? FileManager.default.removeItem(atPath: stagingFolder)
    }

    /// The outputs of a run, from its stored invoices and FI documents; the functions are decided
    /// again from the configuration, as the run decided them.
    private func renderRecovered(runID: String, invoices: [Invoice], into staging: String) throws {
        guard let json = try store.loadConfigurationJSON() else { return }
        let configuration = try ConfigurationFile.decode(Array(json.utf8), file: "configuration in the store")
        let engine = try InvoicingRun(
            configuration: configuration, masterData: try store.loadMasterData(),
            parameters: parameters(accounts: nil, date: invoices.first?.invoiceDate))
        let outputs = try RunOutputs(
            root: staging + "/" + runID, runID: runID, rounding: configuration.rounding, layouts: layouts,
            parallel: .machine)
        // The same rendering as the run's own, so a recovered run leaves the same output set.
        var entries: [RunOutputs.Entry] = []
        for invoice in invoices {
            let unposted = FIDocument(
                number: "", companyCode: invoice.seller.id, postingDate: invoice.invoiceDate,
                documentDate: invoice.invoiceDate, reference: "", currency: invoice.currency, held: false, lines: [])
            guard let posting = invoice.kind == .proForma ? unposted : try store.posting(of: invoice) else { continue }
            let functions = engine.decideFunctions(account: invoice.buyer.id, invoicingType: invoice.invoicingType)
            var draft = InvoiceDraft(invoice: invoice, posting: posting)
            if invoice.kind == .intercompany {
                // Its second FI document, at the company code that received it.
                draft.receiverPosting = try store.receiverPosting(of: invoice.number)
            }
            entries.append(
                .init(
                    draft: draft,
                    isActive: { function in functions.contains { $0.function == function && $0.active } }))
        }
        try outputs.write(entries)
        try outputs.finish()
        let lines =
            ["\(runID): recovered after a crash; outputs rendered again from the store (\(invoices.count) invoices)"]
            + invoices.map { "invoice \($0.number) account \($0.buyer.id) gross \($0.grossTotal)" }
            + outputs.errors.map { "output error: \($0)" } + outputs.notes.map { "output note: \($0)" }
        try outputs.write(lines.joined(separator: "\n") + "\n", to: "run.log")
        try outputs.publish()
        // As after a run: the posting files are out, so the posted delivery lines are 80.
        try outputs.ledgerPostings.forEachBatch(of: 10_000) { try store.markLedgersUpdated(postings: $0) }
    }

    func parameters(accounts: Set<String>?, date: CalendarDate? = nil) -> RunParameters {
        RunParameters(
            process: settings.process, runDate: date ?? settings.runDate ?? CalendarDate.today(), simulate: false,
            accounts: accounts, enabledFunctions: settings.enabledFunctions,
            disabledFunctions: settings.disabledFunctions)
    }
}
