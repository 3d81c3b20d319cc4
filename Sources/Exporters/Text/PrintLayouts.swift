internal import Mustache

/// The print layouts: Mustache templates by name, rendered from prepared view models.
///
/// Pure: templates come in as text (see `PrintLayouts+FileSystem.swift` for loading folders).
public struct PrintLayouts: Sendable {
    private let library: MustacheLibrary
    /// The names of the templates that can be rendered.
    public let names: Set<String>

    /// Parses `templates` (name → (file, text)); a parse error names the file, line and column.
    public init(templates: [String: (file: String, text: String)]) throws(TemplateError) {
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
    }

    /// Renders the invoice layout; trailing spaces are trimmed from every line.
    public func render(_ model: InvoicePrintModel) throws(TemplateError) -> String {
        try render(model, template: "invoice")
    }

    func render(_ model: Any, template: String) throws(TemplateError) -> String {
        guard let text = library.render(model, withTemplate: template) else {
            throw TemplateError(file: template, line: 0, column: 0, message: "no template named \(template)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return line
        }
        while lines.count > 1 && lines[lines.count - 1].isEmpty && lines[lines.count - 2].isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
