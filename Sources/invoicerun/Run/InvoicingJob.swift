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
    /// The workers that price units and render documents; the results do not depend on their number.
    var parallel = Parallel.machine

    /// Everything a run did, for the summary, the log and the manifest.
    struct Report {
        var runID: String
        var selection: Selection
        var results: [UnitResult]
        var outputFolder: String?
        var outputs: [(path: String, sha256: String)] = []
        var outputErrors: [String] = []
        /// What the outputs changed without failing: characters folded into an EDI repertoire.
        var outputNotes: [String] = []
        /// The configured rounding, which the EN 16931 check of e-invoices expects VAT rounded by.
        var rounding: RoundingRule = .halfUp
        /// Rebate accruals posted in FI documents of their own (catch-ups), with their company codes.
        var rebatePostings: [(posting: FIDocument, company: CompanyCode)] = []
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
        var progress = Progress("invoicing", total: units.count, unit: "units")
        defer { progress.finish() }
        // Rebate accruals go into each covered invoice's FI document, the agreements' positions
        // carried from invoice to invoice through the run (a simulation's too).
        var accruals = RebateAccruals(
            positions: try store.rebatePositions(materials: masterData.materials), masterData: masterData,
            rounding: configuration.rounding)
        // Advances not yet deducted, per account: a final invoice deducts those of its orders.
        // An advance made earlier in this run is deducted too, once it is stored (or, in a
        // simulation, with its placeholder number).
        var advances = Dictionary(grouping: try store.openAdvances(accounts: parameters.accounts), by: \.buyer.id)
        // The invoices the memo requests correct: a memo of goods another company code's plant
        // delivered gets an intercompany correction at the transfer price.
        var corrected: [String: Invoice] = [:]
        for order in units.flatMap(\.orders) where order.category.isMemoRequest {
            if let number = order.document.referenceInvoice, corrected[number] == nil {
                corrected[number] = try store.invoice(number: number)
            }
        }
        let references = corrected
        var outcomes: [(unit: InvoicingUnit, outcome: UnitResult.Outcome?)] = []
        var pending: [(draft: InvoiceDraft, orders: [InvoicingOrder])] = []
        var pendingAdvanceAccounts: Set<String> = []
        // Units are committed in batches: one transaction (one fsync) per batch, a savepoint per
        // invoice, so a unit that fails to store fails alone.
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
            progress.update(results.count)
        }
        // Units are priced on every core a window at a time, each with its account's advances as
        // they stood when the window began. Only units of one account depend on each other (an
        // advance, then the final invoice that deducts it), so a unit whose account's advances
        // changed inside the window is priced again, in order, with the advances as they are now.
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
                        let kind = draft.invoice.kind
                        draft = draft.numbered(
                            invoiceNumber: kind == .proForma
                                ? "SIM-PF-\(unit.index)"
                                : placeholder(NumberRangeKind(documentKind: kind), draft.invoice),
                            postingNumber: kind == .proForma ? "" : placeholder(.posting, draft.invoice))
                        var intercompany: [InvoiceDraft] = []
                        for var internalDraft in draft.intercompany {
                            internalDraft = internalDraft.numbered(
                                invoiceNumber: placeholder(.intercompany, internalDraft.invoice),
                                postingNumber: placeholder(.posting, internalDraft.invoice))
                            internalDraft.invoice.runID = runID
                            internalDraft.invoice.reference = draft.invoice.number
                            // Received at the customer invoice's seller, in that company code's range.
                            internalDraft.receiverPosting?.number = placeholder(.posting, draft.invoice)
                            internalDraft.receiverPosting?.reference = internalDraft.invoice.number
                            intercompany.append(internalDraft)
                        }
                        draft.intercompany = intercompany
                        if kind.isAdvance { advances[unit.account, default: []].append(draft.invoice) }
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
        var report = Report(runID: runID, selection: selection, results: results)
        report.rounding = configuration.rounding
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
        // Intercompany invoices follow the customer invoice they belong to, with its functions.
        let entries = report.results.flatMap { result in
            (result.draft.map { [$0] + $0.intercompany } ?? []).map {
                RenderEntry(draft: $0, isActive: { result.unit.isActive($0) })
            }
        }
        let printed = try writeDocuments(
            entries, runID: report.runID, rounding: report.rounding, into: &folder, errors: &report.outputErrors,
            notes: &report.outputNotes, otherPostings: report.rebatePostings)
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
        errors: inout [String], notes: inout [String],
        otherPostings: [(posting: FIDocument, company: CompanyCode)] = []
    ) throws -> [String] {
        let drafts = entries.map(\.draft)
        // The run's CSV files are written as the documents are, never held whole.
        let invoicesCSV = try folder.appending(to: "invoices.csv")
        try invoicesCSV.append(InvoiceCSV.render([]))
        var printed: [String] = []
        // Mass printing: every printed document of the run in one file, each on a new page
        // (as `PrintLayouts.combine` joins them), written as it goes.
        var combined: AppendingFile?
        var progress = Progress("writing outputs", total: entries.count, unit: "documents")
        defer { progress.finish() }
        // Documents are rendered on every core, a slice at a time so only a slice's bytes are
        // held, and written in order by this thread.
        for start in stride(from: 0, to: entries.count, by: Self.renderSliceSize) {
            let slice = entries[start..<min(start + Self.renderSliceSize, entries.count)]
            let requests = slice.map { entry in
                DocumentRequest(
                    invoice: entry.draft.invoice, print: entry.isActive(.print), xml: entry.isActive(.xmlOutput),
                    csv: entry.isActive(.csvOutput))
            }
            let rendered = parallel.map(requests) { render($0, rounding: rounding) }
            for (entry, document) in zip(slice, rendered) {
                let invoice = entry.draft.invoice
                do {
                    for file in document.files { try folder.write(file) }
                    if let text = document.printText {
                        if combined == nil { combined = try folder.appending(to: "print.txt") }
                        try combined?.append((printed.isEmpty ? "" : "\u{0C}") + text.dropLast())
                        printed.append(invoice.number)
                    }
                    notes += document.notes
                    if let failure = document.failure { errors.append("\(invoice.number): \(failure)") }
                } catch {
                    errors.append("\(invoice.number): \(error)")
                }
                if let rows = document.csvRows { try invoicesCSV.append(rows) }
            }
            progress.update(start + slice.count)
        }
        if let combined {
            try combined.append("\n")
            try folder.finish(combined)
        }
        try folder.finish(invoicesCSV)
        try Self.writeInstallmentSchedules(
            entries.map { (invoice: $0.draft.invoice, active: $0.isActive) }, layouts: layouts, into: &folder,
            errors: &errors)
        // A pro forma posts nothing.
        let posted = drafts.filter { $0.invoice.kind != .proForma }
        let postings =
            posted.flatMap { [$0.posting] + ($0.receiverPosting.map { [$0] } ?? []) } + otherPostings.map(\.posting)
        let postingsCSV = try folder.appending(to: "postings.csv")
        try postingsCSV.append(PostingCSV.render([]))
        for start in stride(from: 0, to: postings.count, by: 1_000) {
            try postingsCSV.append(
                PostingCSV.render(postings[start..<min(start + 1_000, postings.count)], header: false))
        }
        try folder.finish(postingsCSV)
        do {
            try folder.write(try PostingXML.render(postings, runID: runID), to: "postings.xml")
        } catch {
            errors.append("postings.xml: \(error)")
        }
        for (companyCode, documents) in journals(posted, otherPostings) {
            do {
                try folder.write(
                    try layouts.journal(documents, companyCode: companyCode, runID: runID),
                    to: "journal-\(companyCode.id).txt")
            } catch {
                errors.append("journal-\(companyCode.id).txt: \(error)")
            }
        }
        return printed
    }

    /// Documents rendered together before their files are written.
    static let renderSliceSize = 256

    /// One document to render and which of its outputs are active.
    struct DocumentRequest: Sendable {
        let invoice: Invoice
        let print: Bool
        let xml: Bool
        let csv: Bool
    }

    /// A document's files, rendered and hashed, and its print text for the combined print file.
    /// A rendering that fails keeps the files made before it, as writing them one by one did.
    struct RenderedDocument: Sendable {
        var files: [RenderedFile] = []
        var printText: String?
        /// The document's rows of the run's `invoices.csv`.
        var csvRows: String?
        /// What the outputs changed without failing: characters folded into an EDI repertoire.
        var notes: [String] = []
        var failure: String?
    }

    /// Renders one document's outputs as its functions ask: print (with its spool copy), canonical
    /// XML, and the e-invoice formats of its buyer.
    private func render(_ request: DocumentRequest, rounding: RoundingRule) -> RenderedDocument {
        let invoice = request.invoice
        var document = RenderedDocument()
        if request.csv { document.csvRows = InvoiceCSV.render([invoice], header: false) }
        do {
            if request.print {
                let own = layouts.layouts(forCompanyCode: invoice.seller.id)
                let text = try own.render(InvoicePrintModelBuilder(layouts: own).model(invoice))
                let file = RenderedFile(text, to: "invoices/\(invoice.number).txt")
                document.files.append(file)
                // The account's print spool folder, for a print server that watches it.
                document.files.append(file.copy(to: "spool/\(Self.fileName(invoice.buyer.id))/\(invoice.number).txt"))
                document.printText = text
            }
            if request.xml {
                document.files.append(
                    RenderedFile(try InvoiceXML.render(invoice), to: "invoices/\(invoice.number).xml"))
            }
            // A pro forma is no invoice: no e-invoice is made of it.
            for format in invoice.buyer.invoiceFormats where invoice.kind != .proForma {
                let check = EN16931Check(rounding: rounding)
                let name = "\(invoice.number).\(format.fileSuffix)"
                let interchange: EDIInterchange?
                switch format {
                case .edifact: interchange = try EDIFACTInvoic.interchange(invoice, check: check)
                case .x12: interchange = try X12Invoice810.interchange(invoice, check: check)
                case .ubl, .cii: interchange = nil
                }
                document.notes += interchange?.folded.map { "\(name): folded \($0)" } ?? []
                document.files.append(
                    RenderedFile(
                        bytes: try interchange?.bytes ?? format.encoded(invoice, check: check), to: "invoices/\(name)"))
            }
        } catch {
            document.failure = "\(error)"
        }
        return document
    }

    /// `name` (an account id from imported data) made safe as one path component: letters,
    /// digits, `-`, `_` and inner dots stay, anything else becomes `_`.
    static func fileName(_ name: String) -> String {
        let safe = String(
            name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        return safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe
    }

    /// The run's FI documents per company code (in run order within each), for the posting journals.
    private func journals(
        _ drafts: [InvoiceDraft], _ others: [(posting: FIDocument, company: CompanyCode)]
    ) -> [(CompanyCode, [FIDocument])] {
        var byCode: [String: (CompanyCode, [FIDocument])] = [:]
        let sellers = Dictionary(
            drafts.map { ($0.invoice.seller.id, $0.invoice.seller) }, uniquingKeysWith: { a, _ in a })
        for draft in drafts {
            let seller = draft.invoice.seller
            byCode[seller.id, default: (seller, [])].1.append(draft.posting)
            // The selling company code's side of an intercompany invoice: a customer invoice of
            // it is in the same run, so its company code is known.
            if let receiver = draft.receiverPosting, let company = sellers[receiver.companyCode] {
                byCode[company.id, default: (company, [])].1.append(receiver)
            }
        }
        for (posting, company) in others {
            byCode[company.id, default: (company, [])].1.append(posting)
        }
        return byCode.keys.sorted().compactMap { byCode[$0] }
    }
}
