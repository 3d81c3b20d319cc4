import Exporters
import Foundation
import Testing
import XMLSupport

@testable import InvoicingCore

@Suite struct UBLInvoiceTests {
    static let schemas = Fixture.repository.appendingPathComponent("Schemas/ubl-2.1").path
    static let check = EN16931Check(rounding: .halfUp)

    static func validate(_ xml: String, schema: String, name: String) throws -> [XMLDiagnostic] {
        let schema = try XMLSchema(path: Self.schemas + "/" + schema)
        return schema.validate(bytes: Array(xml.utf8), fileName: name)
    }

    @Test("The German invoice is a schema-valid UBL Invoice with PEPPOL identifiers and its totals")
    func germanInvoice() throws {
        let invoice = try Fixture.germanInvoice
        let xml = try UBLInvoice.render(invoice, check: Self.check)
        #expect(try Self.validate(xml, schema: "UBL-Invoice-2.1.xsd", name: "ubl.xml").isEmpty)
        let misordered = xml.replacingOccurrences(of: "<cbc:ProfileID>", with: "<cbc:Note>x</cbc:Note><cbc:ProfileID>")
        #expect(!(try Self.validate(misordered, schema: "UBL-Invoice-2.1.xsd", name: "bad.xml")).isEmpty)
        for fragment in [
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
            "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>",
            "<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>",
            "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
            "<cbc:EndpointID schemeID=\"9930\">DE811907980</cbc:EndpointID>",
            "<cbc:EndpointID schemeID=\"9930\">DE129273398</cbc:EndpointID>",
            "<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>",
            "<cbc:ID>DE89370400440532013000</cbc:ID>",
            "<cbc:InvoicedQuantity unitCode=\"KWH\">52000</cbc:InvoicedQuantity>",
            "<cbc:MultiplierFactorNumeric>5</cbc:MultiplierFactorNumeric>",
            "<cbc:Amount currencyID=\"EUR\">751.40</cbc:Amount>",
            "<cbc:BaseAmount currencyID=\"EUR\">15028.00</cbc:BaseAmount>",
            "<cbc:PayableAmount currencyID=\"EUR\">\(invoice.grossTotal.decimal)</cbc:PayableAmount>",
        ] {
            #expect(xml.contains(fragment), "missing \(fragment)")
        }
    }

    @Test("Two VAT categories give two subtotals; the zero rate says Z and no exemption reason")
    func englishInvoice() throws {
        let invoice = try Fixture.englishInvoice
        let xml = try UBLInvoice.render(invoice, check: Self.check)
        #expect(try Self.validate(xml, schema: "UBL-Invoice-2.1.xsd", name: "ubl.xml").isEmpty)
        #expect(xml.components(separatedBy: "<cac:TaxSubtotal>").count == 3)
        #expect(xml.contains("<cbc:ID>Z</cbc:ID>"))
        #expect(!xml.contains("TaxExemptionReason"))
        #expect(xml.contains("<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"))
        #expect(xml.contains("<cbc:ChargeIndicator>true</cbc:ChargeIndicator>"))
    }

    @Test("A negative invoice becomes a CreditNote with positive amounts")
    func creditNote() throws {
        let credit = try Fixture.credit(of: try Fixture.germanInvoice)
        let xml = try UBLInvoice.render(credit, check: Self.check)
        #expect(try Self.validate(xml, schema: "UBL-CreditNote-2.1.xsd", name: "credit.xml").isEmpty)
        #expect(xml.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"))
        #expect(xml.contains("<cbc:CreditedQuantity unitCode=\"KWH\">52000</cbc:CreditedQuantity>"))
        #expect(xml.contains("<cbc:PayableAmount currencyID=\"EUR\">\((try Fixture.germanInvoice).grossTotal.decimal)"))
        #expect(!xml.contains("currencyID=\"EUR\">-"))
        #expect(xml.contains("<cbc:ChargeIndicator>false</cbc:ChargeIndicator>"))  // the discount stays an allowance
    }

    @Test("An invoice that does not add up is refused, naming the rule")
    func anInvoiceThatDoesNotAddUpIsRefused() throws {
        var invoice = try Fixture.germanInvoice
        invoice.taxTotal = try invoice.taxTotal.adding(Money(minorUnits: 1, currency: .eur))
        #expect(throws: EInvoiceError.self) { try UBLInvoice.render(invoice, check: Self.check) }
        do {
            _ = try UBLInvoice.render(invoice, check: Self.check)
        } catch {
            #expect(error.rule == "BR-CO-14")
            #expect(error.invoice == "IN-1000-2026-000009")
            #expect(error.description.hasPrefix("BR-CO-14: the VAT total (BT-110)"))
        }
    }

    @Test("A buyer without an electronic address or VAT number is refused (PEPPOL-EN16931-R010)")
    func aBuyerWithoutAnAddressIsRefused() throws {
        var invoice = try Fixture.germanInvoice
        invoice.buyer.vatID = nil
        do {
            _ = try UBLInvoice.render(invoice, check: Self.check)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.rule == "PEPPOL-EN16931-R010")
        }
        invoice.buyer.electronicAddress = ElectronicAddress("0204:991-01234-56")
        let xml = try UBLInvoice.render(invoice, check: Self.check)
        #expect(xml.contains("<cbc:EndpointID schemeID=\"0204\">991-01234-56</cbc:EndpointID>"))
        #expect(!xml.contains("<cac:PartyTaxScheme>\n        <cbc:CompanyID>DE129273398"))
    }

    @Test("Plain EN 16931 UBL declares no PEPPOL profile and needs no electronic address")
    func plainEN16931Profile() throws {
        var invoice = try Fixture.germanInvoice
        invoice.buyer.vatID = nil
        let xml = try UBLInvoice.render(invoice, check: Self.check, profile: .en16931)
        #expect(xml.contains("<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>"))
        #expect(!xml.contains("<cbc:ProfileID>"))
        #expect(try Self.validate(xml, schema: "UBL-Invoice-2.1.xsd", name: "plain.xml").isEmpty)
    }

    @Test("Electronic addresses: SCHEME:ID, or from a VAT number whose country has an EAS scheme")
    func electronicAddresses() {
        #expect(ElectronicAddress("9930:DE811907980") == ElectronicAddress(scheme: "9930", identifier: "DE811907980"))
        #expect(ElectronicAddress("DE811907980") == nil)
        #expect(ElectronicAddress(":x") == nil)
        #expect(ElectronicAddress(vatID: "GB980780684")?.scheme == "9932")
        #expect(ElectronicAddress(vatID: "CHE-116.281.710 MWST")?.scheme == "9927")
        #expect(ElectronicAddress(vatID: "US123") == nil)
    }

    @Test func thePrecedingInvoiceOfACorrectionIsSchemaValid() throws {
        var invoice = try Fixture.germanInvoice
        invoice.reference = "IN-1000-2026-000001"
        let xml = try UBLInvoice.render(invoice, check: Self.check)
        #expect(xml.contains("IN-1000-2026-000001"))
        #expect(try Self.validate(xml, schema: "UBL-Invoice-2.1.xsd", name: "ubl.xml").isEmpty)
    }
}
