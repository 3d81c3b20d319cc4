internal import Mustache

/// The print layouts: Mustache templates by name, rendered from prepared view models.
///
/// Pure: templates come in as text (see `PrintLayouts+FileSystem.swift` for loading folders).
public struct PrintLayouts: Sendable {
    private let library: MustacheLibrary
    /// The names of the templates that can be rendered.
    public let names: Set<String>
    /// The page the templates are laid out for (`page.json` beside them).
    public let page: PageSettings
    /// Languages from `languages/CODE.json` beside the templates, added to or replacing the built-in ones.
    public let languages: [String: PrintLanguage]

    /// Parses `templates` (name → (file, text)) for `page`; a parse error names the file, line and column.
    public init(
        templates: [String: (file: String, text: String)], page: PageSettings = .standard,
        languages: [String: PrintLanguage] = [:]
    ) throws(TemplateError) {
        var library = MustacheLibrary()
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    file: source.file, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: "template error: \(error.error)")
            } catch {
                throw TemplateError(file: source.file, line: 0, column: 0, message: "template error: \(error)")
            }
        }
        self.library = library
        self.names = Set(templates.keys)
        self.page = try page.validated()
        self.languages = languages
    }

    /// The language for `code`: a language file's, else a built-in one, else English.
    public func language(_ code: String) -> PrintLanguage {
        languages[code] ?? .named(code)
    }

    /// Renders a document in the layout of its kind, cut into pages of `model.page`: every page
    /// has the page header and footer ("Page n of m") and exactly `length` lines; pages follow each
    /// other after a form feed. Trailing spaces are trimmed from every line.
    public func render(_ model: InvoicePrintModel) throws(TemplateError) -> String {
        try renderPages(model)
    }

    /// Renders a posting journal, cut into pages like a document.
    public func render(_ journal: PostingJournalModel) throws(TemplateError) -> String {
        try renderPages(journal)
    }

    /// Renders a posting journal whose items' rows are kept elsewhere (`itemHeights` gives how
    /// many each has, `rows` the rows of a range of items, asked in order), handing out each
    /// page in order: a form feed then the page for every page after the first, and the final
    /// newline last. The pieces, joined, are what `render(_:)` makes of the whole journal.
    public func render(
        _ journal: PostingJournalModel, itemHeights: [Int], rows: (Range<Int>) -> [PrintRow],
        write: (String) -> Void
    ) throws(TemplateError) {
        var first = true
        try renderPages(journal, itemHeights: itemHeights, rows: rows) { page in
            write(first ? page : "\u{0C}" + page)
            first = false
        }
        write("\n")
    }

    /// Joins rendered documents into one file for mass printing: each starts on a new page.
    public static func combine(_ documents: [String]) -> String {
        documents.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: "\u{0C}") + "\n"
    }

    func renderPages(_ document: some PagedDocument) throws(TemplateError) -> String {
        let items = document.itemRows
        var pages: [String] = []
        try renderPages(
            document, itemHeights: items.map(\.count), rows: { items[$0].flatMap(\.self) }, page: { pages.append($0) })
        // A form feed ends each page but the last, in place of its last newline, so a printer set
        // to the same page length never feeds an empty sheet.
        return pages.joined(separator: "\u{0C}") + "\n"
    }

    /// Cuts `document` into pages by `itemHeights` (the rows of each item) and hands each page
    /// to `page`, in order, without its final newline; the rows of the items on a page come from
    /// `rows`, asked once per page, in order. A document too long to hold in memory (a run's
    /// posting journal) keeps its rows elsewhere and gives them page by page.
    func renderPages(
        _ document: some PagedDocument, itemHeights: [Int], rows: (Range<Int>) -> [PrintRow],
        page emit: (String) -> Void
    ) throws(TemplateError) {
        let length = document.page.length
        let sample = PrintRow(text: "-")
        // The document's own fields, read once by reflection; each page adds its own keys.
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: document).children {
            if let label = child.label { fields[label] = TemplateRow.converting(child.value) }
        }
        func context(_ rows: [PrintRow], page: Int, count: Int, brought: PrintRow?, carried: PrintRow?) -> [String: Any]
        {
            var context = fields
            context["lines"] = rows.map { TemplateRow(text: $0.text) }
            context["firstPage"] = page == 1
            context["lastPage"] = page == count
            context["pageNumber"] = page
            context["pageCount"] = count
            context["pageFooter"] = document.footer(page: page, of: count)
            if let brought { context["broughtForward"] = TemplateRow(text: brought.text) }
            if let carried { context["carriedForward"] = TemplateRow(text: carried.text) }
            return context
        }
        let footerLength = try renderLines(context([], page: 1, count: 1, brought: nil, carried: nil), "pagefooter")
            .count
        // The lines a page takes besides its items, measured by rendering it without items, once
        // per kind of page (first or not, last or not) and only for the kinds the document needs:
        // a one-page document renders one.
        var overheads: [Int: Int] = [:]
        func overhead(first: Bool, last: Bool) throws(TemplateError) -> Int {
            let key = (first ? 2 : 0) + (last ? 1 : 0)
            if let known = overheads[key] { return known }
            let page = context(
                [], page: first ? 1 : 2, count: last ? (first ? 1 : 2) : 3, brought: first ? nil : sample,
                carried: last ? nil : sample)
            let lines = try renderLines(page, document.templateName).count + footerLength
            overheads[key] = lines
            return lines
        }
        let ranges = try PrintPagination.pages(
            itemHeights: itemHeights, length: length, overhead: overhead(first:last:))
        // The fixed parts must leave room for one row on the first page, and for the totals on a
        // last one. Checked for the kinds of page this document has; a short document that fits
        // one page needs only that page to fit.
        let needed =
            ranges.count == 1
            ? try overhead(first: true, last: true)
            : max(try overhead(first: true, last: false) + 1, try overhead(first: false, last: true))
        guard needed <= length else {
            throw TemplateError(
                file: document.templateName, line: 0, column: 0,
                message: "page length \(length) is too short for this layout: it needs at least \(needed) lines")
        }
        let forward = document.forwardRows(pageEnds: ranges.dropLast().map(\.upperBound))
        for (index, range) in ranges.enumerated() {
            let number = index + 1
            let page = context(
                rows(range), page: number, count: ranges.count,
                brought: number == 1 ? nil : forward[index - 1].brought,
                carried: number == ranges.count ? nil : forward[index].carried)
            let body = try renderLines(page, document.templateName)
            let footer = try renderLines(page, "pagefooter")
            let padding = Array(repeating: Substring(), count: max(0, length - body.count - footer.count))
            emit((body + padding + footer).joined(separator: "\n"))
        }
    }

    /// The lines `template` renders for `model`, without trailing spaces or trailing empty lines.
    func renderLines(_ model: Any, _ template: String) throws(TemplateError) -> [Substring] {
        guard let text = library.render(model, withTemplate: template) else {
            throw TemplateError(file: template, line: 0, column: 0, message: "no template named \(template)")
        }
        // Cut at line feeds and trim trailing spaces on the UTF-8 bytes (both are ASCII, which
        // UTF-8 never uses inside another character), which is far cheaper than by Character.
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, utf8[utf8.index(before: trimmedEnd)] == 0x20 {
                trimmedEnd = utf8.index(before: trimmedEnd)
            }
            lines.append(text[lineStart..<trimmedEnd])
            guard lineEnd != utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

/// A row as the templates see it. Rows are looked up by name on every line of every page:
/// answering directly spares the template engine a reflection (`Mirror`) per lookup.
private struct TemplateRow: MustacheParent {
    let text: String

    func child(named name: String) -> Any? {
        name == "text" ? text : nil
    }

    /// `value` with its rows (alone or in a list) made template rows; anything else as it is.
    static func converting(_ value: Any) -> Any {
        if let row = value as? PrintRow { return TemplateRow(text: row.text) }
        if let rows = value as? [PrintRow] { return rows.map { TemplateRow(text: $0.text) } }
        return value
    }
}
