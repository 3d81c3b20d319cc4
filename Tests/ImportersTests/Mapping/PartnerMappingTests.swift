import Foundation
import InvoicingCore
import Testing

@testable import Importers

@Suite
struct PartnerMappingTests {
    static let partners = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/partners")

    static let valid = """
        layout: csv
        target: SourceDocument
        fields:
          document_id: Nr
          category: { value: INVBI }
          item_number: Pos
        """

    private func error(_ text: String) -> String? {
        do {
            _ = try PartnerMapping.parse(text, file: "m.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theSampleMappingsLoad() throws {
        for name in ["mueller-energie/mueller-energie", "nordic-wholesale/nordic-wholesale", "ubl-orders/ubl-order"] {
            let mapping = try PartnerMapping.load(
                path: Self.partners.appendingPathComponent("\(name).mapping.yaml").path)
            #expect(mapping.target == .sourceDocument)
        }
    }

    @Test(arguments: [
        ("  document_id: Nr", "  documnet_id: Nr", "m.yaml:4:3: unknown field documnet_id for SourceDocument"),
        ("layout: csv", "layout: json", "m.yaml:1:9: unknown layout json (expected csv or xml)"),
        ("target: SourceDocument", "target: Invoice", "m.yaml:2:9: unknown target Invoice"),
        (
            "  item_number: Pos", "  item_number: Pos\n  document_date: { from: D, date: dd.mm.yy }",
            "m.yaml:7:35: date pattern dd.mm.yy needs yy or yyyy, M or MM and d or dd"
        ),
        ("  item_number: Pos", "", "m.yaml:4:3: the mapping gives no value for item_number"),
        ("layout: csv", "layout: csv\ncolour: blue", "m.yaml:2:1: unknown key colour"),
        ("fields:", "fields: [", "m.yaml:"),
    ])
    func mistakesAreNamedWithTheirPositionBeforeAnyDataIsRead(original: String, replacement: String, message: String) {
        let text = Self.valid.replacingOccurrences(of: original, with: replacement)
        let found = error(text)
        #expect(found?.hasPrefix(message) == true, "\(found ?? "no error")")
    }

    @Test func aBadXPathIsRefusedWhenTheMappingLoads() {
        let text = """
            layout: xml
            target: SourceDocument
            xml:
              namespaces: { o: "urn:o" }
              record: o:Order
              items: o:Line[
            fields:
              document_id: "@id"
              item_number: x:Pos
            """
        #expect(
            error(text)?.hasPrefix("m.yaml:6:10: XPath o:Line[ is not a valid expression") == true,
            "\(error(text) ?? "")")
        let undeclared = text.replacingOccurrences(of: "o:Line[", with: "o:Line")
        #expect(error(undeclared) == "m.yaml:9:16: XPath x:Pos: the prefix x is not declared")
    }

    private func read(_ folder: String, _ mappingName: String) throws -> ImportBatch {
        let mapping = try PartnerMapping.load(
            path: Self.partners.appendingPathComponent("\(folder)/\(mappingName).mapping.yaml").path)
        let importer = InputImporter(schemas: ImportFolder.schemas)
        return importer.read([Self.partners.appendingPathComponent(folder).path], mapping: mapping)
    }

    @Test func aGermanWindows1252ExportBecomesSourceDocuments() throws {
        let batch = try read("mueller-energie", "mueller-energie")
        #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics)")
        let documents = batch.documents.map(\.document)
        #expect(documents.map(\.id) == ["ME-2026-1101", "ME-2026-1102", "ME-2026-1103"])
        let first = try #require(documents.first)
        #expect(first.account == "CA-100003")
        #expect(first.documentDate == CalendarDate(year: 2026, month: 11, day: 5))
        #expect(first.items[0].quantity == FixedDecimal(significand: 1_250_500, scale: 3))
        #expect(first.items[0].unit == "KWH")
        #expect(first.items[0].unitPrice == FixedDecimal(significand: 3150, scale: 4))
        #expect(first.items[0].description == "Strom Haushaltstarif Zähler 4711")
        #expect(documents[1].items[1].description == "Energieberatung „Wärmepumpe“")
        #expect(documents[1].items[1].unit == "HUR")
        #expect(documents[2].type == "GOODWILL")
    }

    @Test func namespacedXMLWithAttributesBecomesDeliveries() throws {
        let batch = try read("nordic-wholesale", "nordic-wholesale")
        #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics)")
        let documents = batch.documents.map(\.document)
        #expect(documents.map(\.id) == ["NW-DLV-NW-88120", "NW-DLV-NW-88121"])
        #expect(documents[0].referenceDelivery == "NW-88120")
        #expect(documents[0].items.map(\.material) == ["M-2007", "M-2010"])
        #expect(documents[0].items.map(\.unit) == ["HUR", "C62"])
        #expect(documents[0].items[1].description == "Workshop kits, boxed")
        #expect(batch.documents[0].line == 4)
    }

    @Test func aUBLOrderBecomesAnSDDocument() throws {
        let batch = try read("ubl-orders", "ubl-order")
        #expect(batch.diagnostics.isEmpty, "\(batch.diagnostics)")
        let order = try #require(batch.documents.first?.document)
        #expect(order.id == "UBL-ORDER-PO-77")
        #expect(order.category == .sdSample)
        #expect(order.account == "CA-200004")
        #expect(order.currency == .gbp)
        #expect(order.items.map(\.number) == [1, 2])
        #expect(order.items.map(\.unit) == ["C62", "DAY"])
        #expect(order.items[0].unitPrice == FixedDecimal(significand: 105_000, scale: 2))
        #expect(order.items[1].unitPrice == nil)
    }

    @Test func aBadValueRefusesItsRecordNamingTheColumnAndValue() throws {
        let folder = try ImportFolder([
            "p.csv": "Nr;Pos;Menge;Datum\nA;1;1,5;01.11.2026\nB;1;1,2,3;01.11.2026\nC;1;2;2026-11-01\n"
        ])
        defer { folder.remove() }
        let mapping = try PartnerMapping.parse(
            """
            layout: csv
            target: SourceDocument
            csv: { delimiter: ";" }
            number: { decimal: ",", grouping: "." }
            date: dd.MM.yyyy
            fields:
              document_id: Nr
              category: { value: INVBI }
              type: { value: T }
              company_code: { value: "1000" }
              account: { value: A1 }
              currency: { value: EUR }
              document_date: Datum
              item_number: Pos
              material: { value: M1 }
              quantity: Menge
            """, file: "m.yaml")
        let batch = InputImporter(schemas: ImportFolder.schemas).read([folder.root.path], mapping: mapping)
        #expect(batch.documents.map(\.document.id) == ["A"])
        #expect(
            folder.messages(batch) == [
                "p.csv:3:5: quantity: \"1,2,3\" is not a number written with decimal \",\"",
                "p.csv:4:7: document_date: \"2026-11-01\" is not a date written as dd.MM.yyyy",
            ])
        #expect(batch.diagnostics.map(\.value) == ["1,2,3", "2026-11-01"])
        #expect(batch.files.first?.rejectedLines == [3, 4])
    }
}
