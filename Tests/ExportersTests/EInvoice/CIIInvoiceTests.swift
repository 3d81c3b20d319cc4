import Exporters
import Foundation
import Testing
import XMLSupport

@testable import InvoicingCore

@Suite struct CIIInvoiceTests {
    static let schema = Fixture.repository.appendingPathComponent("Schemas/cii-d16b/CrossIndustryInvoice_100pD16B.xsd")
        .path
    static let check = EN16931Check(rounding: .halfUp)

    static func validate(_ xml: String) throws -> [XMLDiagnostic] {
        try XMLSchema(path: schema).validate(bytes: Array(xml.utf8), fileName: "cii.xml")
    }

    @Test("The German invoice is schema-valid CII with its breakdown, payment and totals")
    func germanInvoice() throws {
        let invoice = try Fixture.germanInvoice
        let xml = try CIIInvoice.render(invoice, check: Self.check)
        #expect(try Self.validate(xml).isEmpty)
        for fragment in [
            "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>",
            "<ram:TypeCode>380</ram:TypeCode>",
            "<udt:DateTimeString format=\"102\">\(invoice.invoiceDate.description.filter { $0 != "-" })</udt:DateTimeString>",
            "<ram:URIID schemeID=\"9930\">DE811907980</ram:URIID>",
            "<ram:ID schemeID=\"VA\">DE129273398</ram:ID>",
            "<ram:IBANID>DE89370400440532013000</ram:IBANID>",
            "<ram:BilledQuantity unitCode=\"KWH\">52000</ram:BilledQuantity>",
            "<ram:CalculationPercent>5</ram:CalculationPercent>",
            "<ram:TaxTotalAmount currencyID=\"EUR\">\(invoice.taxTotal.decimal)</ram:TaxTotalAmount>",
            "<ram:DuePayableAmount>\(invoice.grossTotal.decimal)</ram:DuePayableAmount>",
        ] {
            #expect(xml.contains(fragment), "missing \(fragment)")
        }
        let misordered = xml.replacingOccurrences(
            of: "<ram:TypeCode>380", with: "<ram:Unknown>x</ram:Unknown><ram:TypeCode>380")
        #expect(!(try Self.validate(misordered)).isEmpty)
    }

    @Test("Two categories give two ApplicableTradeTax; a credit becomes 381 with positive amounts")
    func englishInvoiceAndCredit() throws {
        let english = try CIIInvoice.render(try Fixture.englishInvoice, check: Self.check)
        #expect(try Self.validate(english).isEmpty)
        #expect(english.components(separatedBy: "<ram:CalculatedAmount>").count == 3)
        let credit = try CIIInvoice.render(try Fixture.credit(of: try Fixture.englishInvoice), check: Self.check)
        #expect(try Self.validate(credit).isEmpty)
        #expect(credit.contains("<ram:TypeCode>381</ram:TypeCode>"))
        #expect(!credit.contains(">-"))
    }

    @Test("UBL and CII carry the same amounts for the same invoice")
    func ublAndCIIAgree() throws {
        let invoice = try Fixture.englishInvoice
        let ubl = try UBLInvoice.render(invoice, check: Self.check)
        let cii = try CIIInvoice.render(invoice, check: Self.check)
        for value in [invoice.netTotal, invoice.taxTotal, invoice.grossTotal] + invoice.lines.map(\.netAmount) {
            #expect(ubl.contains(">\(value.decimal)<") && cii.contains(">\(value.decimal)<"), "\(value)")
        }
    }

    @Test func thePrecedingInvoiceOfACorrectionIsSchemaValid() throws {
        var invoice = try Fixture.germanInvoice
        invoice.reference = "IN-1000-2026-000001"
        let xml = try CIIInvoice.render(invoice, check: Self.check)
        #expect(xml.contains("IN-1000-2026-000001"))
        #expect(try Self.validate(xml).isEmpty)
    }
}
