import Foundation
import InvoicingCore
import Testing

@testable import InvoiceStore

/// A stored document's JSON is read by `PayloadReader` as `JSONDecoder` reads it, whoever wrote
/// it; what the reader does not expect goes to `JSONDecoder`.
@Suite
struct SourceDocumentPayloadReadingTests {
    static let date = CalendarDate(year: 2026, month: 11, day: 30)!  // swift-format-ignore: NeverForceUnwrap

    /// A document with every field set, its texts awkward: quotes, slashes, control characters,
    /// non-Latin letters and a character outside the Basic Multilingual Plane.
    static func document(_ text: String) -> SourceDocument {
        SourceDocument(
            id: "D-\(text)", category: .resourceRelated, type: text, companyCode: "1000", account: "A/1",
            currency: .jpy, documentDate: date, billingDate: date, referenceOrder: text, referenceDelivery: "LF",
            paymentTerms: "NT14", invoicingType: text, billingBlock: true, referenceInvoice: text, dipProfile: "DIP",
            items: [
                SourceItem(
                    number: 10, material: "M1", description: text,
                    quantity: FixedDecimal(significand: -12_345, scale: 3)),
                SourceItem(
                    number: -20, material: text, description: nil, quantity: 1, unit: "C62",
                    unitPrice: FixedDecimal(significand: 1, scale: 6), priceUnit: 100, taxCode: "S19",
                    orderedQuantity: FixedDecimal(significand: 15, scale: 1), profitCenter: "PC", costCenter: text,
                    plant: "P1", resourceType: .expense, activityType: "ACT", paymentTerms: text),
            ])
    }

    static let texts = [
        "plain", "quote \" backslash \\ slash /", "line\nbreak\r\ttab \u{8}\u{C}", "control \u{1} \u{1F} \u{7F}",
        "Zähler „€“ 🧾 𝄞", "",
    ]

    private static func read(_ payload: String) -> SourceDocument? {
        var payload = payload
        return payload.withUTF8 { bytes in
            var reader = PayloadReader(bytes)
            return reader.document()
        }
    }

    @Test(arguments: texts)
    func theStoresOwnPayloadIsReadByTheReader(text: String) throws {
        let document = Self.document(text)
        #expect(Self.read(document.storePayload) == document)
        #expect(try SourceDocument(storePayload: document.storePayload) == document)
    }

    @Test(arguments: texts)
    func jsonEncodersPayloadInAnyOrderAndLayoutIsReadToo(text: String) throws {
        let document = Self.document(text)
        let encoder = JSONEncoder()
        for formatting in [[], [.prettyPrinted], [.sortedKeys, .withoutEscapingSlashes]]
            as [JSONEncoder.OutputFormatting]
        {
            encoder.outputFormatting = formatting
            let payload = String(decoding: try encoder.encode(document), as: UTF8.self)
            #expect(Self.read(payload) == document, "\(formatting)")
        }
        let empty = SourceDocument(
            id: "E", category: .adHoc, type: "T", companyCode: "2000", account: "A2", currency: .eur,
            documentDate: Self.date, billingDate: Self.date, items: [])
        #expect(Self.read(String(decoding: try JSONEncoder().encode(empty), as: UTF8.self)) == empty)
    }

    @Test func unicodeEscapesAndExplicitNullsAreRead() throws {
        let payload = #"""
            { "id" : "\u0044\u00e4\ud834\udd1e\/" , "category":"ADHOC","type":"T","companyCode":"1000",
              "account":"A1","currency":"EUR","documentDate":"2026-11-30","billingDate":"2026-11-30",
              "referenceOrder":null,"billingBlock":false,
              "items":[{"number":1,"material":"M","quantity":"2.50","unit":null}] }
            """#
        let document = try #require(Self.read(payload))
        #expect(document.id == "Dä𝄞/")
        #expect(document.referenceOrder == nil)
        #expect(document.items.first?.quantity == FixedDecimal(significand: 250, scale: 2))
        #expect(try JSONDecoder().decode(SourceDocument.self, from: Data(payload.utf8)) == document)
    }

    /// What the reader does not expect, `JSONDecoder` reads or refuses: the result is always its.
    @Test func whatTheReaderDoesNotExpectIsLeftToJSONDecoder() throws {
        let good = Self.document("x").storePayload
        let odd = [
            good.replacingOccurrences(of: #"{"id""#, with: #"{"extra":1,"id""#),  // a key it does not know
            good.replacingOccurrences(of: #""number":10,"#, with: #""number":10.0,"#),  // a fraction
            good.replacingOccurrences(of: #""number":10,"#, with: #""number":1e1,"#),  // an exponent
            good.replacingOccurrences(of: #"{"id""#, with: #"{"type":"Y","id""#),  // a key twice
            good.replacingOccurrences(of: #","billingBlock":true"#, with: ""),  // a required key missing
            good.replacingOccurrences(of: #""currency":"JPY""#, with: #""currency":"XXX""#),  // no such currency
            good.replacingOccurrences(of: "\"items\":[", with: "\"items\":[ "),  // (read: whitespace)
            good + " x",  // trailing text
            String(good.dropLast()),  // cut short
        ]
        for payload in odd {
            let foundation = Result { try JSONDecoder().decode(SourceDocument.self, from: Data(payload.utf8)) }
            let ours = Result { try SourceDocument(storePayload: payload) }
            switch (foundation, ours) {
            case (.success(let expected), .success(let read)): #expect(read == expected, "\(payload)")
            case (.failure, .failure): break
            default: Issue.record("JSONDecoder and the store disagree on \(payload)")
            }
        }
        #expect(Self.read(odd[0]) == nil)
        #expect(Self.read(odd[1]) == nil)
        #expect(Self.read(odd[6]) != nil)
        #expect(throws: StoreError.self) { try SourceDocument(storePayload: odd[4]) }
    }

    @Test func invalidUTF8IsLeftToJSONDecoder() throws {
        var bytes = Array(Self.document("x").storePayload.utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "x")))
        bytes[index] = 0xFF
        let found = bytes.withUnsafeBufferPointer { buffer in
            var reader = PayloadReader(buffer)
            return reader.document()
        }
        #expect(found == nil)
    }
}
