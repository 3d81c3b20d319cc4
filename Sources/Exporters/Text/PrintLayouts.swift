internal import Mustache

/// The print layouts: Mustache templates by name, rendered from prepared view models.
///
/// Pure: templates come in as text (see `PrintLayouts+FileSystem.swift` for loading folders).
public struct PrintLayouts: Sendable {
    let library: MustacheLibrary
    /// The names of the templates that can be rendered.
    public let names: Set<String>
    /// The page the templates are laid out for (`page.json` beside them).
    public let page: PageSettings
    /// Languages from `languages/CODE.json` beside the templates, added to or replacing the built-in ones.
    public let languages: [String: PrintLanguage]
    /// The pages' forms, when the templates use their values only as forms reproduce them
    /// (`PageForm`); nil renders every page whole (tests compare the two).
    var forms: PageForms?

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
        self.forms = TemplateUsage.scan(templates.values.map(\.text)).map(PageForms.init(usage:))
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
}
