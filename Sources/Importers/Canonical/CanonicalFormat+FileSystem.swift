public import XMLSupport

extension CanonicalFormat {
    /// The local name and namespace of the document element of the XML file at `path`, read
    /// without validating; nil when the document has no element. Throws when it cannot be read.
    public static func rootElement(ofFile path: String) throws(XMLDiagnostic) -> (name: String, namespace: String?)? {
        let reader = try XMLStreamReader(path: path)
        while try reader.read() {
            if reader.kind == .element { return (reader.localName, reader.namespaceURI) }
        }
        return nil
    }
}
