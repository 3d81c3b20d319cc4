import Exporters
import Testing

@testable import InvoicingCore

@Suite struct EDIFACTInvoicTests {
    static let check = EN16931Check(rounding: .halfUp)

    static func segments(_ invoice: Invoice) throws -> [EDIReader.Segment] {
        try EDIReader.edifact(try EDIFACTInvoic.render(invoice, check: check))
    }

    @Test func theEnvelopeCountsItsSegmentsAndRepeatsItsControlReference() throws {
        let invoice = try Fixture.germanInvoice
        let segments = try Self.segments(invoice)
        let control = EDIControlNumber(invoiceNumber: invoice.number).nineDigits
        #expect(segments.first?.tag == "UNB")
        #expect(segments.last?.tag == "UNZ")
        let unb = try #require(segments.first)
        #expect(unb.elements.count == 5)
        #expect(unb.elements[0] == ["UNOC", "3"])
        #expect(unb[5] == control)
        let message = segments.dropFirst().dropLast()
        #expect(message.first?.tag == "UNH")
        let unt = try #require(message.last)
        #expect(unt.tag == "UNT")
        #expect(unt[1] == String(message.count))
        #expect(unt[2] == message.first?[1])
        #expect(segments.last?[1] == "1")
        #expect(segments.last?[2] == control)
        #expect(message.first?.elements[1] == ["INVOIC", "D", "96A", "UN", "EAN008"])
    }

    @Test func theInvoiceCarriesItsPartiesLinesAndTotals() throws {
        let invoice = try Fixture.germanInvoice
        let segments = try Self.segments(invoice)
        let bgm = try #require(segments.first { $0.tag == "BGM" })
        #expect(bgm[1] == "380" && bgm[2] == invoice.number)
        let seller = try #require(segments.firstIndex { $0.tag == "NAD" && $0[1] == "SE" })
        #expect(segments[seller].elements.count == 9)
        #expect(segments[seller][4] == invoice.seller.address.name)
        #expect(segments[(seller + 1)...].first { $0.tag == "RFF" }?.elements[0] == ["VA", invoice.seller.vatID])
        let buyer = try #require(segments.firstIndex { $0.tag == "NAD" && $0[1] == "BY" })
        #expect(segments[buyer + 1].elements[0] == ["VA", try #require(invoice.buyer.vatID)])
        let due = try #require(segments.firstIndex { $0.tag == "PAT" })
        #expect(segments[due + 1].elements[0] == ["13", invoice.dueDate.description.filter { $0 != "-" }, "102"])
        #expect(segments.filter { $0.tag == "LIN" }.count == invoice.lines.count)
        let lineAmounts = segments.filter { $0.tag == "MOA" && $0[1] == "203" }.map { $0[1, 2] }
        #expect(lineAmounts == invoice.lines.map(\.netAmount.decimal.description))
        let summary = try #require(segments.firstIndex { $0.tag == "UNS" })
        let totals = Dictionary(
            segments[summary...].prefix { $0.tag != "TAX" }.filter { $0.tag == "MOA" }.map { ($0[1], $0[1, 2]) },
            uniquingKeysWith: { first, _ in first })
        #expect(totals["79"] == invoice.netTotal.decimal.description)
        #expect(totals["176"] == invoice.taxTotal.decimal.description)
        #expect(totals["9"] == invoice.grossTotal.decimal.description)
        let vat = segments[summary...].filter { $0.tag == "TAX" }
        #expect(vat.count == (try EN16931Amounts(invoice)).vatBreakdown.count)
        #expect(vat.allSatisfy { $0.elements.count == 6 && $0[2] == "VAT" })
    }

    @Test func aCreditIsA381WithPositiveAmounts() throws {
        let credit = try Fixture.credit(of: try Fixture.englishInvoice)
        let segments = try Self.segments(credit)
        #expect(segments.first { $0.tag == "BGM" }?[1] == "381")
        #expect(segments.filter { $0.tag == "MOA" }.allSatisfy { !$0[1, 2].hasPrefix("-") })
        #expect(
            segments.first { $0.tag == "MOA" && $0[1] == "9" }?[1, 2] == credit.grossTotal.negated.decimal.description)
    }

    @Test func separatorsInDataAreReleasedAndReadBack() throws {
        var invoice = try Fixture.germanInvoice
        let name = "O'Neil + Sons: Why? Yes"
        invoice.buyer.address.name = name
        invoice.lines[0].description = "a:b+c'd?e"
        let text = try EDIFACTInvoic.render(invoice, check: Self.check)
        #expect(text.hasPrefix("UNA:+.? '\n"))
        #expect(text.contains("O?'Neil ?+ Sons?: Why?? Yes"))
        #expect(text.contains(":::a?:b?+c?'d??e'"))
        let segments = try EDIReader.edifact(text)
        #expect(segments.first { $0.tag == "NAD" && $0[1] == "BY" }?[4] == name)
        #expect(segments.first { $0.tag == "IMD" }?.elements[2] == ["", "", "", "a:b+c'd?e"])
        let unt = try #require(segments.first { $0.tag == "UNT" })
        let unh = try #require(segments.firstIndex { $0.tag == "UNH" })
        #expect(unt[1] == String(segments.count - 1 - unh))
    }

    @Test func latin1IsWrittenAsItsOwnBytesAndOnlyWhatUNOCLacksIsFolded() throws {
        var invoice = try Fixture.germanInvoice
        invoice.buyer.address.name = "Müller & Søn, Straße 5 € Łódź Ő"
        let interchange = try EDIFACTInvoic.interchange(invoice, check: Self.check)
        let segments = try EDIReader.edifact(interchange.text)
        #expect(segments.first { $0.tag == "NAD" && $0[1] == "BY" }?[4] == "Müller & Søn, Straße 5 EUR Lódz O")
        #expect(interchange.folded == ["Ł → L", "Ő → O", "ź → z", "€ → EUR"])
        // ISO 8859-1: one byte per character, ü 0xFC, ø 0xF8, ß 0xDF, ó 0xF3; no UTF-8 sequences.
        #expect(interchange.bytes.count == interchange.text.unicodeScalars.count)
        let name = Array("NAD+BY".utf8)
        let start = try #require(
            interchange.bytes.indices.first { Array(interchange.bytes[$0..<($0 + name.count)]) == name })
        let nad = interchange.bytes[start...].prefix { $0 != UInt8(ascii: "'") }
        #expect(nad.contains(0xFC) && nad.contains(0xF8) && nad.contains(0xDF) && nad.contains(0xF3))
        #expect(!nad.contains(0xC3))
        #expect(String(decoding: interchange.bytes, as: UTF8.self) != interchange.text)
        #expect(interchange.text.hasPrefix("UNA:+.? '\nUNB+UNOC:3+"))
    }

    @Test func nothingIsReportedWhenEverythingIsLatin1() throws {
        #expect(try EDIFACTInvoic.interchange(try Fixture.germanInvoice, check: Self.check).folded.isEmpty)
    }

    @Test func longNamesAreSplitInto35CharacterComponents() throws {
        var invoice = try Fixture.germanInvoice
        invoice.buyer.address.name = String(repeating: "N", count: 35) + "+tail"
        let segments = try Self.segments(invoice)
        let buyer = try #require(segments.first { $0.tag == "NAD" && $0[1] == "BY" })
        #expect(buyer.elements[3] == [String(repeating: "N", count: 35), "+tail"])
    }

    @Test func theControlReferenceFollowsTheInvoiceNumber() {
        let first = EDIControlNumber(invoiceNumber: "IN-1000-2026-000009")
        #expect(first == EDIControlNumber(invoiceNumber: "IN-1000-2026-000009"))
        #expect(first != EDIControlNumber(invoiceNumber: "IN-2000-2026-000009"))
        #expect(first.nineDigits.count == 9 && first.nineDigits.allSatisfy(\.isNumber))
        #expect((1...999_999_999).contains(first.value))
    }
}
