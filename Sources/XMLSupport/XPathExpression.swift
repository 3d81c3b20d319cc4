internal import CLibXML2

/// A compiled XPath 1.0 expression with the namespace prefixes it may use.
///
/// Compiled once when a mapping is loaded, so a bad expression is reported before any data is read.
public final class XPathExpression: @unchecked Sendable {  // the compiled form is immutable after init
    /// The expression as written.
    public let text: String
    /// Prefix → namespace URI, registered for every evaluation.
    public let namespaces: [String: String]
    let compiled: xmlXPathCompExprPtr

    /// Compiles `text`; throws naming the expression when it is not valid XPath or uses an
    /// undeclared prefix.
    public init(_ text: String, namespaces: [String: String] = [:]) throws(XMLDiagnostic) {
        XMLLibrary.initialize()
        self.text = text
        self.namespaces = namespaces
        for prefix in Self.prefixes(in: text) where namespaces[prefix] == nil && prefix != "xml" {
            throw XMLDiagnostic(
                file: "", line: 0, column: 0, message: "XPath \(text): the prefix \(prefix) is not declared",
                code: .invalidXPath)
        }
        let collector = DiagnosticCollector(fileName: "")
        guard let compiled = collector.capturingThreadErrors({ xmlXPathCompile(text) }) else {
            let reason = collector.diagnostics.first.map { ": \($0.message)" } ?? ""
            throw XMLDiagnostic(
                file: "", line: 0, column: 0, message: "XPath \(text) is not a valid expression\(reason)",
                code: .invalidXPath)
        }
        self.compiled = compiled
    }

    deinit {
        xmlXPathFreeCompExpr(compiled)
    }

    /// Namespace prefixes used in name tests (`o:Line`), not axes (`child::`) or string literals.
    static func prefixes(in text: String) -> Set<String> {
        var prefixes = Set<String>()
        var inQuote: Character?
        var token = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if let quote = inQuote {
                if character == quote { inQuote = nil }
                continue
            }
            if character == "\"" || character == "'" {
                inQuote = character
                token = ""
            } else if character.isLetter || character.isNumber || character == "_" || character == "-"
                || character == "."
            {
                token.append(character)
            } else if character == ":" {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next != ":" && (index == 0 || characters[index - 1] != ":") && !token.isEmpty {
                    prefixes.insert(token)
                }
                token = ""
            } else {
                token = ""
            }
        }
        return prefixes
    }
}

extension XMLDiagnostic.Code {
    /// An XPath expression that does not compile or names an undeclared prefix.
    public static let invalidXPath = XMLDiagnostic.Code(rawValue: "invalidXPath")
}
