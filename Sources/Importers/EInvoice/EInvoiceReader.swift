internal import XMLSupport

/// Reads an e-invoice whatever its syntax: UBL 2.1 Invoice or CreditNote, or CII D16B, told
/// apart by the root element and its namespace.
public enum EInvoiceReader {
    /// Reads the e-invoice in `text`; `fileName` names it in diagnostics.
    public static func read(_ text: String, fileName: String) throws(ImportDiagnostic) -> EInvoiceReading {
        let tree: XMLTree
        do {
            tree = try XMLTree(text: text, fileName: fileName)
        } catch {
            throw ImportDiagnostic(file: fileName, line: error.line, column: error.column, message: error.message)
        }
        guard let root = tree.root else {
            throw ImportDiagnostic(file: fileName, line: 0, column: 0, message: "the document is empty")
        }
        let ubl = XMLQuery(tree: tree, namespaces: UBLReader.namespaces)
        if try ubl.exists("/inv:Invoice", in: root) {
            return try UBLDocumentReader(query: ubl, root: root, credit: false).read()
        }
        if try ubl.exists("/cn:CreditNote", in: root) {
            return try UBLDocumentReader(query: ubl, root: root, credit: true).read()
        }
        let cii = XMLQuery(tree: tree, namespaces: CIIReader.namespaces)
        if try cii.exists("/rsm:CrossIndustryInvoice", in: root) {
            return try CIIDocumentReader(query: cii, root: root).read()
        }
        throw ImportDiagnostic(
            file: fileName, line: root.line, column: 0,
            message: "not an e-invoice: expected a UBL 2.1 Invoice or CreditNote, or a CII D16B CrossIndustryInvoice")
    }
}
