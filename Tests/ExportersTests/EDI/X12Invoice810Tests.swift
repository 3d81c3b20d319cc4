import Exporters
import Testing

@testable import InvoicingCore

@Suite struct X12Invoice810Tests {
    static let check = EN16931Check(rounding: .halfUp)

    @Test func theISAHeaderHasFixedWidthFieldsAndDeclaresTheSeparators() throws {
        let text = try X12Invoice810.render(try Fixture.germanInvoice, check: Self.check)
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.count == 106)
        #expect(Array(header)[3] == "*" && Array(header)[104] == ">" && header.last == "~")
        let isa = try #require(try EDIReader.x12(text).first)
        #expect(isa.tag == "ISA")
        #expect(isa.elements.count == 16)
        #expect(isa.elements.map { $0[0].count } == [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1])
        #expect(isa[12] == "00401")
    }

    @Test(arguments: [false, true])
    func theEnvelopesCountTheirSegmentsAndMatchTheirControlNumbers(credit: Bool) throws {
        let english = try Fixture.englishInvoice
        let invoice = credit ? try Fixture.credit(of: english) : english
        let segments = try EDIReader.x12(try X12Invoice810.render(invoice, check: Self.check))
        #expect(segments.map(\.tag).prefix(3) == ["ISA", "GS", "ST"])
        #expect(segments.map(\.tag).suffix(3) == ["SE", "GE", "IEA"])
        let control = EDIControlNumber(invoiceNumber: invoice.number)
        let isa = segments[0]
        let gs = segments[1]
        let st = segments[2]
        let se = segments[segments.count - 3]
        let ge = segments[segments.count - 2]
        let iea = segments[segments.count - 1]
        #expect(isa[13] == control.nineDigits && iea[2] == isa[13] && iea[1] == "1")
        #expect(gs[6] == String(control.value) && ge[2] == gs[6] && ge[1] == "1")
        #expect(gs[1] == "IN" && gs[8] == "004010")
        #expect(st[1] == "810" && se[2] == st[2])
        #expect(se[1] == String(segments.count - 4))
        let big = try #require(segments.first { $0.tag == "BIG" })
        #expect(big[2] == invoice.number && big[7] == (credit ? "CR" : "DI"))
        let lines = segments.filter { $0.tag == "IT1" }
        #expect(lines.count == invoice.lines.count)
        #expect(segments.first { $0.tag == "CTT" }?[1] == String(invoice.lines.count))
        let payable = credit ? invoice.grossTotal.negated : invoice.grossTotal
        #expect(segments.first { $0.tag == "TDS" }?[1] == String(payable.minorUnits))
        #expect(segments.allSatisfy { segment in segment.elements.joined().allSatisfy { !$0.hasPrefix("-") } })
        let vat = segments.drop { $0.tag != "TDS" }.filter { $0.tag == "TXI" }
        #expect(vat.count == (try EN16931Amounts(invoice)).vatBreakdown.count)
        #expect(vat.allSatisfy { $0.elements.count == 8 && $0[1] == "VA" })
    }

    @Test func separatorsInDataBecomeSpaces() throws {
        var invoice = try Fixture.germanInvoice
        invoice.buyer.address.name = "Ä*B>C~Dß"
        let segments = try EDIReader.x12(try X12Invoice810.render(invoice, check: Self.check))
        let buyer = try #require(segments.first { $0.tag == "N1" && $0[1] == "BY" })
        #expect(buyer[2] == "A B C Dss")
        #expect(buyer.elements.count == 4)
    }

    @Test func x12StaysASCIIAndReportsEveryFold() throws {
        var invoice = try Fixture.germanInvoice
        invoice.buyer.address.name = "Müller & Søn"
        let interchange = try X12Invoice810.interchange(invoice, check: Self.check)
        #expect(interchange.bytes.allSatisfy { $0 < 0x80 })
        #expect(interchange.bytes == Array(interchange.text.utf8))
        #expect(interchange.folded.contains("ü → u") && interchange.folded.contains("ø → o"))
        #expect(interchange.folded.contains("ß → ss"))  // the German sample's own street
    }

    @Test(arguments: [("C62", "EA"), ("KWH", "KH"), ("HUR", "HR"), ("PK", "PK"), ("XYZ", "ZZ")])
    func unitsMapToX12Codes(rec20: String, x12: String) {
        #expect(X12Invoice810.unit(rec20) == x12)
    }
}
