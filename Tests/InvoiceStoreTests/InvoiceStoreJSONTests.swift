import Foundation
import InvoicingCore
import Testing

@testable import InvoiceStore

/// The hand-written JSON of a stored invoice (`Invoice.storeJSON`) is byte for byte what
/// `StreamingJSONEncoder` writes through `Codable`, and decodes to the same invoice.
@Suite
struct InvoiceStoreJSONTests {
    /// Checks `invoice`'s hand-written JSON against the streaming encoder's and a round trip.
    private static func expectWrittenAsEncoded(_ invoice: Invoice, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let written = invoice.storeJSON
        let encoded = try StreamingJSONEncoder.encode(invoice)
        #expect(written == encoded, "\(firstDifference(written, encoded))", sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode(Invoice.self, from: Data(written)) == invoice, sourceLocation: sourceLocation)
    }

    /// Where two JSON texts part, with some text before it, for a failure message.
    private static func firstDifference(_ written: [UInt8], _ encoded: [UInt8]) -> String {
        let same = zip(written, encoded).prefix { $0 == $1 }.count
        let start = max(0, same - 60)
        func text(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[start..<min(bytes.count, same + 40)], as: UTF8.self)
        }
        return "written \(written.count) bytes, encoded \(encoded.count); from byte \(start):\n"
            + "written: \(text(written))\nencoded: \(text(encoded))"
    }

    @Test(arguments: StoreJSONInvoices.kinds)
    func anInvoiceWithEverythingSetIsWrittenAsTheEncoderWritesIt(kind: Invoice.Kind) throws {
        try Self.expectWrittenAsEncoded(StoreJSONInvoices.full(kind))
    }

    @Test(arguments: StoreJSONInvoices.kinds)
    func anInvoiceWithNothingOptionalIsWrittenAsTheEncoderWritesIt(kind: Invoice.Kind) throws {
        try Self.expectWrittenAsEncoded(StoreJSONInvoices.bare(kind))
        try Self.expectWrittenAsEncoded(StoreJSONInvoices.bareWithLine(kind))
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        var texts = (0..<0x80).compactMap { Unicode.Scalar(UInt8($0)) }.map { String(Character($0)) }
        texts += [StoreJSONInvoices.awkward, "", "plain", "/", "\\\\//\"\"", "é", "🧾", "\u{10FFFF}", "a\u{0}b"]
        texts.append(String(repeating: StoreJSONInvoices.awkward, count: 40))
        for text in texts {
            var writer = InvoiceJSONWriter(capacity: 0)
            writer.string(text)
            #expect(writer.bytes == (try StreamingJSONEncoder.encode(text)), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func numbersDecimalsAmountsAndDatesAreWrittenAsTheEncoderWritesThem() throws {
        for integer in [0, 1, -1, 9, 10, -10, 1_234_567, Int.max, Int.min] {
            var writer = InvoiceJSONWriter(capacity: 0)
            writer.integer(integer)
            #expect(writer.bytes == (try StreamingJSONEncoder.encode(integer)), "\(integer)")
        }
        var decimals = StoreJSONInvoices.decimals
        for scale in 0...FixedDecimal.maxScale {
            decimals += [Int64.min, Int64.max, 0, -1, 1, 10, -999].map { FixedDecimal(significand: $0, scale: scale) }
        }
        for decimal in decimals {
            var writer = InvoiceJSONWriter(capacity: 0)
            writer.decimal(decimal)
            #expect(writer.bytes == (try StreamingJSONEncoder.encode(decimal)), "\(decimal)")
        }
        let currencies = [Currency.eur, .jpy, StoreJSONInvoices.bahrainiDinar, StoreJSONInvoices.unidadDeFomento]
        // One writer for all, so the currency code it keeps changes from amount to amount.
        var writer = InvoiceJSONWriter(capacity: 0)
        var expected: [UInt8] = []
        for minorUnits in [Int64.min, Int64.max, 0, -1, 5, 1_234_567] {
            for currency in currencies + currencies.reversed() {
                let amount = Money(minorUnits: minorUnits, currency: currency)
                writer.money(amount)
                writer.currency(currency)
                expected += try StreamingJSONEncoder.encode(amount) + StreamingJSONEncoder.encode(currency)
            }
        }
        #expect(writer.bytes == expected)
        let dates = [(1, 1, 1), (9999, 12, 31), (2026, 2, 28), (2024, 2, 29), (999, 10, 9)].compactMap {
            CalendarDate(year: $0.0, month: $0.1, day: $0.2)
        }
        #expect(dates.count == 5)
        for date in dates {
            var writer = InvoiceJSONWriter(capacity: 0)
            writer.date(date)
            #expect(writer.bytes == (try StreamingJSONEncoder.encode(date)), "\(date)")
        }
    }

    @Test func theWriterWritesEveryStoredPropertyOfEveryType() throws {
        let invoice = try StoreJSONInvoices.full(.invoice)
        let json = try JSONSerialization.jsonObject(with: Data(invoice.storeJSON))
        var problems: [String] = []
        Self.compare(invoice, json, at: "invoice", &problems)
        #expect(problems == [], "a stored property the writer leaves out, or one the test invoice leaves unset")
    }

    /// Walks `value` with `Mirror` beside its JSON: each struct written as an object must have a
    /// member for every stored property, and the value must set every optional and fill every
    /// array, so that no property can go unnoticed by being nil or in an empty array.
    static func compare(_ value: Any, _ json: Any, at path: String, _ problems: inout [String]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else {
                problems.append("\(path): nil in the test invoice")
                return
            }
            compare(wrapped, json, at: path, &problems)
        case .collection:
            guard let array = json as? [Any] else {
                problems.append("\(path): not written as an array")
                return
            }
            let elements = mirror.children.map(\.value)
            if elements.isEmpty { problems.append("\(path): empty in the test invoice") }
            if elements.count != array.count { problems.append("\(path): \(array.count) of \(elements.count) written") }
            for (index, element) in zip(elements, array).enumerated() {
                compare(element.0, element.1, at: "\(path)[\(index)]", &problems)
            }
        case .struct:
            // Amounts, decimals, currencies and dates are written as one value: nothing to walk.
            guard let object = json as? [String: Any] else { return }
            let labels = mirror.children.compactMap(\.label)
            for label in labels where object[label] == nil { problems.append("\(path).\(label): not written") }
            for key in object.keys where !labels.contains(key) { problems.append("\(path).\(key): not a property") }
            for child in mirror.children {
                guard let label = child.label, let member = object[label] else { continue }
                compare(child.value, member, at: "\(path).\(label)", &problems)
            }
        case .enum:
            // A case with associated values is an object with the case's name as its one key.
            guard let object = json as? [String: Any] else { return }
            let name = mirror.children.first?.label ?? String(describing: value)
            if Array(object.keys) != [name] { problems.append("\(path): written as \(object.keys.sorted())") }
        default:
            return
        }
    }
}
