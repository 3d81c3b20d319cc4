import Exporters
import InvoicingCore
import Testing
import XMLSupport

/// Numbers and dates formatted straight into the writer's bytes read exactly as their descriptions.
@Suite struct XMLWriterValuesTests {
    /// The document of one element `<v>text</v>`, written from a `String`.
    private static func written(_ text: String, attributes: KeyValuePairs<XMLName, String> = [:]) throws -> String {
        var writer = XMLWriter()
        try writer.element("v", text, attributes: attributes)
        return writer.finish()
    }

    @Test(arguments: [
        (0, 0), (0, 2), (5, 0), (-5, 0), (1_250, 2), (-1_250, 2), (-50, 2), (7, 9), (-7, 9), (100, 3),
        (Int64.max, 0), (Int64.min, 0), (Int64.max, 9), (Int64.min, 9), (Int64.min, 2), (1_000_000_000, 9),
    ])
    func writesADecimalAsItsDescription(significand: Int64, scale: Int) throws {
        let value = FixedDecimal(significand: significand, scale: scale)
        var writer = XMLWriter()
        try writer.element("v", value, attributes: ["currencyID": "EUR"])
        #expect(writer.finish() == (try Self.written(value.description, attributes: ["currencyID": "EUR"])))
    }

    @Test(arguments: [0, 1, 9, 10, 123_456, -42, Int.max, Int.min])
    func writesAnIntegerAsItsDescription(value: Int) throws {
        var writer = XMLWriter()
        try writer.element("v", value)
        #expect(writer.finish() == (try Self.written(String(value))))
    }

    @Test(arguments: [(2026, 11, 30), (2024, 2, 29), (1970, 1, 1), (1, 1, 1), (999, 12, 31), (9999, 12, 31)])
    func writesADateAsItsDescription(year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(year: year, month: month, day: day))
        var writer = XMLWriter()
        try writer.element("v", date)
        #expect(writer.finish() == (try Self.written(date.description)))
    }

    @Test func refusesAnAttributeValueBesideADecimal() throws {
        var writer = XMLWriter()
        try writer.startElement("Invoice")
        let error = #expect(throws: XMLWriterError.self) {
            try writer.element("v", FixedDecimal(1), attributes: ["currencyID": "E\u{1}"])
        }
        #expect(error?.attribute == "currencyID")
        writer.endElement()
        #expect(writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice/>\n")
    }
}
