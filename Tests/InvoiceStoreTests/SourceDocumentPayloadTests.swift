import Foundation
import InvoiceStore
import InvoicingCore
import Testing

@Suite
struct SourceDocumentPayloadTests {
    static let awkward = [
        "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "control \u{1} \u{1F}", "Zähler „€“ 🧾", "",
    ]

    /// Every text field long and made of control characters (6 bytes each in JSON): the payload
    /// fits the room reserved for it, where the CO, plant, resource and DIP fields once overran it.
    @Test func aDocumentWhoseEveryTextIsLongAndEscapedFitsItsPayload() throws {
        let date = try #require(CalendarDate(year: 2026, month: 11, day: 30))
        let long = String(repeating: "\u{1}", count: 400)
        let item = SourceItem(
            number: 10, material: long, description: long, quantity: 1, unit: long, taxCode: long,
            profitCenter: long, costCenter: long, plant: long, resourceType: .expense, activityType: long,
            paymentTerms: long)
        let document = SourceDocument(
            id: long, category: .resourceRelated, type: long, companyCode: long, account: long, currency: .eur,
            documentDate: date, billingDate: date, referenceOrder: long, referenceDelivery: long, paymentTerms: long,
            invoicingType: long, referenceInvoice: long, dipProfile: long, items: [item, item])
        let decoded = try JSONDecoder().decode(SourceDocument.self, from: Data(document.storePayload.utf8))
        #expect(decoded == document)
    }

    @Test(arguments: awkward)
    func theHandWrittenPayloadDecodesToTheSameDocument(text: String) throws {
        let date = try #require(CalendarDate(year: 2026, month: 11, day: 30))
        let documents = [
            SourceDocument(
                id: "D-\(text)", category: .sdBilling, type: text, companyCode: "1000", account: "A1", currency: .jpy,
                documentDate: date, billingDate: date, referenceOrder: text, referenceDelivery: nil,
                paymentTerms: "NT14",
                invoicingType: nil, billingBlock: true, referenceInvoice: text,
                items: [
                    SourceItem(
                        number: 10, material: "M1", description: text,
                        quantity: FixedDecimal(significand: -12_345, scale: 3)),
                    SourceItem(
                        number: 20, material: text, quantity: 1, unit: "C62",
                        unitPrice: FixedDecimal(significand: 1, scale: 6),
                        priceUnit: 100, taxCode: "S19", orderedQuantity: FixedDecimal(significand: 15, scale: 1)),
                ]),
            SourceDocument(
                id: "E", category: .adHoc, type: "T", companyCode: "2000", account: "A2", currency: .eur,
                documentDate: date, billingDate: date, items: []),
        ]
        for document in documents {
            let decoded = try JSONDecoder().decode(SourceDocument.self, from: Data(document.storePayload.utf8))
            #expect(decoded == document)
            #expect(try JSONSerialization.jsonObject(with: Data(document.storePayload.utf8)) is [String: Any])
        }
    }

    @Test(
        arguments: [
            (0, 0), (5, 3), (-5, 3), (12_345, 3), (-12_345, 0), (100, 2), (Int64.max, 9), (Int64.min + 1, 6), (7, 9),
        ] as [(Int64, Int)])
    func numbersAndDatesAreWrittenAsTheirDescriptions(significand: Int64, scale: Int) throws {
        let date = try #require(CalendarDate(year: 987, month: 1, day: 9))
        let number = FixedDecimal(significand: significand, scale: scale)
        let document = SourceDocument(
            id: "N", category: .adHoc, type: "T", companyCode: "1000", account: "A1", currency: .eur,
            documentDate: date, billingDate: date,
            items: [SourceItem(number: 1_234_567, material: "M", quantity: number, unitPrice: number)])
        let payload = document.storePayload
        #expect(payload.contains("\"documentDate\":\"\(date.description)\""))
        #expect(payload.contains("\"quantity\":\"\(number.description)\",\"unitPrice\":\"\(number.description)\""))
        #expect(payload.contains("{\"number\":1234567,"))
    }

    @Test func longTextsInEveryFieldFitThePayload() throws {
        // Each text field alone far longer than the rest of the document: the room counted for
        // the payload must include every one of them (the CO fields and the DIP profile were once
        // left out, which stopped an import with "payload capacity exceeded").
        let date = try #require(CalendarDate(year: 2026, month: 11, day: 30))
        let long = String(repeating: "\u{1}", count: 3_000)
        let document = SourceDocument(
            id: "L", category: .adHoc, type: "T", companyCode: "1000", account: "A1", currency: .eur,
            documentDate: date, billingDate: date, dipProfile: long,
            items: [
                SourceItem(
                    number: 1, material: "M", quantity: 1, profitCenter: long, costCenter: long, plant: long,
                    resourceType: .hours, activityType: long)
            ])
        let decoded = try JSONDecoder().decode(SourceDocument.self, from: Data(document.storePayload.utf8))
        #expect(decoded == document)
    }
}
