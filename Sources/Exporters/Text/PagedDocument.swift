internal import InvoicingCore

/// A print model whose items are cut into pages when it is rendered.
protocol PagedDocument {
    /// The template that lays out one page of the document.
    var templateName: String { get }
    /// The page size.
    var page: PageSettings { get }
    /// The rows of each item; an item's rows stay on one page.
    var itemRows: [[PrintRow]] { get }
    /// The rows at the foot of page `page`, whose last item is `itemCount - 1`, and at the top of
    /// the next page: the totals so far, carried forward and brought forward.
    func forwardRows(itemCount: Int, page: Int) -> (carried: PrintRow, brought: PrintRow)
    /// The page footer's text with "Page n of m".
    func footer(page: Int, of count: Int) -> String
}

extension InvoicePrintModel: PagedDocument {
    var templateName: String { kind.templateName }

    var itemRows: [[PrintRow]] { items.map(\.rows) }

    func forwardRows(itemCount: Int, page: Int) -> (carried: PrintRow, brought: PrintRow) {
        var sum = Money.zero(currency)
        // Item amounts are net line amounts of one invoice: their sum is its net total, which fits.
        for item in items[..<itemCount] { sum = (try? sum.adding(item.amount)) ?? sum }
        let builder = InvoicePrintModelBuilder(page: self.page)
        return (
            builder.total("\(language.label("carriedForward")) \(page + 1)", sum, language: language),
            builder.total("\(language.label("broughtForward")) \(page)", sum, language: language)
        )
    }

    func footer(page: Int, of count: Int) -> String {
        TextColumns.spread(footerText, language.pageOf(page, count), self.page.width)
    }
}

extension PrintLanguage {
    /// `Page 2 of 3`, `Seite 2 von 3`.
    func pageOf(_ page: Int, _ count: Int) -> String {
        "\(label("page")) \(page) \(label("of")) \(count)"
    }
}
