import InvoicingCore
import Testing

@testable import Importers

/// An item's own payment terms, read from CSV (`item_payment_terms`) and XML (`itemPaymentTerms`).
@Suite
struct ItemPaymentTermsImportTests {
    @Test func anItemsOwnPaymentTermsAreReadFromCSVAndXML() throws {
        let header = SourceDocumentFixture.csvHeader(
            "payment_terms", "item_number", "material", "quantity", "item_payment_terms")
        let (batch, messages) = try ImportFolder.read([
            "orders.csv": """
            \(header)
            SO-1,VBRK,F2,1000,CA-1,EUR,2026-11-20,NT14,10,M-1,1,
            SO-1,VBRK,F2,1000,CA-1,EUR,2026-11-20,NT14,20,M-2,2,NT30

            """,
            "orders.xml": SourceDocumentFixture.xmlFile(
                SourceDocumentFixture.xmlDocument(
                    "SO-2", category: "VBRK", type: "F2",
                    items: [["itemNumber": "10", "material": "M-1", "quantity": "1", "itemPaymentTerms": "NT30"]])),
        ])
        #expect(messages == [])
        let documents = Dictionary(uniqueKeysWithValues: batch.documents.map { ($0.document.id, $0.document) })
        #expect(documents["SO-1"]?.paymentTerms == "NT14")
        #expect(documents["SO-1"]?.items.map(\.paymentTerms) == [nil, "NT30"])
        #expect(documents["SO-2"]?.items.map(\.paymentTerms) == ["NT30"])
    }
}
