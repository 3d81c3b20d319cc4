public import InvoicingCore

/// The posting journal of a run for one company code: every FI document with its lines, debit and
/// credit in their own columns, totals per currency; laid out by `Templates/journal.mustache`.
public struct PostingJournalModel: Sendable {
    /// One FI document: its heading row and one row per line, never split across pages.
    public struct Item: Sendable, Hashable {
        /// The rows of the document.
        public var rows: [PrintRow]
        /// The document's currency.
        public var currency: Currency
        /// The sum of the document's debit lines (equal to its credit lines when it balances).
        public var debit: Money
        /// The sum of the document's credit lines.
        public var credit: Money
    }

    /// The page the layout is made for.
    public var page: PageSettings
    /// The fixed texts of the journal's language, by key.
    public var labels: [String: String]
    /// The journal's title.
    public var title: String
    /// The line at the top of every page: title, company code and run.
    public var pageHeader: String
    /// Company code, run and posting date, each with its label.
    public var header: [PrintRow]
    /// The headings of the journal's columns.
    public var columnHeader: String
    /// A dashed rule across the full width.
    public var rule: String
    /// The FI documents, in order.
    public var items: [Item]
    /// One row per currency: the sums of debits and credits, and the number of documents.
    public var totals: [PrintRow]
    /// The company code's name, left in the footer of every page.
    public var footerText: String
    /// The language the model is formatted in, for the rows made when pages are cut.
    let language: PrintLanguage

    /// Every row of the journal's documents, as one list.
    public var lines: [PrintRow] { items.flatMap(\.rows) }

    init(
        page: PageSettings, labels: [String: String], title: String, pageHeader: String, header: [PrintRow],
        columnHeader: String, items: [Item], totals: [PrintRow], footerText: String, language: PrintLanguage
    ) {
        self.page = page
        self.labels = labels
        self.title = title
        self.pageHeader = pageHeader
        self.header = header
        self.columnHeader = columnHeader
        self.rule = TextColumns.repeated(UInt8(ascii: "-"), page.width)
        self.items = items
        self.totals = totals
        self.footerText = footerText
        self.language = language
    }
}

extension PostingJournalModel: PagedDocument {
    var templateName: String { "journal" }

    var templateFields: [String: Any] {
        [
            "page": page, "labels": labels, "title": title, "pageHeader": pageHeader,
            "header": TemplateRow.rows(header),
            "columnHeader": columnHeader, "rule": rule, "items": items, "totals": TemplateRow.rows(totals),
            "footerText": footerText, "language": language,
        ]
    }

    var itemRows: [[PrintRow]] { items.map(\.rows) }

    /// Debit and credit sums carried to the next page; with documents in more than one currency
    /// on the pages before, only the count is carried (sums across currencies mean nothing).
    func forwardRows(pageEnds: [Int]) -> [(carried: PrintRow, brought: PrintRow)] {
        let builder = PostingJournalBuilder(page: self.page, language: language)
        var currencies = Set<Currency>()
        var debit: Int64 = 0
        var credit: Int64 = 0
        var summed = 0
        return pageEnds.enumerated().map { index, itemCount in
            for item in items[summed..<itemCount] {
                currencies.insert(item.currency)
                debit += item.debit.minorUnits
                credit += item.credit.minorUnits
            }
            summed = itemCount
            let currency = currencies.count == 1 ? currencies.first : nil
            func row(_ label: String) -> PrintRow {
                builder.amountRow(
                    "\(label) (\(itemCount) \(language.label("documents")))",
                    debit: currency.map { Money(minorUnits: debit, currency: $0) },
                    credit: currency.map { Money(minorUnits: credit, currency: $0) })
            }
            return (
                row("\(language.label("carriedForward")) \(index + 2)"),
                row("\(language.label("broughtForward")) \(index + 1)")
            )
        }
    }

    func footer(page: Int, of count: Int) -> String {
        TextColumns.spread(footerText, language.pageOf(page, count), self.page.width)
    }
}
