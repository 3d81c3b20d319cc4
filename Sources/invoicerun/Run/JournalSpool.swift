import Exporters
import InvoicingCore

/// One company code's posting journal of a run, gathered as the run posts: each FI document's
/// rows go to a spool, and only their count, currency and sums stay in memory, so the journal of
/// a million-item run is paginated and written without holding its documents.
final class JournalSpool {
    let company: CompanyCode
    private let builder: PostingJournalBuilder
    private let rows: Spool
    /// The documents as journal items without their rows (kept in `rows`), and their row counts.
    private var items: [PostingJournalModel.Item] = []
    private var heights: [Int] = []
    private var postingDates: Set<CalendarDate> = []

    init(company: CompanyCode, layouts: PrintLayoutLibrary, in folder: String) throws {
        self.company = company
        builder = layouts.journalBuilder(company)
        rows = try Spool(in: folder, name: "journal-\(RunOutputs.fileName(company.id))")
    }

    /// Adds `document`, one of the company code's FI documents, after those added before.
    func add(_ document: FIDocument) throws {
        var item = builder.item(document)
        // Each row as its length in bytes, a colon and its text: a text may hold a line feed.
        for row in item.rows { try rows.append("\(row.text.utf8.count):\(row.text)") }
        heights.append(item.rows.count)
        item.rows = []
        items.append(item)
        postingDates.insert(document.postingDate)
    }

    /// Renders the journal, page by page, into `file`.
    func write(runID: String, layouts: PrintLayoutLibrary, into file: AppendingFile) throws {
        let model = builder.model(items: items, postingDates: postingDates, companyCode: company, runID: runID)
        var reader = try rows.reader()
        // Reading and writing fail rarely; the first failure is kept and thrown after the pages.
        var failure: (any Error)?
        func readRows(_ range: Range<Int>) -> [PrintRow] {
            var read: [PrintRow] = []
            do {
                for _ in 0..<heights[range].reduce(0, +) {
                    let digits = try reader.bytes(until: UInt8(ascii: ":")) ?? []
                    let length = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                    read.append(PrintRow(text: String(decoding: try reader.next(length), as: UTF8.self)))
                }
            } catch {
                failure = failure ?? error
            }
            return read
        }
        try layouts.layouts(forCompanyCode: company.id).render(
            model, itemHeights: heights, rows: readRows,
            write: { text in
                do {
                    try file.append(text)
                } catch {
                    failure = failure ?? error
                }
            })
        rows.discard()
        if let failure { throw failure }
    }
}
