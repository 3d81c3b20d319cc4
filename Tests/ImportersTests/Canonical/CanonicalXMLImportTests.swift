import InvoicingCore
import Testing

@testable import Importers

@Suite
struct CanonicalXMLImportTests {
    static func document(_ id: String, category: String = "INVBI", quantity: String = "1") -> String {
        """
          <SourceDocument>
            <documentId>\(id)</documentId>
            <category>\(category)</category>
            <type>USAGE</type>
            <companyCode>1000</companyCode>
            <account>A1</account>
            <currency>EUR</currency>
            <documentDate>2026-11-01</documentDate>
            <Item>
              <itemNumber>10</itemNumber>
              <material>M1</material>
              <quantity>\(quantity)</quantity>
            </Item>
          </SourceDocument>

        """
    }

    static func file(_ documents: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SourceDocuments xmlns=\"urn:invoicerun:source-documents:1\">\n"
            + documents + "</SourceDocuments>\n"
    }

    @Test func aRecordThatBreaksTheSchemaIsRefusedAndTheOthersAreKept() throws {
        let folder = try ImportFolder([
            "docs.xml": Self.file(
                Self.document("D1") + Self.document("D2", category: "NOPE") + Self.document("D3", quantity: "1,5"))
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.documents.map(\.document.id) == ["D1"])
        let messages = folder.messages(batch)
        #expect(messages.count == 2, "\(messages)")
        #expect(
            messages[0].hasPrefix(
                "docs.xml:19:0: Element '{urn:invoicerun:source-documents:1}category': [facet 'enumeration'] The value 'NOPE'"
            ))
        #expect(
            messages[1].hasPrefix(
                "docs.xml:42:0: Element '{urn:invoicerun:source-documents:1}quantity': [facet 'pattern'] The value '1,5'"
            ))
        let decoded = try #require(batch.documents.first)
        #expect(decoded.line == 3)
        #expect(decoded.document.billingDate == CalendarDate(year: 2026, month: 11, day: 1))
        #expect(decoded.document.items == [SourceItem(number: 10, material: "M1", quantity: 1)])
    }

    @Test func aFileThatIsNotWellFormedIsRefusedWhole() throws {
        let truncated = String(Self.file(Self.document("D1") + Self.document("D2")).dropLast(40))
        let folder = try ImportFolder(["docs.xml": truncated])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.documents.isEmpty)
        #expect(batch.hasErrors)
        #expect(folder.messages(batch).first?.hasPrefix("docs.xml:") == true)
    }

    @Test func aDoctypeIsRefusedBeforeAnyEntityIsRead() throws {
        let folder = try ImportFolder([
            "evil.xml": """
            <?xml version="1.0"?>
            <!DOCTYPE SourceDocuments [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <SourceDocuments xmlns="urn:invoicerun:source-documents:1">&x;</SourceDocuments>

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.documents.isEmpty)
        let messages = folder.messages(batch)
        #expect(messages.count == 1)
        #expect(messages[0].contains("DOCTYPE"))
        #expect(!messages[0].contains("root:"))
    }

    @Test func masterDataRecordsOfAnyKindMixInOneFile() throws {
        let folder = try ImportFolder([
            "md.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <MasterData xmlns="urn:invoicerun:masterdata:1">
              <PaymentTerms><paymentTerms>NT7</paymentTerms><description>7 days</description><netDays>7</netDays></PaymentTerms>
              <TaxCode><taxCode>S20</taxCode><country>GB</country><category>S</category><rate>20</rate>
                <description>VAT</description><glAccount>2200</glAccount></TaxCode>
              <TaxCode><taxCode>X</taxCode><country>GB</country><category>S</category><rate>120</rate>
                <description>VAT</description><glAccount>2200</glAccount></TaxCode>
            </MasterData>

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.masterData.paymentTerms == [PaymentTerms(id: "NT7", description: "7 days", netDays: 7)])
        #expect(batch.masterData.taxCodes.map(\.id) == ["S20"])
        #expect(folder.messages(batch) == ["md.xml:6:81: rate: rate 120 is not between 0 and 100"])
    }
}
