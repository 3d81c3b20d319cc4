internal import Mustache

/// Cutting a document into pages and rendering each through the templates.
///
/// Rendering is the costly part of printing: swift-mustache looks every name up by walking its
/// context stack, with dynamic casts, for each of the 60-odd names of a page. So a page is
/// rendered through its form (`PageForm`) where the templates allow: rendered once per kind of
/// page, filled in for each page after.
extension PrintLayouts {
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
        _ document: some PagedDocument, itemHeights: [Int], rows pageRows: (Range<Int>) -> [PrintRow],
        page emit: (String) -> Void
    ) throws(TemplateError) {
        let length = document.page.length
        let sample = PrintRow(text: "-")
        let template = document.templateName
        // The document's own fields, made once; each page adds its own keys.
        let fields = document.templateFields
        let shape = forms?.shape(of: fields) ?? []
        func context(_ rows: [TemplateRow], page: Int, count: Int, brought: PrintRow?, carried: PrintRow?)
            -> PageContext
        {
            PageContext(
                fields: fields, lines: rows, firstPage: page == 1, lastPage: page == count, pageNumber: page,
                pageCount: count, pageFooter: document.footer(page: page, of: count),
                broughtForward: brought.map { TemplateRow(text: $0.text) },
                carriedForward: carried.map { TemplateRow(text: $0.text) }, shape: shape)
        }
        let footerLength = try renderLines(context([], page: 1, count: 1, brought: nil, carried: nil), "pagefooter")
            .count
        // The lines a page takes besides its items, measured by rendering it without items, once
        // per kind of page (first or not, last or not) and only for the kinds the document needs:
        // a one-page document measures one.
        var overheads: [Int: Int] = [:]
        func overhead(first: Bool, last: Bool) throws(TemplateError) -> Int {
            let key = (first ? 2 : 0) + (last ? 1 : 0)
            if let known = overheads[key] { return known }
            let page = context(
                [], page: first ? 1 : 2, count: last ? (first ? 1 : 2) : 3, brought: first ? nil : sample,
                carried: last ? nil : sample)
            let lines = try renderLines(page, template).count + footerLength
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
                file: template, line: 0, column: 0,
                message: "page length \(length) is too short for this layout: it needs at least \(needed) lines")
        }
        let forward = document.forwardRows(pageEnds: ranges.dropLast().map(\.upperBound))
        for (index, range) in ranges.enumerated() {
            let number = index + 1
            let rows = pageRows(range)
            let page = context(
                rows.map { TemplateRow(text: $0.text) }, page: number, count: ranges.count,
                brought: number == 1 ? nil : forward[index - 1].brought,
                carried: number == ranges.count ? nil : forward[index].carried)
            let body = try renderLines(page, template)
            let footer = try renderLines(page, "pagefooter")
            // The body, empty lines down to the footer, the footer.
            var text = RenderedLines()
            text.bytes.reserveCapacity(body.bytes.count + footer.bytes.count + length)
            text.append(body)
            for _ in 0..<max(0, length - body.count - footer.count) { text.append(.emptyLine) }
            text.append(footer)
            emit(String(decoding: text.bytes, as: UTF8.self))
        }
    }

    /// The lines `template` renders for `page`, without trailing spaces or trailing empty lines.
    func renderLines(_ page: PageContext, _ template: String) throws(TemplateError) -> RenderedLines {
        let library = library
        if let forms,
            let text = forms.text(of: page, template: template, render: { library.render($0, withTemplate: template) })
        {
            return RenderedLines(trimming: text)
        }
        guard let text = library.render(page, withTemplate: template) else {
            throw TemplateError(file: template, line: 0, column: 0, message: "no template named \(template)")
        }
        return RenderedLines(trimming: Array(text.utf8))
    }
}

/// The context of one page as the templates see it: the document's fields and the page's own
/// (its items, whether first or last, its number, footer and forward rows). Answering names
/// directly spares copying the document's fields into a new dictionary for every page.
struct PageContext: MustacheParent {
    let fields: [String: Any]
    let lines: [TemplateRow]
    let firstPage: Bool
    let lastPage: Bool
    let pageNumber: Int
    let pageCount: Int
    let pageFooter: String
    let broughtForward: TemplateRow?
    let carriedForward: TemplateRow?

    /// What each name the templates use is in the document's fields (`PageForms.shape(of:)`),
    /// made once per document; empty when the templates have no forms.
    let shape: [UInt8]

    func child(named name: String) -> Any? {
        switch name {
        case "lines": return lines
        case "firstPage": return firstPage
        case "lastPage": return lastPage
        case "pageNumber": return pageNumber
        case "pageCount": return pageCount
        case "pageFooter": return RowText(text: pageFooter)
        default: break
        }
        // A page without forward rows has no such names, as if they were never set.
        if name == "broughtForward", let broughtForward { return broughtForward }
        if name == "carriedForward", let carriedForward { return carriedForward }
        // A text is handed over as a row's text is (see `RowText`).
        let field = fields[name]
        if let text = field as? String { return RowText(text: text) }
        return field
    }

    /// What a variable `{{name}}` writes when its value is a text or a number, the empty text
    /// when there is no value; nil for a value of another kind. As `child(named:)` answers, without
    /// making the answer an `Any` first.
    func text(named name: String) -> String? {
        switch name {
        case "pageFooter": return pageFooter
        case "pageNumber": return String(pageNumber)
        case "pageCount": return String(pageCount)
        case "lines", "firstPage", "lastPage": return nil
        case "broughtForward" where broughtForward != nil, "carriedForward" where carriedForward != nil: return nil
        default: break
        }
        switch fields[name] {
        case nil: return ""
        case let text as String: return text
        case let number as Int: return String(number)
        default: return nil
        }
    }

    /// The rows a row block over `name` shows, none when there is no value; nil for a value of
    /// another kind. As `child(named:)` answers, without making the answer an `Any` first.
    func rows(named name: String) -> [TemplateRow]? {
        switch name {
        case "lines": return lines
        case "firstPage", "lastPage", "pageNumber", "pageCount", "pageFooter": return nil
        case "broughtForward" where broughtForward != nil: return broughtForward.map { [$0] }
        case "carriedForward" where carriedForward != nil: return carriedForward.map { [$0] }
        default: break
        }
        switch fields[name] {
        case nil: return []
        case let rows as [TemplateRow]: return rows
        case let row as TemplateRow: return [row]
        default: return nil
        }
    }
}

/// A row as the templates see it. Rows are looked up by name on every line of every page:
/// answering directly spares the template engine a reflection (`Mirror`) per lookup.
struct TemplateRow: MustacheParent {
    let text: String

    func child(named name: String) -> Any? {
        name == "text" ? RowText(text: text) : nil
    }

    /// `rows` as the templates see them.
    static func rows(_ rows: [PrintRow]) -> [TemplateRow] {
        rows.map { TemplateRow(text: $0.text) }
    }
}

/// A row's or a page's text as the templates see it: rendered as the text itself, transformed as
/// the text would be (`{{uppercased(text)}}`). For a `String`, swift-mustache tries three casts and then
/// `String(describing:)` on the value before it writes it; a custom renderable is written after
/// two casts, and a page has a row on nearly every line.
struct RowText: MustacheCustomRenderable, MustacheTransformable {
    let text: String

    var renderText: String { text }

    /// Never null: an empty row is shown, as an empty `String` is.
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        text.transform(name)
    }
}
