internal import InvoicingCore
internal import XMLSupport

/// XPath look-ups in one e-invoice document, with errors that name the file, line and business term.
struct XMLQuery {
    let tree: XMLTree
    let namespaces: [String: String]

    var file: String { tree.fileName }

    func problem(_ node: XMLTree.Node, _ field: String, _ message: String) -> ImportDiagnostic {
        ImportDiagnostic(file: file, line: node.line, column: 0, field: field, message: message)
    }

    func nodes(_ path: String, in node: XMLTree.Node) throws(ImportDiagnostic) -> [XMLTree.Node] {
        try matches(path, in: node).compactMap(\.node)
    }

    func exists(_ path: String, in node: XMLTree.Node) throws(ImportDiagnostic) -> Bool {
        !(try matches(path, in: node)).isEmpty
    }

    /// The trimmed text of the first match; nil when there is none or it is empty.
    func text(_ path: String, in node: XMLTree.Node) throws(ImportDiagnostic) -> String? {
        guard let match = try matches(path, in: node).first else { return nil }
        let text = match.text.trimmedText
        return text.isEmpty ? nil : text
    }

    func required(_ path: String, in node: XMLTree.Node, field: String) throws(ImportDiagnostic) -> String {
        guard let text = try text(path, in: node) else { throw problem(node, field, "\(path) is missing") }
        return text
    }

    func decimal(_ path: String, in node: XMLTree.Node, field: String) throws(ImportDiagnostic) -> FixedDecimal? {
        guard let text = try text(path, in: node) else { return nil }
        do {
            return try FixedDecimal.parse(text).normalized  // 19.00 and 19 are one rate
        } catch {
            throw problem(node, field, "\(error)")
        }
    }

    func money(_ path: String, in node: XMLTree.Node, currency: Currency, field: String) throws(ImportDiagnostic)
        -> Money?
    {
        guard let text = try text(path, in: node) else { return nil }
        do {
            return try Money.parse(text, currency: currency)
        } catch {
            throw problem(node, field, "\(error) (\(currency.code) has \(currency.minorUnits) decimals)")
        }
    }

    func requiredMoney(_ path: String, in node: XMLTree.Node, currency: Currency, field: String)
        throws(ImportDiagnostic) -> Money
    {
        guard let money = try money(path, in: node, currency: currency, field: field) else {
            throw problem(node, field, "\(path) is missing")
        }
        return money
    }

    func date(_ text: String?, node: XMLTree.Node, field: String) throws(ImportDiagnostic) -> CalendarDate? {
        guard let text else { return nil }
        var iso = text
        if text.count == 8, text.allSatisfy(\.isNumber) {  // CII format 102: YYYYMMDD
            let digits = Array(text)
            iso = String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8])
        }
        guard let date = CalendarDate(iso: iso) else { throw problem(node, field, "'\(text)' is not a date") }
        return date
    }

    private func matches(_ path: String, in node: XMLTree.Node) throws(ImportDiagnostic) -> [XMLTree.Match] {
        do {
            return try tree.select(try XPathExpression(path, namespaces: namespaces), from: node)
        } catch {
            throw ImportDiagnostic(file: file, line: error.line, column: error.column, message: error.message)
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmedText: String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
