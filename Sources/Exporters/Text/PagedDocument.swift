internal import InvoicingCore

/// A print model whose items are cut into pages when it is rendered.
protocol PagedDocument {
    /// The template that lays out one page of the document.
    var templateName: String { get }
    /// The page size.
    var page: PageSettings { get }
    /// The rows of each item; an item's rows stay on one page.
    var itemRows: [[PrintRow]] { get }
    /// For each page but the last, whose items end before `pageEnds[i]`: the rows at the foot of
    /// page `i + 1` and at the top of page `i + 2`, the totals so far carried and brought
    /// forward. One pass over the items for all pages, so a long document stays linear.
    func forwardRows(pageEnds: [Int]) -> [(carried: PrintRow, brought: PrintRow)]
    /// The page footer's text with "Page n of m".
    func footer(page: Int, of count: Int) -> String
    /// Every stored property by name, as the templates see it: rows (alone or in lists) as
    /// template rows, anything else as it is. Written out rather than read by reflection, which
    /// cost more than a page's own rendering; a test checks the names against `Mirror`'s.
    var templateFields: [String: Any] { get }
}

extension InvoicePrintModel: PagedDocument {
    var templateName: String { kind.templateName }

    var itemRows: [[PrintRow]] { items.map(\.rows) }

    func forwardRows(pageEnds: [Int]) -> [(carried: PrintRow, brought: PrintRow)] {
        let builder = InvoicePrintModelBuilder(page: self.page)
        var sum = Money.zero(currency)
        var summed = 0
        return pageEnds.enumerated().map { index, end in
            // Item amounts are net line amounts of one invoice: their sum is its net total, which fits.
            for item in items[summed..<end] { sum = (try? sum.adding(item.amount)) ?? sum }
            summed = end
            return (
                builder.total("\(language.label("carriedForward")) \(index + 2)", sum, language: language),
                builder.total("\(language.label("broughtForward")) \(index + 1)", sum, language: language)
            )
        }
    }

    func footer(page: Int, of count: Int) -> String {
        TextColumns.spread(footerText, language.pageOf(page, count), self.page.width)
    }

    var templateFields: [String: Any] {
        [
            "kind": kind, "page": page, "labels": labels, "title": title, "marks": TemplateRow.rows(marks),
            "simulated": simulated, "pageHeader": pageHeader, "seller": TemplateRow.rows(seller),
            "sellerLine": sellerLine, "buyer": TemplateRow.rows(buyer), "header": TemplateRow.rows(header),
            "columnHeader": columnHeader, "rule": rule, "items": items, "netTotal": TemplateRow(text: netTotal.text),
            "taxes": TemplateRow.rows(taxes), "grossTotal": TemplateRow(text: grossTotal.text),
            "deductions": TemplateRow.rows(deductions), "closing": TemplateRow.rows(closing), "footerText": footerText,
            "language": language, "currency": currency,
        ]
    }
}

extension PrintLanguage {
    /// `Page 2 of 3`, `Seite 2 von 3`.
    func pageOf(_ page: Int, _ count: Int) -> String {
        "\(label("page")) \(page) \(label("of")) \(count)"
    }
}
