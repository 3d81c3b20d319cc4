/// Canonical source documents for import tests, in the layouts users drop: the CSV columns and
/// the XML elements every document has, so that a test spells out only the fields it is about.
enum SourceDocumentFixture {
    /// The CSV header: the columns of a document's header every document has, then `columns`.
    static func csvHeader(_ columns: String...) -> String {
        (["document_id", "category", "type", "company_code", "account", "currency", "document_date"] + columns)
            .joined(separator: ",")
    }

    /// A `<SourceDocument>` of company code 1000, account CA-1, EUR and 2026-11-20, then the
    /// header elements `header` and an `<Item>` per entry of `items`, indented as in a file and
    /// one element a line, so a diagnostic's line is where the test expects it.
    static func xmlDocument(
        _ id: String, category: String, type: String, header: KeyValuePairs<String, String> = [:],
        items: [KeyValuePairs<String, String>]
    ) -> String {
        var lines = ["  <SourceDocument>"]
        let fields: KeyValuePairs = [
            "documentId": id, "category": category, "type": type, "companyCode": "1000", "account": "CA-1",
            "currency": "EUR", "documentDate": "2026-11-20",
        ]
        for (name, value) in fields { lines.append("    <\(name)>\(value)</\(name)>") }
        for (name, value) in header { lines.append("    <\(name)>\(value)</\(name)>") }
        for item in items {
            lines.append("    <Item>")
            for (name, value) in item { lines.append("      <\(name)>\(value)</\(name)>") }
            lines.append("    </Item>")
        }
        lines.append("  </SourceDocument>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `documents` in a canonical XML file (`SourceDocuments`), its first document on line 3.
    static func xmlFile(_ documents: String...) -> String {
        CanonicalXMLImportTests.file(documents.joined())
    }
}
