import Foundation
import InvoicingCore
import Testing

@testable import InvoiceStore

/// The one list of a stored document's keys (`StorePayloadKey`) is the list `Codable` writes,
/// and the writer writes each of them in its order. That the writer writes no other key, and the
/// reader reads each, the compiler checks: the writer takes only these keys, the reader
/// switches over them without a `default`.
@Suite
struct SourceDocumentPayloadKeyTests {
    static let date = CalendarDate(year: 2026, month: 11, day: 30)!  // swift-format-ignore: NeverForceUnwrap

    /// A document with every optional field set, so that every key is written.
    static let everyField = SourceDocument(
        id: "D", category: .resourceRelated, type: "T", companyCode: "1000", account: "A1", currency: .eur,
        documentDate: date, billingDate: date, referenceOrder: "O", referenceDelivery: "LF", paymentTerms: "NT14",
        invoicingType: "FINAL", billingBlock: true, referenceInvoice: "IN", dipProfile: "DIP",
        items: [
            SourceItem(
                number: 10, material: "M", description: "text", quantity: 1, unit: "C62", unitPrice: 2, priceUnit: 1,
                taxCode: "S19", orderedQuantity: 3, profitCenter: "PC", costCenter: "CC", plant: "P1",
                resourceType: .hours, activityType: "ACT", paymentTerms: "NT30")
        ])

    private static func names<Key: StorePayloadKey>(_: Key.Type) -> [String] {
        Key.allCases.map { String(describing: $0.name) }
    }

    @Test func theKeysAreThoseCodableWrites() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.everyField))
        let document = try #require(json as? [String: Any])
        #expect(Set(document.keys) == Set(Self.names(SourceDocument.PayloadKey.self)))
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(Set(try #require(items.first).keys) == Set(Self.names(SourceItem.PayloadKey.self)))
        // Each case is named as its key, so the cases read as the JSON does.
        for key in SourceDocument.PayloadKey.allCases { #expect("\(key)" == "\(key.name)") }
        for key in SourceItem.PayloadKey.allCases { #expect("\(key)" == "\(key.name)") }
    }

    @Test func theWriterWritesEveryKeyInTheListsOrder() throws {
        let payload = Self.everyField.storePayload
        let itemsStart = try #require(payload.range(of: #""items":["#))
        func offsets(_ names: [String], in text: Substring) throws -> [Int] {
            try names.map { name in
                let range = try #require(text.range(of: "\"\(name)\":"), "\(name) not written")
                return text.distance(from: text.startIndex, to: range.lowerBound)
            }
        }
        let documentOffsets = try offsets(
            Self.names(SourceDocument.PayloadKey.self), in: payload[..<itemsStart.upperBound])
        #expect(documentOffsets == documentOffsets.sorted())
        let itemOffsets = try offsets(Self.names(SourceItem.PayloadKey.self), in: payload[itemsStart.upperBound...])
        #expect(itemOffsets == itemOffsets.sorted())
        #expect(try SourceDocument(storePayload: payload) == Self.everyField)
    }

    /// Keys are matched in place, without a `String`; one written with escapes is read as the
    /// text it stands for, by the reader itself rather than by `JSONDecoder`.
    @Test func aKeyWrittenWithEscapesIsReadAsTheKeyItNames() throws {
        let payload = Self.everyField.storePayload
            .replacingOccurrences(of: #"{"id":"#, with: #"{"\u0069d":"#)
            .replacingOccurrences(of: #","unit":"#, with: #","un\u0069t":"#)
        let read = Array(payload.utf8).withUnsafeBufferPointer { buffer in
            var reader = PayloadReader(buffer)
            return reader.document()
        }
        #expect(read == Self.everyField, "\(payload)")
        #expect(try JSONDecoder().decode(SourceDocument.self, from: Data(payload.utf8)) == Self.everyField)
    }

    @Test(arguments: SourceItem.PayloadKey.allCases)
    func eachKeyIsFoundByItsNameWhateverCameBefore(key: SourceItem.PayloadKey) {
        var name = "\(key.name)"
        name.withUTF8 { text in
            #expect(SourceItem.PayloadKey.named(text, after: nil) == key)
            for previous in SourceItem.PayloadKey.allCases {
                #expect(SourceItem.PayloadKey.named(text, after: previous) == key)
            }
        }
    }

    @Test(arguments: ["", "uni", "units", "Unit", "unit ", "paymentTerm", "items"])
    func aTextThatIsNoKeyExactlyIsNoKey(text: String) {
        var text = text
        text.withUTF8 { bytes in
            #expect(SourceItem.PayloadKey.named(bytes, after: nil) == nil)
            #expect(SourceItem.PayloadKey.named(bytes, after: .quantity) == nil)
        }
    }
}
