import XMLSupport

/// Paths of the committed test documents and schemas.
enum Fixture {
    /// The `Fixtures` directory next to this file; tests only ever read from it.
    static let directory: String = {
        let file = #filePath
        let slash = file.lastIndex(of: "/")!
        return String(file[..<slash]) + "/Fixtures/"
    }()

    static func path(_ name: String) -> String { directory + name }

    /// Reads the whole document, returning every node's value, so tests can check what leaked.
    static func readAll(_ reader: XMLStreamReader) throws(XMLDiagnostic) -> [String] {
        var values: [String] = []
        while try reader.read() {
            if let value = reader.value { values.append(value) }
        }
        return values
    }
}
