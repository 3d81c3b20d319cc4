import Dispatch
import Exporters
import InvoicingCore
import Synchronization

/// The run's FI posting files (`postings.csv`, `postings.xml`), the posting journal of each
/// company code (gathered in spools, paginated at the end) and the numbers of the FI documents
/// posted, written on a thread of their own: the thread that writes a run's documents in order
/// was the run's bottleneck, and the postings are a sequence of their own that needs nothing of
/// it but the drafts.
///
/// Windows of drafts are added in run order and written in that order, one at a time, so the
/// files are the same bytes as written in line. At most `capacity` windows wait. The first error
/// stops the writing; the next ``add(_:)`` or ``finish(otherPostings:closing:)`` throws it.
final class PostingFiles: @unchecked Sendable {
    private let queue = DispatchQueue(label: "invoicerun postings")
    private let slots: DispatchSemaphore
    private let failure = Mutex<(any Error)?>(nil)
    // Touched on `queue` only, or once ``finish(otherPostings:closing:)`` has waited for it.
    private let csv: AppendingFile
    private let xml: AppendingFile
    /// nil once a document could not be written as XML: the file is then left out.
    private var stream: PostingXML.Stream?
    private let layouts: PrintLayoutLibrary
    private let folder: String
    /// The posting journal of each company code, its FI documents in run order.
    private(set) var journals: [String: JournalSpool] = [:]
    /// The company codes that sold in this run, for the receiving side of intercompany invoices.
    private var sellers: [String: CompanyCode] = [:]
    /// Numbers of the FI documents posted and not held (their delivery lines become 80 once the
    /// posting files are out), one per line, in a spool beside the run's folder.
    let ledgerPostings: Spool
    /// What could not be written without stopping the run (a document XML does not allow).
    private(set) var errors: [String] = []

    /// Posting files opened in the run's `folder` (`csv`, `xml`), with journals and the spool of
    /// posted numbers beside it.
    init(
        csv: AppendingFile, xml: AppendingFile, runID: String, layouts: PrintLayoutLibrary, folder: OutputFolder,
        capacity: Int = 4
    ) throws {
        self.csv = csv
        self.xml = xml
        self.layouts = layouts
        self.folder = folder.writeRoot
        slots = DispatchSemaphore(value: capacity)
        ledgerPostings = try Spool(in: OutputFolder.parent(of: folder.writeRoot), name: "posted")
        try csv.append(PostingCSV.render([]))
        do {
            stream = try PostingXML.Stream(runID: runID)
        } catch {
            errors.append("postings.xml: \(error)")
        }
    }

    /// Queues the postings of `drafts` (a window's documents, in run order; a pro forma posts
    /// nothing), waiting while `capacity` windows wait already.
    func add(_ drafts: [InvoiceDraft]) throws {
        if let failure = failure.withLock({ $0 }) { throw failure }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure.withLock({ $0 }) == nil else { return }
            do {
                try write(drafts)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits until every window queued is written; throws the first error met. After it the
    /// caller may use the files itself.
    private func drain() throws {
        queue.sync {}
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    private func write(_ drafts: [InvoiceDraft]) throws {
        let posted = drafts.filter { $0.invoice.kind != .proForma }
        for draft in posted {
            let seller = draft.invoice.seller
            if sellers[seller.id] == nil { sellers[seller.id] = seller }
            try journal(of: seller).add(draft.posting)
            // The selling company code's side of an intercompany invoice: the customer invoice
            // it belongs to came before it, so its company code is known.
            if let receiver = draft.receiverPosting, let company = sellers[receiver.companyCode] {
                try journal(of: company).add(receiver)
            }
        }
        try post(posted.flatMap { [$0.posting] + ($0.receiverPosting.map { [$0] } ?? []) })
        for posting in posted.map(\.posting) where !posting.held && !posting.number.isEmpty {
            try ledgerPostings.append(posting.number + "\n")
        }
    }

    /// Waits for the windows queued, then adds `otherPostings`, FI documents of the run that
    /// belong to no invoice (rebate accrual catch-ups), each to its company code's journal, and
    /// closes the posting files: the CSV, and the XML unless it was left out. The journals and
    /// `errors` are complete after it.
    func finish(
        otherPostings: [(posting: FIDocument, company: CompanyCode)], closing folder: inout OutputFolder
    ) throws {
        try drain()
        for (posting, company) in otherPostings { try journal(of: company).add(posting) }
        try post(otherPostings.map(\.posting))
        try folder.finish(csv)
        if var stream {
            try xml.append(stream.finish())
            try folder.finish(xml)
        }
    }

    /// Lets the journals go, with their spools (before the run's folder is published).
    func discardJournals() {
        journals = [:]
    }

    /// The posting journal of `company`, begun on its first FI document.
    private func journal(of company: CompanyCode) throws -> JournalSpool {
        if let journal = journals[company.id] { return journal }
        let journal = try JournalSpool(company: company, layouts: layouts, in: folder)
        journals[company.id] = journal
        return journal
    }

    /// Appends `postings` to the posting files.
    private func post(_ postings: [FIDocument]) throws {
        guard !postings.isEmpty else { return }
        try csv.append(PostingCSV.render(postings, header: false))
        do {
            if let part = try stream?.add(postings) { try xml.append(part) }
        } catch {
            errors.append("postings.xml: \(error)")
            stream = nil
        }
    }
}
