internal import Mustache

/// Cutting a document into pages and rendering each through the templates.
///
/// Rendering is the costly part of printing: swift-mustache looks every name up by walking its
/// context stack, with dynamic casts, for each of the 30-odd names of a page. So a page is
/// rendered as few times as its layout allows: a one-page document (most of a run) is rendered
/// once with two marker rows in place of its items, which both measures the page's fixed parts
/// and gives the page itself once the real rows replace the markers.
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
        func context(_ rows: [TemplateRow], page: Int, count: Int, brought: PrintRow?, carried: PrintRow?)
            -> PageContext
        {
            PageContext(
                fields: fields, lines: rows, firstPage: page == 1, lastPage: page == count, pageNumber: page,
                pageCount: count, pageFooter: document.footer(page: page, of: count),
                broughtForward: brought.map { TemplateRow(text: $0.text) },
                carriedForward: carried.map { TemplateRow(text: $0.text) })
        }
        let footerLength = try renderLines(context([], page: 1, count: 1, brought: nil, carried: nil), "pagefooter")
            .count
        // The page of a one-page document with marker rows for its items, when the layout allows
        // (see `framed`): its context is the one page's context but for the items.
        var single: FramedPage?
        // The lines a page takes besides its items, measured by rendering it without items, once
        // per kind of page (first or not, last or not) and only for the kinds the document needs:
        // a one-page document renders one.
        var overheads: [Int: Int] = [:]
        func overhead(first: Bool, last: Bool) throws(TemplateError) -> Int {
            let key = (first ? 2 : 0) + (last ? 1 : 0)
            if let known = overheads[key] { return known }
            let lines: Int
            let marked = first && last ? context(Self.markerRows, page: 1, count: 1, brought: nil, carried: nil) : nil
            if let marked, let page = try framed(marked, template) {
                single = page
                lines = page.lines.count - Self.markerRows.count + footerLength
            } else {
                let page = context(
                    [], page: first ? 1 : 2, count: last ? (first ? 1 : 2) : 3, brought: first ? nil : sample,
                    carried: last ? nil : sample)
                lines = try renderLines(page, template).count + footerLength
            }
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
            let body =
                if ranges.count == 1, let single { single.replacingMarkers(with: rows) } else {
                    try renderLines(page, template)
                }
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
        var lines = Self.lines(of: text)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `text` cut at line feeds, each line without its trailing spaces.
    static func lines(of text: String) -> [Substring] {
        // Cut at line feeds and trim trailing spaces on the UTF-8 bytes (both are ASCII, which
        // UTF-8 never uses inside another character), which is far cheaper than by Character;
        // scanned as contiguous bytes, each line's ends then found in O(1) by offset.
        let utf8 = text.utf8
        var lines: [Substring] = []
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var lineStart = 0
            while true {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var trimmedEnd = lineEnd
                while trimmedEnd > lineStart && bytes[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
                let start = utf8.index(utf8.startIndex, offsetBy: lineStart)
                lines.append(text[start..<utf8.index(start, offsetBy: trimmedEnd - lineStart)])
                guard lineEnd < bytes.count else { break }
                lineStart = lineEnd + 1
            }
        }
        if scanned != nil { return lines }
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
        return lines
    }
}

extension PrintLayouts {
    /// A page rendered with `markerRows` as its items: its lines, and where the markers stand.
    struct FramedPage {
        /// The rendered lines, the two marker lines among them.
        let lines: [Substring]
        /// The index of the first marker line; the second follows it.
        let markerIndex: Int

        /// The page with `rows` in place of the markers, as rendering it with `rows` gives it:
        /// each row's text cut into lines and trimmed as a rendering is, trailing empty lines dropped.
        func replacingMarkers(with rows: [PrintRow]) -> [Substring] {
            var result = Array(lines[..<markerIndex])
            result.reserveCapacity(lines.count + rows.count)
            for row in rows { result += PrintLayouts.lines(of: row.text) }
            result += lines[(markerIndex + PrintLayouts.markerRows.count)...]
            while result.last?.isEmpty == true { result.removeLast() }
            return result
        }
    }

    /// Two rows no document has: a private-use character, then the characters HTML escaping
    /// would change, so a layout that escapes its rows shows them changed and is not spliced.
    static let markerRows = [TemplateRow(text: "\u{E000}&<>\"'1"), TemplateRow(text: "\u{E000}&<>\"'2")]

    /// `model` (whose items are `markerRows`) rendered with `template`, if the markers came out
    /// as two consecutive lines of their own and nowhere else; nil otherwise, and whenever the
    /// templates show the items in any other way than a standalone `{{#lines}}` block.
    ///
    /// Then the block renders each row as its text and a line feed, and nothing else on the page
    /// depends on the rows (no other template names `lines`), so putting the real rows in place
    /// of the marker lines gives the same bytes as rendering the page with them.
    func framed(_ model: PageContext, _ template: String) throws(TemplateError) -> FramedPage? {
        guard itemsSpliceable else { return nil }
        let lines = try renderLines(model, template)
        let markers = Self.markerRows.map { Substring($0.text) }
        let marked = lines.indices.filter { Self.containsMarker(lines[$0]) }
        guard marked.count == markers.count, let first = marked.first,
            marked == Array(first..<(first + markers.count)), marked.map({ lines[$0] }) == markers
        else { return nil }
        return FramedPage(lines: lines, markerIndex: first)
    }

    /// Whether `line` holds the markers' private-use character. Its UTF-8 starts with the byte
    /// 0xEE, which only characters from U+E000 to U+EFFF start with: lines without that byte
    /// (all but the markers, as a rule) are passed over without decoding their scalars.
    static func containsMarker(_ line: Substring) -> Bool {
        let leadByte = line.utf8.withContiguousStorageIfAvailable { $0.contains(0xEE) } ?? true
        return leadByte && line.unicodeScalars.contains("\u{E000}")
    }

    /// Whether every occurrence of `lines` in `sources` is part of the block
    /// `{{#lines}}`, `{{text}}`, `{{/lines}}` on three lines of their own.
    static func itemsAreStandalone(_ sources: [String]) -> Bool {
        let block = Array("\n{{#lines}}\n{{text}}\n{{/lines}}\n".utf8)
        let name = Array("lines".utf8)
        for source in sources {
            // The start and the end of a file count as line ends.
            let text = Array("\n\(source)\n".utf8)
            // Each block names `lines` twice.
            guard occurrences(of: name, in: text) == 2 * occurrences(of: block, in: text) else { return false }
        }
        return true
    }

    /// How often `pattern` occurs in `text`, not overlapping.
    private static func occurrences(of pattern: [UInt8], in text: [UInt8]) -> Int {
        guard !pattern.isEmpty, text.count >= pattern.count else { return 0 }
        var count = 0
        var index = 0
        while index <= text.count - pattern.count {
            if text[index] == pattern[0] && text[index..<(index + pattern.count)].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
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
