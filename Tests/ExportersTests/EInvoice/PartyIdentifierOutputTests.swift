import Exporters
import Foundation
import Testing
import XMLSupport

@testable import InvoicingCore

/// The seller identifier (BT-29) and legal registration (BT-30) in every format that carries them.
@Suite struct PartyIdentifierOutputTests {
    static let schemas = Fixture.repository.appendingPathComponent("Schemas").path
    static let check = EN16931Check(rounding: .halfUp)

    /// The German sample invoice with a GLN as seller identifier and a commercial register number.
    static var registered: Invoice {
        get throws {
            var invoice = try Fixture.germanInvoice
            invoice.seller.identifier = PartyIdentifier(identifier: "4035811991021", scheme: "0088")
            invoice.seller.legalRegistration = PartyIdentifier(identifier: "HRB 123456 B", scheme: "0204")
            return invoice
        }
    }

    static func valid(_ xml: String, _ schema: String) throws -> Bool {
        try XMLSchema(path: schemas + "/" + schema).validate(bytes: Array(xml.utf8), fileName: schema).isEmpty
    }

    @Test("UBL writes BT-29 as PartyIdentification and BT-30 as PartyLegalEntity/CompanyID, schema-valid")
    func ubl() throws {
        let xml = try UBLInvoice.render(try Self.registered, check: Self.check)
        #expect(try Self.valid(xml, "ubl-2.1/UBL-Invoice-2.1.xsd"))
        #expect(xml.contains("<cac:PartyIdentification>\n        <cbc:ID schemeID=\"0088\">4035811991021</cbc:ID>"))
        #expect(
            xml.contains(
                "<cbc:RegistrationName>Nordlicht Energie GmbH</cbc:RegistrationName>\n"
                    + "        <cbc:CompanyID schemeID=\"0204\">HRB 123456 B</cbc:CompanyID>"))
    }

    @Test("CII writes BT-29 as GlobalID (with a scheme) and BT-30 as SpecifiedLegalOrganization, schema-valid")
    func cii() throws {
        let xml = try CIIInvoice.render(try Self.registered, check: Self.check)
        #expect(try Self.valid(xml, "cii-d16b/CrossIndustryInvoice_100pD16B.xsd"))
        #expect(xml.contains("<ram:GlobalID schemeID=\"0088\">4035811991021</ram:GlobalID>"))
        #expect(
            xml.contains(
                "<ram:SpecifiedLegalOrganization>\n          <ram:ID schemeID=\"0204\">HRB 123456 B</ram:ID>"))
        var withoutScheme = try Self.registered
        withoutScheme.seller.identifier?.scheme = nil
        let plain = try CIIInvoice.render(withoutScheme, check: Self.check)
        #expect(plain.contains("<ram:ID>4035811991021</ram:ID>\n        <ram:Name>"))
        #expect(try Self.valid(plain, "cii-d16b/CrossIndustryInvoice_100pD16B.xsd"))
    }

    @Test("The canonical XML carries both with their schemes and still validates against invoice.xsd")
    func canonicalXML() throws {
        let xml = try InvoiceXML.render(try Self.registered)
        #expect(try Self.valid(xml, "invoice.xsd"))
        #expect(xml.contains("<identifier scheme=\"0088\">4035811991021</identifier>"))
        #expect(xml.contains("<legalRegistration scheme=\"0204\">HRB 123456 B</legalRegistration>"))
        #expect(!(try InvoiceXML.render(try Fixture.germanInvoice)).contains("legalRegistration"))
    }

    @Test("EDIFACT carries the legal registration as the seller's RFF XA; X12 carries neither")
    func edi() throws {
        let edifact = try EDIFACTInvoic.render(try Self.registered, check: Self.check)
        #expect(edifact.contains("RFF+VA:DE811907980'\nRFF+XA:HRB 123456 B'\nNAD+BY"))
        let notCarried = ConversionTarget.x12.notCarried(try Self.registered)
        #expect(notCarried.contains("seller identifier (BT-29) in x12"))
        #expect(notCarried.contains("seller legal registration (BT-30) in x12"))
    }
}
