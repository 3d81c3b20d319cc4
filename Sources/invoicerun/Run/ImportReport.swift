import Foundation
import Importers
import InvoiceStore
import InvoicingCore

/// What an import stored and what it refused, per file.
struct ImportReport {
    /// One input file as the manifest records it.
    struct File: Encodable {
        var file: String
        var sha256: String
        var content: String
        var records: Int
        var refused: Int
        var refusedWhole: Bool
    }

    var files: [File] = []
    /// Files skipped because the same content was imported before (the processed-file ledger).
    var skipped: [(file: String, firstImportedAs: String)] = []
    /// Each file's summary, with the lines of every refused record, for the rejects files.
    var summaries: [ImportBatch.FileSummary] = []
    var diagnostics: [ImportDiagnostic] = []
    var masterDataRecords = 0
    var configuration: String?
    var documentsImported = 0

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// `1 source document`, `2 source documents`: the counts users read in summaries.
    var counts: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "\(count(masterDataRecords, "master data record")), \(count(documentsImported, "source document"))"
    }
}

extension ImportReport {
    /// Reads `paths`, stores what is good in dependency order (configuration, master data, then
    /// documents whose account and company code exist), and reports the rest.
    ///
    /// - Parameter allOrNothing: a file with any refused record is refused whole.
    static func importing(
        _ paths: [String], into store: InvoiceStore, importer: InputImporter, allOrNothing: Bool = false,
        mapping: PartnerMapping? = nil
    ) throws -> ImportReport {
        var report = ImportReport()
        // The ledger: content imported before is skipped, said aloud, so a second drop is a no-op.
        var expansionProblems: [ImportDiagnostic] = []
        let expanded = importer.expand(paths, diagnostics: &expansionProblems, partnerFolders: mapping != nil)
        // Document files are hashed on a thread of their own while they are read and stored, not
        // before (hashing a large file took a tenth of its import). Those after the last other
        // file are judged against the ledger at the end of their own transaction, which is rolled
        // back for content seen before; the rest are judged here, in path order, as all files were.
        let holdsDocuments = expanded.map { importer.holdsDocuments($0, mapping: mapping) }
        let hashing = ContentHashing(zip(expanded, holdsDocuments).filter(\.1).map(\.0))
        let judgedLater = (holdsDocuments.lastIndex(of: false) ?? -1) + 1
        var ledger = Ledger()
        var fresh: [String] = []
        for (path, isDocumentFile) in zip(expanded, holdsDocuments).prefix(judgedLater) {
            let hash = isDocumentFile ? hashing.hash(of: path) : OutputFolder.sha256(ofFile: path)
            if let first = try ledger.firstImport(of: hash, path: path, processed: store.processedFile(sha256:)) {
                report.skipped.append((path, first))
            } else {
                fresh.append(path)
            }
        }
        // Configuration and master data first, whatever the files' order; then each document file
        // is read, checked and stored on its own, so memory holds one file's documents at a time.
        let documentFiles = fresh.filter { importer.holdsDocuments($0, mapping: mapping) }
        let isDocumentFile = Set(documentFiles)
        let documentFilesJudgedLater = Array(expanded[judgedLater...])
        let otherFiles = fresh.filter { !isDocumentFile.contains($0) }
        // The first document file is read from now on, on a thread of its own, while this one
        // reads and stores the master data: the two files' work overlaps on the two cores. Its
        // documents wait in the channel (up to its head start) and are checked against the
        // master data, and stored, once that is stored, as if the file were read only then.
        let lateReferences = LateReferences()
        var readAhead = (documentFiles.first ?? documentFilesJudgedLater.first).map { file in
            (
                file: file,
                channel: Self.startReading(
                    file, importer: importer, options: (allOrNothing, mapping), references: lateReferences,
                    headStart: Self.headStartChunks)
            )
        }
        let references: DocumentReferenceCheck.References
        do {
            let batch =
                otherFiles.isEmpty
                ? ImportBatch()
                : importer.read(
                    otherFiles, allOrNothing: allOrNothing, mapping: mapping,
                    storedMilestonePlans: try store.milestonePlans())
            report.diagnostics = expansionProblems + batch.diagnostics
            report.summaries = batch.files
            if let configuration = batch.configuration {
                try store.saveConfiguration(json: configuration.json, sourceFile: configuration.file)
                report.configuration = configuration.file
            }
            if batch.masterData.count > 0 { try store.save(batch.masterData) }
            report.masterDataRecords = batch.masterData.count
            let stored = try store.accountCompanies()
            references = DocumentReferenceCheck.References(
                companyCodes: stored.companyCodes, accountCompanies: stored.accounts)
        } catch {
            if let readAhead {
                readAhead.channel.cancel()
                _ = readAhead.channel.result()  // the reader reads on to the end, dropping; never left running
            }
            throw error
        }
        lateReferences.set(references)
        /// The channel of `file` if it is the one read ahead (taken once), else nil.
        func started(_ file: String) -> DocumentChannel<ReadDocument>? {
            guard let ahead = readAhead, ahead.file == file else { return nil }
            readAhead = nil
            return ahead.channel
        }
        for file in documentFiles {
            try report.stream(
                file, into: store, importer: importer, references: references, options: (allOrNothing, mapping),
                started: started(file))
        }
        for file in documentFilesJudgedLater {
            try report.stream(
                file, into: store, importer: importer, references: references, options: (allOrNothing, mapping),
                started: started(file)
            ) { session in
                let hash = hashing.hash(of: file)
                return try ledger.firstImport(of: hash, path: file, processed: session.processedFile(sha256:))
            }
        }
        report.files = report.summaries.map { summary in
            File(
                file: summary.path, sha256: ledger.hashes[summary.path] ?? "", content: summary.content,
                records: summary.records, refused: summary.rejectedWhole ? summary.records : summary.refused,
                refusedWhole: summary.rejectedWhole)
        }
        // Only files imported whole: one with refusals may go in once what it lacked (master data) arrives.
        try store.recordProcessedFiles(
            report.files.filter { !$0.refusedWhole && $0.refused == 0 }.map { ($0.sha256, $0.file, "imported") })
        return report
    }

    /// Reads one document file and stores each document as soon as it is complete, in one
    /// transaction for the file, so memory holds one document at a time whatever the file's size.
    /// A document whose account or company code does not exist, or whose id is stored already,
    /// is refused with its lines. The transaction rolls back when the file is refused whole (not
    /// well-formed, or any refusal under all-or-nothing).
    ///
    /// - Parameter firstImport: judges the file against the ledger once it is read, inside its
    ///   transaction: the path it was first imported under, or nil. A file seen before is
    ///   rolled back and reported as skipped, as if it had not been read.
    /// - Parameter started: the file's channel when its reading was started earlier.
    private mutating func stream(
        _ file: String, into store: InvoiceStore, importer: InputImporter,
        references: DocumentReferenceCheck.References,
        options: (allOrNothing: Bool, mapping: PartnerMapping?),
        started: DocumentChannel<ReadDocument>? = nil,
        firstImport: ((DocumentImportSession) throws -> String?)? = nil
    ) throws {
        var refused: [Refusal] = []
        var imported = 0
        let channel =
            started
            ?? Self.startReading(
                file, importer: importer, options: options, references: LateReferences(references), headStart: 0)
        let read: ImportBatch
        let whole: Bool
        let skippedAs: String?
        do {
            var progress = Progress("importing \((file as NSString).lastPathComponent)", unit: "documents")
            defer { progress.finish() }
            (read, whole, skippedAs) = try Self.store(
                channel, into: store, references: references, allOrNothing: options.allOrNothing,
                refused: &refused, imported: &imported, firstImport: firstImport, progress: &progress)
        } catch {
            channel.cancel()
            _ = channel.result()  // the reader reads on to the end, dropping; it is never left running
            throw error
        }
        if let skippedAs {
            skipped.append((file, skippedAs))
            return
        }
        diagnostics += read.diagnostics
        summaries += read.files
        for refusal in refused {
            diagnostics.append(
                ImportDiagnostic(
                    file: refusal.file, line: refusal.line, column: 1, field: refusal.field, message: refusal.message,
                    value: refusal.value))
            reject(refusal.lines, in: file, whole: false)
        }
        if whole {
            reject([], in: file, whole: true)
            if imported > 0 {
                diagnostics.append(
                    ImportDiagnostic(
                        file: file, line: 0, column: 0,
                        message:
                            "\(imported) good document\(imported == 1 ? "" : "s") not imported: the file is refused whole"
                            + (options.allOrNothing ? " (all or nothing)" : "")))
            }
        } else {
            documentsImported += imported
        }
    }

    /// Chunks of documents a file read ahead of the master data's storing may hold waiting
    /// (256 documents a chunk): 49,152 documents, 1.1 s of reading canonical XML, where an
    /// import of 100,000 contract accounts takes 0.9 s to read and store them on a quiet
    /// machine (with 128 chunks the reader waited 0.18 s for it). The bound keeps memory flat
    /// whatever the file's size.
    static let headStartChunks = 192

    /// Starts reading `file` on a thread of its own; returns the channel its documents come
    /// through.
    ///
    /// Each document is also checked against the master data and encoded for the store, by
    /// whichever thread is ahead: the reading one while the store has half the queue waiting
    /// (and the references are known), the storing one otherwise. Canonical CSV reads about as
    /// fast as it stores, so the work moves to and fro and the two cores stay busy; XML (parsed
    /// and validated) and partner layouts read slower than they store and leave it to the store.
    private static func startReading(
        _ file: String, importer: InputImporter, options: (allOrNothing: Bool, mapping: PartnerMapping?),
        references: LateReferences, headStart: Int
    ) -> DocumentChannel<ReadDocument> {
        let prepareWhileReading = options.mapping == nil && (file as NSString).pathExtension.lowercased() == "csv"
        let channel = DocumentChannel<ReadDocument>(headStart: headStart)
        let reader = Thread {
            // Asked for only until known: they never change once set.
            var known: DocumentReferenceCheck.References?
            channel.finish(
                importer.read([file], allOrNothing: options.allOrNothing, mapping: options.mapping) { event in
                    if prepareWhileReading && channel.consumerIsBehind {
                        if known == nil { known = references.value }
                        if let known {
                            channel.put(Self.prepared(event, references: known))
                            return
                        }
                    }
                    channel.put(.read(event))
                })
        }
        reader.stackSize = 8 << 20  // as the main thread: decoding recurses through XML records
        reader.start()
        return channel
    }

    /// A document as the reading thread hands it to the storing one.
    private enum ReadDocument: Sendable {
        /// As the decoder handed it on, to be checked and encoded by the storing thread.
        case read(SourceDocumentDecoder.Event)
        /// Checked against the master data and encoded, with the first line of each of its records.
        case checked(EncodedSourceDocument, lines: [Int])
        /// Refused by the check against the master data.
        case refused(Refusal)
        /// Handed on earlier and found incomplete: take it back (see `SourceDocumentDecoder.Event`).
        case withdrawn(id: String)
    }

    /// Checks a document read against the master data and encodes it for the store, on the
    /// reading thread.
    private static func prepared(_ event: SourceDocumentDecoder.Event, references: DocumentReferenceCheck.References)
        -> ReadDocument
    {
        switch event {
        case .withdrawn(let id):
            return .withdrawn(id: id)
        case .document(let decoded):
            let document = decoded.document
            if let problem = DocumentReferenceCheck.problem(document, references: references) {
                return .refused(
                    (
                        decoded.file, decoded.line, decoded.lines, problem.field,
                        "document \(document.id) refused: \(problem.message)", value(of: problem.field, in: document)
                    ))
            }
            return .checked(
                EncodedSourceDocument(document, origin: .init(file: decoded.file, line: decoded.line)),
                lines: decoded.lines)
        }
    }

    /// The consuming half of `stream`: stores each document `channel` hands over, in one
    /// transaction, and commits unless the file is refused whole or `firstImport` finds it
    /// imported before; returns the file's batch, whether it was refused whole, and where it
    /// was first imported from when it is skipped.
    private static func store(
        _ channel: DocumentChannel<ReadDocument>, into store: InvoiceStore,
        references: DocumentReferenceCheck.References, allOrNothing: Bool,
        refused: inout [Refusal], imported: inout Int, firstImport: ((DocumentImportSession) throws -> String?)?,
        progress: inout Progress
    ) throws -> (batch: ImportBatch, refusedWhole: Bool, skippedAs: String?) {
        try store.importingDocuments { session in
            while let chunk = channel.take() {
                for handedOver in chunk {
                    var event = handedOver
                    if case .read(let read) = event { event = Self.prepared(read, references: references) }
                    switch event {
                    case .read: preconditionFailure("prepared above")
                    case .checked(let encoded, let lines):
                        if let refusal = try session.insert(encoded) {
                            refused.append(
                                (
                                    refusal.origin.file, refusal.origin.line, lines, "document_id", refusal.message,
                                    encoded.id
                                ))
                        } else {
                            imported += 1
                        }
                    case .refused(let refusal):
                        refused.append(refusal)
                    case .withdrawn(let id):
                        if try session.withdraw(id) { imported -= 1 }
                    }
                }
                progress.update(imported)
            }
            let read = channel.result()
            if let first = try firstImport?(session) { return ((read, false, first), keep: false) }
            let refusedWhole =
                read.files.contains(where: \.rejectedWhole)
                || (allOrNothing && (!refused.isEmpty || read.files.contains(where: \.hasRejections)))
            return ((read, refusedWhole, nil), keep: !refusedWhole)
        }
    }

    /// A document refused after decoding, with every line it covers.
    private typealias Refusal = (file: String, line: Int, lines: [Int], field: String, message: String, value: String)

    /// The document's value of a field a refusal names, for the error report.
    private static func value(of field: String, in document: SourceDocument) -> String {
        switch field {
        case "account": return document.account
        case "company_code": return document.companyCode
        default: return document.id
        }
    }

    /// Marks records of `file` refused after decoding (by the store or the reference check).
    private mutating func reject(_ lines: [Int], in file: String, whole: Bool) {
        guard let index = summaries.firstIndex(where: { $0.path == file }) else { return }
        summaries[index].rejectedLines.formUnion(lines)
        if whole { summaries[index].rejectedWhole = true }
    }
}

/// The references documents are checked against, known once the master data is stored: a file
/// read ahead of that hands its documents on unchecked until then.
private final class LateReferences: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var references: DocumentReferenceCheck.References?

    /// References not known yet.
    init() {}

    /// References known from the start.
    init(_ references: DocumentReferenceCheck.References) {
        self.references = references
    }

    /// The references, once set.
    var value: DocumentReferenceCheck.References? {
        lock.withLock { references }
    }

    /// Sets the references, once the master data is stored.
    func set(_ references: DocumentReferenceCheck.References) {
        lock.withLock { self.references = references }
    }
}

/// The processed-file ledger as one import judges it: content hashed, and the first path of
/// each content in this import, judged in path order.
private struct Ledger {
    /// Content hashes of the files found fresh, by path.
    private(set) var hashes: [String: String] = [:]
    private var firstPathWithHash: [String: String] = [:]

    /// Where content `hash` was imported before (`processed`, the stored ledger) or first seen in
    /// this import; nil when `path` is fresh, which it is then recorded as.
    mutating func firstImport(
        of hash: String, path: String, processed: (String) throws -> String?
    ) rethrows -> String? {
        if let first = try processed(hash) ?? firstPathWithHash[hash] { return first }
        hashes[path] = hash
        firstPathWithHash[hash] = path
        return nil
    }
}
