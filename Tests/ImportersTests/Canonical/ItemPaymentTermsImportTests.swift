import InvoicingCore
import Testing

@testable import Importers

/// An item's own payment terms, read from CSV (`item_payment_terms`) and XML (`itemPaymentTerms`).
@Suite
struct ItemPaymentTermsImportTests {
    @Test func anItemsOwnPaymentTermsAreReadFromCSVAndXML() throws {
        let folder = try ImportFolder([
            "orders.csv": """
            document_id,category,type,company_code,account,currency,document_date,payment_terms,item_number,material,quantity,item_payment_terms
            SO-1,VBRK,F2,1000,CA-1,EUR,2026-11-20,NT14,10,M-1,1,
            SO-1,VBRK,F2,1000,CA-1,EUR,2026-11-20,NT14,20,M-2,2,NT30

            """,
            "orders.xml": CanonicalXMLImportTests.file(
                """
                  <SourceDocument>
                    <documentId>SO-2</documentId>
                    <category>VBRK</category>
                    <type>F2</type>
                    <companyCode>1000</companyCode>
                    <account>CA-1</account>
                    <currency>EUR</currency>
                    <documentDate>2026-11-20</documentDate>
                    <Item>
                      <itemNumber>10</itemNumber>
                      <material>M-1</material>
                      <quantity>1</quantity>
                      <itemPaymentTerms>NT30</itemPaymentTerms>
                    </Item>
                  </SourceDocument>

                """),
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(folder.messages(batch) == [])
        let documents = Dictionary(uniqueKeysWithValues: batch.documents.map { ($0.document.id, $0.document) })
        #expect(documents["SO-1"]?.paymentTerms == "NT14")
        #expect(documents["SO-1"]?.items.map(\.paymentTerms) == [nil, "NT30"])
        #expect(documents["SO-2"]?.items.map(\.paymentTerms) == ["NT30"])
    }
}
