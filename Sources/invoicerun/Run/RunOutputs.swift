import Exporters
import Foundation
import InvoicingCore

/// The output files of one run, written a window of documents at a time as the run commits
/// them: each document's print, canonical XML and e-invoices, the combined print file, the
/// spool copies, `invoices.csv`, installment schedules and the FI posting files (written on a
/// thread of their own by ``PostingFiles``). The posting journals are paginated at the end, from
/// spools of their rows.
///
/// A run and a run recovered after a crash both write through here, so both leave the same
/// output set.
final class RunOutputs {
    private(set) var folder: OutputFolder
    let runID: String
    private let rounding: RoundingRule
    private let layouts: PrintLayoutLibrary
    private let parallel: Parallel
    private let invoicesCSV: AppendingFile
    /// Creates each document's files on the worker that rendered it.
    private let creator: FileCreator
    /// The posting files and journals, written on a thread of their own.
    private let postings: PostingFiles
    /// Mass printing: every printed document of the run in one file, each on a new page (as
    /// `PrintLayouts.combine` joins them).
    private var combined: AppendingFile?
    private var installmentsCSV: AppendingFile?
    /// Numbers of the documents printed (for the print log), one per line, in a spool beside the
    /// run's folder: it is read after the folder is published.
    let printed: Spool
    /// Numbers of the FI documents posted and not held (see ``PostingFiles``); read after
    /// ``finish(otherPostings:)``.
    var ledgerPostings: Spool { postings.ledgerPostings }
    var errors: [String] = []
    /// What the outputs changed without failing: characters folded into an EDI repertoire.
    var notes: [String] = []

    /// Opens the run's folder `root` (written whole, published by one rename) and its files
    /// written in parts.
    init(
        root: String, runID: String, rounding: RoundingRule, layouts: PrintLayoutLibrary, parallel: Parallel
    ) throws {
        folder = try OutputFolder(wholeFolder: root)
        guard let creator = folder.creator else { preconditionFailure("a run's folder is written whole") }
        self.creator = creator
        let beside = OutputFolder.parent(of: folder.writeRoot)
        printed = try Spool(in: beside, name: "printed")
        self.runID = runID
        self.rounding = rounding
        self.layouts = layouts
        self.parallel = parallel
        invoicesCSV = try folder.appending(to: "invoices.csv")
        try invoicesCSV.append(InvoiceCSV.render([]))
        postings = try PostingFiles(
            csv: try folder.appending(to: "postings.csv"), xml: try folder.appending(to: "postings.xml"),
            runID: runID, layouts: layouts, folder: folder)
    }

    /// One document to write, with the output functions active for it.
    struct Entry {
        let draft: InvoiceDraft
        let isActive: (InvoicingFunction) -> Bool
    }

    /// Documents rendered together before their files are written.
    static let renderSliceSize = 256

    /// Renders `entries` on every core, a slice at a time so only a slice's bytes are held. Each
    /// document's own files are created by the worker that rendered it (the kernel's part of the
    /// run is spread over the cores too); this thread lists them in order and appends the
    /// documents to the combined print file and `invoices.csv`, and hands their postings to
    /// ``PostingFiles``.
    func write(_ entries: [Entry]) throws {
        for start in stride(from: 0, to: entries.count, by: Self.renderSliceSize) {
            let slice = entries[start..<min(start + Self.renderSliceSize, entries.count)]
            let requests = slice.map { entry in
                DocumentRequest(
                    invoice: entry.draft.invoice, print: entry.isActive(.print), xml: entry.isActive(.xmlOutput),
                    csv: entry.isActive(.csvOutput))
            }
            let rendered = parallel.map(requests) { [layouts, rounding, creator] request in
                var document = Self.render(request, rounding: rounding, layouts: layouts)
                (document.created, document.creationFailure) = creator.create(document.files)
                return document
            }
            for (entry, document) in zip(slice, rendered) {
                let invoice = entry.draft.invoice
                do {
                    for file in document.files.prefix(document.created) { try folder.recordCreated(file) }
                    if let failure = document.creationFailure { throw failure }
                    if let text = document.printText {
                        if combined == nil { combined = try folder.appending(to: "print.txt") }
                        // The page's last newline gives way to the next document's form feed.
                        if printed.count > 0 { try combined?.append("\u{0C}") }
                        try combined?.append(bytes: Array(text.utf8).dropLast())
                        try printed.append(invoice.number + "\n")
                    }
                    notes += document.notes
                    if let failure = document.failure { errors.append("\(invoice.number): \(failure)") }
                } catch {
                    errors.append("\(invoice.number): \(error)")
                }
                if let rows = document.csvRows { try invoicesCSV.append(rows) }
            }
        }
        try writeInstallmentSchedules(entries)
        try postings.add(entries.map(\.draft))
    }

    /// Writes each invoice paid in installments: `installments/NUMBER.txt` (function `PRINT`),
    /// `installments/NUMBER.xml` (`XML_OUTPUT`), and its rows of `installments.csv`
    /// (`CSV_OUTPUT`; the file exists only when some invoice has installments). A schedule that
    /// cannot be rendered is reported in `errors`; the others are written.
    private func writeInstallmentSchedules(_ entries: [Entry]) throws {
        for entry in entries {
            let invoice = entry.draft.invoice
            guard let installments = invoice.installments, !installments.isEmpty else { continue }
            do {
                if entry.isActive(.print) {
                    let own = layouts.layouts(forCompanyCode: invoice.seller.id)
                    let model = InvoicePrintModelBuilder(layouts: own).installmentSchedule(
                        invoice, installments: installments.map { .init(dueDate: $0.dueDate, amount: $0.amount) })
                    try folder.write(try own.render(model), to: "installments/\(invoice.number).txt")
                }
                if entry.isActive(.xmlOutput), let xml = try InstallmentScheduleXML.render(invoice) {
                    try folder.write(xml, to: "installments/\(invoice.number).xml")
                }
            } catch {
                errors.append("installments of \(invoice.number): \(error)")
            }
            if entry.isActive(.csvOutput) {
                if installmentsCSV == nil {
                    installmentsCSV = try folder.appending(to: "installments.csv")
                    try installmentsCSV?.append(InstallmentScheduleCSV.render([]))
                }
                try installmentsCSV?.append(InstallmentScheduleCSV.render([invoice], header: false))
            }
        }
    }

    /// Closes the files written in parts, after `otherPostings` (FI documents of the run that
    /// belong to no invoice, such as rebate accrual catch-ups), and writes the posting journals.
    func finish(otherPostings: [(posting: FIDocument, company: CompanyCode)] = []) throws {
        if let combined {
            try combined.append("\n")
            try folder.finish(combined)
        }
        try folder.finish(invoicesCSV)
        if let installmentsCSV { try folder.finish(installmentsCSV) }
        try postings.finish(otherPostings: otherPostings, closing: &folder)
        errors += postings.errors
        // Each company code's journal is paginated on a core of its own, into a file of its own.
        let journals = postings.journals
        var pending: [(code: String, work: JournalWork)] = []
        for code in journals.keys.sorted() {
            guard let journal = journals[code] else { continue }
            do {
                let file = try folder.appending(to: "journal-\(code).txt")
                pending.append((code, JournalWork(journal: journal, file: file)))
            } catch {
                errors.append("journal-\(code).txt: \(error)")
            }
        }
        let failures = parallel.map(pending.map(\.work)) { [runID, layouts] work in
            work.write(runID: runID, layouts: layouts)
        }
        for ((code, work), failure) in zip(pending, failures) {
            do {
                if let failure { throw failure }
                try folder.finish(work.file)
            } catch {
                errors.append("journal-\(code).txt: \(error)")
            }
        }
        // Their spools go with them, before the folder is published.
        postings.discardJournals()
    }

    /// Writes `text` to `relativePath` in the run's folder.
    func write(_ text: String, to relativePath: String) throws {
        try folder.write(text, to: relativePath)
    }

    /// Lists every file written from now on in `spool` (for the manifest) instead of memory.
    func listOutputs(in spool: JSONArraySpool) {
        folder.outputLog = spool
    }

    /// Opens `relativePath` in the run's folder to be written in parts.
    func appending(to relativePath: String) throws -> AppendingFile {
        try folder.appending(to: relativePath)
    }

    /// Stages `file`, written in parts, with the other outputs.
    func finish(_ file: AppendingFile) throws {
        try folder.finish(file)
    }

    /// Makes every file durable and gives it its final name.
    func publish() throws {
        try folder.publish()
    }

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
        /// How many of `files` a worker put on disk, and why it stopped short of them all.
        var created = 0
        var creationFailure: (any Error)?
    }

    /// One company code's journal and its file, handed to one worker: nothing else touches
    /// either while it writes.
    private struct JournalWork: @unchecked Sendable {
        let journal: JournalSpool
        let file: AppendingFile

        /// Writes the journal into the file; the error if that failed.
        func write(runID: String, layouts: PrintLayoutLibrary) -> (any Error)? {
            do {
                try journal.write(runID: runID, layouts: layouts, into: file)
                return nil
            } catch {
                return error
            }
        }
    }

    /// Renders one document's outputs as its functions ask: print (with its spool copy), canonical
    /// XML, and the e-invoice formats of its buyer.
    private static func render(
        _ request: DocumentRequest, rounding: RoundingRule, layouts: PrintLayoutLibrary
    ) -> RenderedDocument {
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
                document.files.append(file.copy(to: "spool/\(fileName(invoice.buyer.id))/\(invoice.number).txt"))
                document.printText = text
            }
            if request.xml {
                document.files.append(
                    RenderedFile(bytes: try InvoiceXML.renderBytes(invoice), to: "invoices/\(invoice.number).xml"))
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
}
