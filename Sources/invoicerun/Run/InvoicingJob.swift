import ArgumentParser
import Exporters
import Importers
import InvoiceStore
import InvoicingCore

/// One invoicing run from the command line: engine, store, outputs, manifest and summary.
struct InvoicingJob {
    let store: InvoiceStore
    let layouts: PrintLayoutLibrary
    let parameters: RunParameters

    /// Everything a run did, for the summary, the log and the manifest.
    struct Report {
        var runID: String
        var selection: Selection
        var results: [UnitResult]
        var outputFolder: String?
        var outputs: [(path: String, sha256: String)] = []
        var outputErrors: [String] = []
        /// The configured rounding, which the EN 16931 check of e-invoices expects VAT rounded by.
        var rounding: RoundingRule = .halfUp
    }

    /// Invoices committed per transaction.
    static let commitBatchSize = 200

    /// Selects, groups, invoices, numbers and stores (unless simulating) every unit.
    func invoice() throws -> Report {
        guard let json = try store.loadConfigurationJSON() else {
            throw ValidationError(
                "the store has no invoicing configuration; import one first (e.g. Samples/config/invoicing.json)")
        }
        let configuration = try ConfigurationFile.decode(Array(json.utf8), file: "configuration in the store")
        let masterData = try store.loadMasterData()
        let engine: InvoicingRun
        do {
            engine = try InvoicingRun(configuration: configuration, masterData: masterData, parameters: parameters)
        } catch {
            throw ValidationError(error.description)
        }
        let selection = engine.select(try openOrdersAfterScheduling(engine, rounding: configuration.rounding))
        let units = engine.group(selection)
        let runID =
            parameters.simulate
            ? "SIM-\(parameters.runDate)"
            : try store.beginRun(parameters, parametersJSON: try Manifest.json(Manifest.Parameters(parameters)))
        var simulatedNumbers: [String: Int64] = [:]
        func placeholder(_ kind: NumberRangeKind, _ invoice: Invoice) -> String {
            let key = "\(kind.rawValue)-\(invoice.seller.id)"
            simulatedNumbers[key, default: 0] += 1
            // swift-format-ignore: NeverForceUnwrap
            return "SIM-"
                + kind.number(
                    companyCode: invoice.seller.id, year: invoice.invoiceDate.year, sequence: simulatedNumbers[key]!)
        }
        var results: [UnitResult] = []
        // Advances not yet deducted, per account: a final invoice deducts those of its orders.
        // An advance made earlier in this run is deducted too, once it is stored (or, in a
        // simulation, with its placeholder number).
        var advances = Dictionary(grouping: try store.openAdvances(accounts: parameters.accounts), by: \.buyer.id)
        var outcomes: [(unit: InvoicingUnit, outcome: UnitResult.Outcome?)] = []
        var pending: [(draft: InvoiceDraft, orders: [Int64])] = []
        var pendingAdvanceAccounts: Set<String> = []
        // Units are priced one by one and committed in batches: one transaction (one fsync) per
        // batch, a savepoint per invoice, so a unit that fails to store fails alone.
        func flush() throws {
            var stored = try store.commit(pending, runID: runID).makeIterator()
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
        }
        for unit in units {
            // A final invoice needs the numbers of the advances made before it in this run.
            if pendingAdvanceAccounts.contains(unit.account) { try flush() }
            switch engine.invoice(unit, advances: advances[unit.account] ?? []) {
            case .invoiced(var draft):
                draft.invoice.runID = runID
                let cleared = Set(draft.invoice.advanceClearings.map(\.number))
                if !cleared.isEmpty { advances[unit.account]?.removeAll { cleared.contains($0.number) } }
                if parameters.simulate {
                    let kind = draft.invoice.kind
                    draft = draft.numbered(
                        invoiceNumber: kind == .proForma
                            ? "SIM-PF-\(unit.index)" : placeholder(NumberRangeKind(documentKind: kind), draft.invoice),
                        postingNumber: kind == .proForma ? "" : placeholder(.posting, draft.invoice))
                    if kind.isAdvance { advances[unit.account, default: []].append(draft.invoice) }
                    outcomes.append((unit, .invoiced(draft)))
                } else {
                    outcomes.append((unit, nil))  // filled in by the commit below
                    pending.append((draft, unit.orders.map(\.id)))
                    if draft.invoice.kind.isAdvance { pendingAdvanceAccounts.insert(unit.account) }
                }
            case .postponed(let reason):
                outcomes.append((unit, .postponed(reason)))
            case .failed(let failure):
                outcomes.append((unit, .failed(failure.description)))
            }
            if outcomes.count >= Self.commitBatchSize { try flush() }
        }
        try flush()
        var report = Report(runID: runID, selection: selection, results: results)
        report.rounding = configuration.rounding
        return report
    }

    /// One document to render, with the output functions active for it.
    struct RenderEntry {
        let draft: InvoiceDraft
        let isActive: (InvoicingFunction) -> Bool
    }

    /// Step 8: writes every output the units' functions ask for, then the run log and manifest.
    func render(_ report: inout Report, into outputRoot: String, imported: ImportReport?) throws {
        var folder = try OutputFolder(root: outputRoot + "/" + report.runID)
        let entries = report.results.compactMap { result in
            result.draft.map { RenderEntry(draft: $0, isActive: { result.unit.isActive($0) }) }
        }
        let printed = try writeDocuments(
            entries, runID: report.runID, rounding: report.rounding, into: &folder, errors: &report.outputErrors)
        report.outputFolder = folder.root
        try folder.write(RunLog.text(report, parameters: parameters, imported: imported), to: "run.log")
        report.outputs = folder.written
        let manifest = Manifest(report: report, parameters: parameters, imported: imported)
        try folder.write(try Manifest.json(manifest), to: "manifest.json")
        try folder.publish()
        if !parameters.simulate && !printed.isEmpty {
            try store.recordOriginalPrints(printed, printedAt: PrintLog.now(), printedBy: PrintLog.user())
        }
        if !parameters.simulate {
            // The posting files are out: the posted delivery lines are 80 ledgers updated.
            try store.markLedgersUpdated(
                postings: entries.map(\.draft.posting).filter { !$0.held && !$0.number.isEmpty }.map(\.number))
        }
    }

    /// Writes each document's outputs as its functions ask (print with spool and the combined
    /// print file, canonical XML, e-invoices), the CSV files, installment schedules, postings and
    /// posting journals, into `folder`; returns the numbers printed. A run and a run recovered
    /// after a crash render through here, so both leave the same output set.
    func writeDocuments(
        _ entries: [RenderEntry], runID: String, rounding: RoundingRule, into folder: inout OutputFolder,
        errors: inout [String]
    ) throws -> [String] {
        let drafts = entries.map(\.draft)
        var csvInvoices: [Invoice] = []
        var printed: [String] = []
        // Mass printing: every printed document of the run in one file, each on a new page
        // (as `PrintLayouts.combine` joins them), written as it goes.
        var combined: AppendingFile?
        for entry in entries {
            let invoice = entry.draft.invoice
            do {
                if entry.isActive(.print) {
                    let own = layouts.layouts(forCompanyCode: invoice.seller.id)
                    let text = try own.render(InvoicePrintModelBuilder(layouts: own).model(invoice))
                    try folder.write(text, to: "invoices/\(invoice.number).txt")
                    // The account's print spool folder, for a print server that watches it.
                    try folder.write(text, to: "spool/\(Self.fileName(invoice.buyer.id))/\(invoice.number).txt")
                    if combined == nil { combined = try folder.appending(to: "print.txt") }
                    try combined?.append((printed.isEmpty ? "" : "\u{0C}") + text.dropLast())
                    printed.append(invoice.number)
                }
                if entry.isActive(.xmlOutput) {
                    try folder.write(try InvoiceXML.render(invoice), to: "invoices/\(invoice.number).xml")
                }
                // A pro forma is no invoice: no e-invoice is made of it.
                for format in invoice.buyer.invoiceFormats where invoice.kind != .proForma {
                    try folder.write(
                        try format.render(invoice, check: EN16931Check(rounding: rounding)),
                        to: "invoices/\(invoice.number).\(format.fileSuffix)")
                }
            } catch {
                errors.append("\(invoice.number): \(error)")
            }
            if entry.isActive(.csvOutput) { csvInvoices.append(invoice) }
        }
        if let combined {
            try combined.append("\n")
            try folder.finish(combined)
        }
        try folder.write(InvoiceCSV.render(csvInvoices), to: "invoices.csv")
        try Self.writeInstallmentSchedules(
            entries.map { (invoice: $0.draft.invoice, active: $0.isActive) }, layouts: layouts, into: &folder,
            errors: &errors)
        // A pro forma posts nothing.
        let posted = drafts.filter { $0.invoice.kind != .proForma }
        let postings = posted.map(\.posting)
        try folder.write(PostingCSV.render(postings), to: "postings.csv")
        do {
            try folder.write(try PostingXML.render(postings, runID: runID), to: "postings.xml")
        } catch {
            errors.append("postings.xml: \(error)")
        }
        for (companyCode, documents) in journals(posted) {
            do {
                let own = layouts.layouts(forCompanyCode: companyCode.id)
                let language = own.language(PrintLanguage.forCountry(companyCode.country).code)
                let journal = PostingJournalBuilder(page: own.page, language: language)
                    .model(documents, companyCode: companyCode, runID: runID)
                try folder.write(try own.render(journal), to: "journal-\(companyCode.id).txt")
            } catch {
                errors.append("journal-\(companyCode.id).txt: \(error)")
            }
        }
        return printed
    }

    /// `name` (an account id from imported data) made safe as one path component: letters,
    /// digits, `-`, `_` and inner dots stay, anything else becomes `_`.
    static func fileName(_ name: String) -> String {
        let safe = String(
            name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        return safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe
    }

    /// The run's FI documents per company code (in run order within each), for the posting journals.
    private func journals(_ drafts: [InvoiceDraft]) -> [(CompanyCode, [FIDocument])] {
        var byCode: [String: (CompanyCode, [FIDocument])] = [:]
        for draft in drafts {
            let seller = draft.invoice.seller
            byCode[seller.id, default: (seller, [])].1.append(draft.posting)
        }
        return byCode.keys.sorted().compactMap { byCode[$0] }
    }
}
