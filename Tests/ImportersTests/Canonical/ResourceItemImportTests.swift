import InvoicingCore
import Testing

@testable import Importers

@Suite
struct ResourceItemImportTests {
    static let header = SourceDocumentFixture.csvHeader(
        "dip_profile", "item_number", "material", "quantity", "unit", "unit_price", "resource_type", "activity_type",
        "plant", "profit_center", "cost_center")

    @Test func resourceItemsCOAndPlantAreReadFromCSV() throws {
        let (batch, messages) = try ImportFolder.read([
            "resources.csv": """
            \(Self.header)
            RRB-1,RRB,TM,1000,CA-1,EUR,2026-11-20,DIP-1,10,,7.5,HUR,,hours,SENIOR,,PC-1,CC-9
            RRB-1,RRB,TM,1000,CA-1,EUR,2026-11-20,DIP-1,20,M-1012,12,KGM,,material,,1110,,
            RRB-1,RRB,TM,1000,CA-1,EUR,2026-11-20,DIP-1,30,,1,C62,182.40,expense,TRAVEL,,,

            """
        ])
        #expect(messages == [])
        let document = try #require(batch.documents.first).document
        #expect(document.category == .resourceRelated)
        #expect(document.dipProfile == "DIP-1")
        #expect(document.items.map(\.resourceType) == [.hours, .material, .expense])
        #expect(document.items.map(\.activityType) == ["SENIOR", nil, "TRAVEL"])
        #expect(document.items.map(\.material) == ["", "M-1012", ""])
        #expect(document.items.map(\.plant) == [nil, "1110", nil])
        #expect(document.items.map(\.profitCenter) == ["PC-1", nil, nil])
        #expect(document.items.map(\.costCenter) == ["CC-9", nil, nil])
        #expect(document.items[2].unitPrice == FixedDecimal(significand: 18240, scale: 2))
    }

    @Test func badResourceFieldsAreRefusedNamingFileLineAndField() throws {
        let (batch, messages) = try ImportFolder.read([
            "bad.csv": """
            \(Self.header)
            RRB-2,RRB,TM,1000,CA-1,EUR,2026-11-20,DIP-1,10,,1,HUR,,minutes,SENIOR,,,
            RRB-3,RRB,TM,1000,CA-1,EUR,2026-11-20,DIP-1,10,,1,C62,,material,,,,
            RRB-4,INVBI,TM,1000,CA-1,EUR,2026-11-20,,10,M-1,1,C62,,,SENIOR,,,

            """
        ])
        #expect(batch.documents.isEmpty)
        #expect(messages.count == 3)
        #expect(messages[0].hasPrefix("bad.csv:2:") && messages[0].contains("resource_type"))
        #expect(messages[0].contains("minutes"))
        #expect(messages[1].hasPrefix("bad.csv:3:") && messages[1].contains("material"))
        #expect(
            messages[2].hasPrefix("bad.csv:4:")
                && messages[2].hasSuffix(
                    "activity_type: an activity type needs a resource_type (hours, material, expense)")
        )
    }

    @Test func resourceItemsAreReadFromXMLValidAgainstTheSchema() throws {
        let (batch, messages) = try ImportFolder.read([
            "resources.xml": SourceDocumentFixture.xmlFile(
                SourceDocumentFixture.xmlDocument(
                    "RRB-X", category: "RRB", type: "TM", header: ["dipProfile": "DIP-1"],
                    items: [
                        [
                            "itemNumber": "10", "quantity": "4", "profitCenter": "PC-1", "resourceType": "hours",
                            "activityType": "JUNIOR",
                        ],
                        ["itemNumber": "20", "material": "M-1009", "quantity": "1", "plant": "1110"],
                    ]))
        ])
        #expect(messages == [])
        let document = try #require(batch.documents.first).document
        #expect(document.dipProfile == "DIP-1")
        #expect(document.items.map(\.resourceType) == [.hours, nil])
        #expect(document.items.map(\.activityType) == ["JUNIOR", nil])
        #expect(document.items.map(\.plant) == [nil, "1110"])
        #expect(document.items.map(\.profitCenter) == ["PC-1", nil])
    }

    @Test func anXMLItemWithAnUnknownResourceTypeIsRefusedByTheSchema() throws {
        let (batch, messages) = try ImportFolder.read([
            // resourceType is on line 14.
            "bad.xml": SourceDocumentFixture.xmlFile(
                SourceDocumentFixture.xmlDocument(
                    "RRB-Y", category: "RRB", type: "TM",
                    items: [["itemNumber": "10", "quantity": "4", "resourceType": "minutes"]]))
        ])
        #expect(batch.documents.isEmpty)
        #expect(messages.contains { $0.hasPrefix("bad.xml:14:") && $0.contains("resourceType") })
    }
}
