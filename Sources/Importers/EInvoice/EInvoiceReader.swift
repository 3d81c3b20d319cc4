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
        for (path, credit) in [("/inv:Invoice", false), ("/cn:CreditNote", true)] where try ubl.exists(path, in: root) {
            var reading = try UBLDocumentReader(query: ubl, root: root, credit: credit).read()
            reading.specification = try ubl.text("cbc:CustomizationID", in: root)
            return reading
        }
        let cii = XMLQuery(tree: tree, namespaces: CIIReader.namespaces)
        if try cii.exists("/rsm:CrossIndustryInvoice", in: root) {
            var reading = try CIIDocumentReader(query: cii, root: root).read()
            reading.specification = try cii.text(
                "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", in: root)
            return reading
        }
        throw ImportDiagnostic(
            file: fileName, line: root.line, column: 0,
            message: "not an e-invoice: expected a UBL 2.1 Invoice or CreditNote, or a CII D16B CrossIndustryInvoice")
    }
}
