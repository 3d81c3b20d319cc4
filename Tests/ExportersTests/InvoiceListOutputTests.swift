import Exporters
import Foundation
import Testing
import XMLSupport

@testable import InvoicingCore

/// Invoice list outputs, compared with `Expected/lists/` (re-record with
/// `INVOICERUN_RECORD=1 swift test --filter InvoiceListOutputTests`).
@Suite
struct InvoiceListOutputTests {
    static let expected = Fixture.folder.appendingPathComponent("Expected/lists")

    static var list: (list: InvoiceList, documents: [Invoice]) {
        get throws {
            let first = try Fixture.englishInvoice
            var second = first
            second.number = "IN-2000-2026-000004"
            var lists = try InvoiceList.collect(
                [second, first], listDate: CalendarDate(year: 2026, month: 11, day: 30)!)
            lists[0].number = "IL-2000-2026-000001"
            var list = try lists[0].discounted(percent: FixedDecimal(significand: 25, scale: 1), rounding: .halfUp)
            list.discountPosting = "FI-2000-2026-000042"
            return (list, [first, second])
        }
    }

    static func check(_ text: String, _ name: String) throws {
        let url = expected.appendingPathComponent(name)
        if InstallmentScheduleOutputTests.recording {
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        #expect(text == String(decoding: try Data(contentsOf: url), as: UTF8.self), "\(name) differs")
    }

    @Test func theXMLListValidatesAgainstItsSchemaAndMatchesItsGoldenFile() throws {
        let (list, documents) = try Self.list
        let xml = try InvoiceListXML.render(list, documents: documents)
        let schema = try XMLSchema(path: MachineOutputTests.schemas + "/invoicelist.xsd")
        #expect(schema.validate(bytes: Array(xml.utf8), fileName: "list.xml").isEmpty)
        try Self.check(xml, "IL-2000-2026-000001.xml")
        #expect(list.grossTotal.minorUnits == 2 * documents[0].grossTotal.minorUnits)
        // 2 × 872.50 = 1745.00; 2.5 % = 43.625 → 43.63 (half up); payable 1701.37.
        #expect(xml.contains("<discount>43.63</discount>"))
        #expect(xml.contains("<amountPayable>1701.37</amountPayable>"))
    }

    @Test func theCSVListHasAListRowAndARowPerDocument() throws {
        let csv = InvoiceListCSV.render([try Self.list])
        try Self.check(csv, "lists.csv")
        #expect(csv.split(separator: "\r\n").map { $0.prefix(2) } == ["re", "L,", "D,", "D,"])
    }

    @Test func theTextListUsesTheInvoiceListLayout() throws {
        let (list, documents) = try Self.list
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let discount = try #require(list.discount.map { (FixedDecimal(significand: 25, scale: 1), $0) })
        let model = try #require(
            InvoicePrintModelBuilder().invoiceList(
                documents, number: list.number, date: list.listDate, dueDate: list.dueDate, discount: discount))
        let text = try layouts.render(model)
        try Self.check(text, "IL-2000-2026-000001.txt")
        #expect(text.hasPrefix("INVOICE LIST IL-2000-2026-000001"))
        #expect(text.contains("Factoring discount 2.5 %        43.63 GBP"))
        #expect(text.contains("Amount payable     1,701.37 GBP"))
    }
}
