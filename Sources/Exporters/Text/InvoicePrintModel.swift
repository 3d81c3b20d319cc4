public import InvoicingCore

/// Everything the print layout of an invoice, credit memo, debit memo, cancellation or
/// preliminary invoice shows, already formatted and aligned; the template only places it.
///
/// `InvoicePrintModelBuilder` makes it; tests check it apart from the text. Pages are cut later,
/// when the layout is rendered (`PrintLayouts.render`), because only then is it known how many
/// lines the company's own letterhead and footer take.
public struct InvoicePrintModel: Sendable {
    /// Width of the standard layout in characters.
    public static let width = PageSettings.standard.width

    /// One formatted line of the layout.
    public typealias Row = PrintRow

    /// One line item: its rows (the item line, the rest of a wrapped description, its price
    /// conditions) never split across pages, and the amount it adds to the totals carried forward.
    public struct Item: Sendable, Hashable {
        /// The rows of the item, printed together.
        public var rows: [Row]
        /// The item's net amount (base amount plus its conditions).
        public var amount: Money
    }

    /// What kind of document this is; it picks the template and the fixed texts.
    public var kind: PrintDocumentKind
    /// The page the layout is made for.
    public var page: PageSettings
    /// The fixed texts of the buyer's language as this kind of document uses them, by key.
    public var labels: [String: String]
    /// The document's title, e.g. `INVOICE` or `GUTSCHRIFT`.
    public var title: String
    /// The marks of this print: ORIGINAL, COPY 2 with its print date, DUPLICATE, PRELIMINARY, CANCELLED.
    public var marks: [Row]
    /// Whether the invoice comes from a simulation run and must be marked as not valid for payment.
    public var simulated: Bool
    /// The line at the top of every page: title and number on the left, the marks on the right.
    public var pageHeader: String
    /// The seller's address, right-aligned for the letterhead.
    public var seller: [Row]
    /// The seller's address on one line, shown above the buyer's address.
    public var sellerLine: String
    /// The buyer's address lines.
    public var buyer: [Row]
    /// The document number, dates, account, payment terms and the buyer's VAT ID, each with its label.
    public var header: [Row]
    /// The headings of the item table's columns.
    public var columnHeader: String
    /// A dashed rule across the full width.
    public var rule: String
    /// The line items, in order.
    public var items: [Item]
    /// The net total, aligned with the line amounts.
    public var netTotal: Row
    /// One row per tax subtotal: rate, taxable amount and tax.
    public var taxes: [Row]
    /// The gross total: due, credited or cancelled, by kind.
    public var grossTotal: Row
    /// The advance and prepayment invoices a final invoice deducts, and the amount still due;
    /// empty on other documents.
    public var deductions: [Row] = []
    /// The closing block: where and how to pay for an invoice, the refund note for a credit memo.
    public var closing: [Row]
    /// The seller's name and VAT ID, left in the footer of every page.
    public var footerText: String
    /// The language the model is formatted in, for the rows made when pages are cut.
    let language: PrintLanguage
    /// The currency of every amount, for the totals carried forward.
    let currency: Currency

    /// Every row of the item table, as one list.
    public var lines: [Row] { items.flatMap(\.rows) }

    /// Builds the model of `invoice` in the buyer's language on the standard page, as an original.
    public init(_ invoice: Invoice) {
        self = InvoicePrintModelBuilder().model(invoice)
    }

    init(
        kind: PrintDocumentKind, page: PageSettings, labels: [String: String], title: String, marks: [Row],
        simulated: Bool, pageHeader: String, seller: [Row], sellerLine: String, buyer: [Row], header: [Row],
        columnHeader: String, items: [Item], netTotal: Row, taxes: [Row], grossTotal: Row, closing: [Row],
        footerText: String, language: PrintLanguage, currency: Currency
    ) {
        self.kind = kind
        self.page = page
        self.labels = labels
        self.title = title
        self.marks = marks
        self.simulated = simulated
        self.pageHeader = pageHeader
        self.seller = seller
        self.sellerLine = sellerLine
        self.buyer = buyer
        self.header = header
        self.columnHeader = columnHeader
        self.rule = TextColumns.repeated(UInt8(ascii: "-"), page.width)
        self.items = items
        self.netTotal = netTotal
        self.taxes = taxes
        self.grossTotal = grossTotal
        self.closing = closing
        self.footerText = footerText
        self.language = language
        self.currency = currency
    }
}
