import Exporters
import Foundation
import Importers
import InvoicingCore
import Testing

/// UBL and CII read back into the canonical model and written again, from the golden e-invoices.
@Suite struct EInvoiceRoundTripTests {
    static let invoices = CommandLineTool.repositoryRoot.appendingPathComponent(
        "Tests/InvoiceRunTests/Expected/sample-run/RUN-000001/invoices")
    static let check = EN16931Check(rounding: .halfUp)

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: invoices.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: [
        "IN-1000-2026-000002.ubl.xml", "IN-1000-2026-000003.ubl.xml", "IN-1000-2026-000004.ubl.xml",
        "IN-2000-2026-000003.ubl.xml", "IN-1000-2026-000012.ubl.xml", "IN-1000-2026-000013.ubl.xml",
        "IN-1000-2026-000014.ubl.xml", "IN-1000-2026-000016.ubl.xml",
    ])
    func ublReadAndWrittenAgainIsTheSameDocument(name: String) throws {
        let text = try Self.golden(name)
        let reading = try UBLReader.read(text, fileName: name)
        #expect(reading.format == .ubl)
        #expect(reading.notCarried.isEmpty, "\(reading.notCarried)")
        #expect(try UBLInvoice.render(reading.invoice, check: Self.check) == text)
    }

    @Test func ublToCIIToUBLKeepsEveryBusinessTerm() throws {
        // IN-2000-2026-000003 was written in both syntaxes by the run: each converts into the other exactly.
        let ubl = try Self.golden("IN-2000-2026-000003.ubl.xml")
        let cii = try Self.golden("IN-2000-2026-000003.cii.xml")
        let fromUBL = try UBLReader.read(ubl, fileName: "ubl").invoice
        #expect(try CIIInvoice.render(fromUBL, check: Self.check) == cii)
        let fromCII = try CIIReader.read(cii, fileName: "cii")
        #expect(fromCII.format == .cii)
        #expect(fromCII.notCarried.isEmpty, "\(fromCII.notCarried)")
        #expect(try UBLInvoice.render(fromCII.invoice, check: Self.check) == ubl)
        #expect(try CIIInvoice.render(fromCII.invoice, check: Self.check) == cii)
    }

    @Test(arguments: [("IN-1000-2026-000012.ubl.xml", "326"), ("IN-1000-2026-000013.ubl.xml", "386")])
    func advanceAndPrepaymentInvoicesKeepTheirTypeCodeAndAFinalInvoiceItsPrepaidAmount(
        name: String, code: String
    ) throws {
        let text = try Self.golden(name)
        #expect(text.contains("<cbc:InvoiceTypeCode>\(code)</cbc:InvoiceTypeCode>"))
        let kind = try UBLReader.read(text, fileName: name).invoice.kind
        #expect(kind == (code == "326" ? .advance : .prepayment))
        let final = try UBLReader.read(try Self.golden("IN-1000-2026-000014.ubl.xml"), fileName: "final").invoice
        #expect(final.prepaidAmount == Money(minorUnits: 119000, currency: .eur))
        #expect(try final.amountDue == Money(minorUnits: 87882, currency: .eur))
        // The canonical XML of the final invoice carries the prepaid amount too.
        let xml = try InvoiceXML.render(final)
        #expect(xml.contains("<prepaidAmount>1190.00</prepaidAmount>"))
    }

    @Test func thePrecedingInvoiceOfACorrectionTravelsInBothSyntaxes() throws {
        // BG-3: a credit memo, debit memo or cancellation names the invoice it corrects.
        var invoice = try UBLReader.read(try Self.golden("IN-2000-2026-000003.ubl.xml"), fileName: "ubl").invoice
        invoice.reference = "IN-2000-2026-000001"
        let ubl = try UBLInvoice.render(invoice, check: Self.check)
        #expect(ubl.contains("<cac:BillingReference>"))
        let cii = try CIIInvoice.render(invoice, check: Self.check)
        #expect(cii.contains("<ram:InvoiceReferencedDocument>"))
        #expect(try UBLReader.read(ubl, fileName: "ubl").invoice.reference == "IN-2000-2026-000001")
        let fromCII = try CIIReader.read(cii, fileName: "cii")
        #expect(fromCII.invoice.reference == "IN-2000-2026-000001")
        #expect(fromCII.notCarried.isEmpty, "\(fromCII.notCarried)")
        #expect(try UBLInvoice.render(fromCII.invoice, check: Self.check) == ubl)
    }

    @Test func ciiReadAndWrittenAgainIsTheSameDocument() throws {
        let cii = try Self.golden("IN-1000-2026-000010.cii.xml")
        #expect(try CIIInvoice.render(try CIIReader.read(cii, fileName: "cii").invoice, check: Self.check) == cii)
    }

    @Test func aCreditNoteComesBackAsANegativeInvoiceAndIsWrittenAsACreditNoteAgain() throws {
        let invoice = try UBLReader.read(try Self.golden("IN-2000-2026-000003.ubl.xml"), fileName: "ubl").invoice
        var credit = invoice
        credit.negateAmounts()
        let written = try UBLInvoice.render(credit, check: Self.check)
        let read = try UBLReader.read(written, fileName: "credit").invoice
        #expect(read.grossTotal == credit.grossTotal)
        #expect(read.lines.map(\.netAmount) == credit.lines.map(\.netAmount))
        #expect(read.lines.map(\.quantity) == credit.lines.map(\.quantity))
        #expect(try UBLInvoice.render(read, check: Self.check) == written)
        let cii = try CIIInvoice.render(credit, check: Self.check)
        #expect(try CIIInvoice.render(try CIIReader.read(cii, fileName: "cii").invoice, check: Self.check) == cii)
    }

    @Test func whatTheModelCannotCarryIsReportedOrRefused() throws {
        var text = try Self.golden("IN-1000-2026-000004.ubl.xml")
        text = text.replacingOccurrences(
            of: "  <cbc:BuyerReference>", with: "  <cbc:Note>Thank you</cbc:Note>\n  <cbc:BuyerReference>")
        #expect(try UBLReader.read(text, fileName: "note.xml").notCarried == ["invoice note (BT-22)"])
        let prepaid = text.replacingOccurrences(
            of: "  <cbc:PayableAmount",
            with: "  <cbc:PrepaidAmount currencyID=\"EUR\">1.00</cbc:PrepaidAmount>\n  <cbc:PayableAmount")
        #expect(throws: ImportDiagnostic.self) { try UBLReader.read(prepaid, fileName: "prepaid.xml") }
    }

    @Test func documentLevelAllowancesPrepaidAndRoundingAmountsGoThroughBothSyntaxes() throws {
        var invoice = try UBLReader.read(try Self.golden("IN-2000-2026-000003.ubl.xml"), fileName: "ubl").invoice
        func gbp(_ text: String) throws -> Money { try Money.parse(text, currency: .gbp) }
        // A 10.00 allowance on the zero-rated books (no VAT changes), 100.00 paid in advance, 0.01 rounded.
        invoice.documentAllowanceCharges = [
            DocumentAllowanceCharge(
                isCharge: false, amount: try gbp("-10.00"), reason: "Loyalty", reasonCode: "95", percentage: 10,
                baseAmount: try gbp("100.00"), category: .zeroRated, rate: .zero)
        ]
        let zero = try #require(invoice.taxes.firstIndex { $0.category == .zeroRated })
        invoice.taxes[zero].taxableAmount = try invoice.taxes[zero].taxableAmount.subtracting(try gbp("10.00"))
        invoice.grossTotal = try invoice.grossTotal.subtracting(try gbp("10.00"))
        invoice.prepaidAmount = try gbp("100.00")
        invoice.roundingAmount = try gbp("0.01")
        let ubl = try UBLInvoice.render(invoice, check: Self.check)
        #expect(ubl.contains("<cbc:AllowanceTotalAmount currencyID=\"GBP\">10.00</cbc:AllowanceTotalAmount>"))
        #expect(ubl.contains("<cbc:PrepaidAmount currencyID=\"GBP\">100.00</cbc:PrepaidAmount>"))
        let fromUBL = try UBLReader.read(ubl, fileName: "ubl").invoice
        #expect(fromUBL == invoice)
        let cii = try CIIInvoice.render(fromUBL, check: Self.check)
        let fromCII = try CIIReader.read(cii, fileName: "cii").invoice
        #expect(fromCII == invoice)
        #expect(try UBLInvoice.render(fromCII, check: Self.check) == ubl)
        #expect(try invoice.amountDue == (try invoice.grossTotal.subtracting(try gbp("99.99"))))
    }

    @Test func theSellerIdentifierAndLegalRegistrationGoThroughBothSyntaxes() throws {
        // BT-29 and BT-30 with their schemes, as the Danish and XRechnung examples carry them.
        var invoice = try UBLReader.read(try Self.golden("IN-2000-2026-000003.ubl.xml"), fileName: "ubl").invoice
        invoice.seller.identifier = PartyIdentifier(identifier: "5790000435975", scheme: "0088")
        invoice.seller.legalRegistration = PartyIdentifier(identifier: "DK12345678", scheme: "0184")
        let ubl = try UBLInvoice.render(invoice, check: Self.check)
        let fromUBL = try UBLReader.read(ubl, fileName: "ubl")
        #expect(fromUBL.invoice == invoice)
        #expect(fromUBL.notCarried.isEmpty, "\(fromUBL.notCarried)")
        let cii = try CIIInvoice.render(fromUBL.invoice, check: Self.check)
        let fromCII = try CIIReader.read(cii, fileName: "cii")
        #expect(fromCII.invoice == invoice)
        #expect(fromCII.notCarried.isEmpty, "\(fromCII.notCarried)")
        #expect(try UBLInvoice.render(fromCII.invoice, check: Self.check) == ubl)
        // Without a scheme: CII ram:ID, UBL without schemeID, and back the same.
        invoice.seller.identifier?.scheme = nil
        invoice.seller.legalRegistration?.scheme = nil
        let plain = try CIIInvoice.render(invoice, check: Self.check)
        #expect(try CIIReader.read(plain, fileName: "cii").invoice == invoice)
        #expect(
            try UBLReader.read(try UBLInvoice.render(invoice, check: Self.check), fileName: "ubl").invoice == invoice)
    }

    @Test func splitPaymentIGICAndIPSIAreReadAndWrittenBack() throws {
        // Category B of an Italian invoice (the CEN example's shape), and L and M of Spanish ones.
        let text = try Self.golden("IN-2000-2026-000003.ubl.xml")
        let invoice = try UBLReader.read(text, fileName: "ubl").invoice
        for (category, country) in [(TaxCategory.splitPayment, "IT"), (.canaryIslands, "ES"), (.ceutaMelilla, "ES")] {
            var moved = invoice
            moved.seller.address.country = country
            moved.buyer.address.country = country
            for index in moved.lines.indices where moved.lines[index].taxCategory == .standard {
                moved.lines[index].taxCategory = category
                moved.lines[index].taxCode = category.rawValue + moved.lines[index].taxRate.normalized.description
            }
            for index in moved.taxes.indices where moved.taxes[index].category == .standard {
                moved.taxes[index].category = category
                moved.taxes[index].taxCode = category.rawValue + moved.taxes[index].rate.normalized.description
            }
            let ubl = try UBLInvoice.render(moved, check: Self.check)
            #expect(ubl.contains("<cbc:ID>\(category.rawValue)</cbc:ID>"))
            #expect(try UBLReader.read(ubl, fileName: "ubl").invoice == moved)
            let cii = try CIIInvoice.render(moved, check: Self.check)
            #expect(try CIIReader.read(cii, fileName: "cii").invoice == moved)
        }
        let unknown = text.replacingOccurrences(of: "<cbc:ID>S</cbc:ID>", with: "<cbc:ID>X</cbc:ID>")
        #expect(throws: ImportDiagnostic.self) { try UBLReader.read(unknown, fileName: "x.xml") }
    }

    @Test func aStatedVATOneCentOffTheRoundedProductIsKeptWhenConverting() throws {
        // XRechnung 01.06's shape: 3,986.34 at 19 % is 757.40 rounded, the invoice states 757.41.
        var invoice = try UBLReader.read(try Self.golden("IN-2000-2026-000003.ubl.xml"), fileName: "ubl").invoice
        let index = try #require(invoice.taxes.firstIndex { $0.category == .standard && !$0.taxAmount.isZero })
        let cent = Money(minorUnits: 1, currency: invoice.currency)
        invoice.taxes[index].taxAmount = try invoice.taxes[index].taxAmount.adding(cent)
        invoice.taxTotal = try invoice.taxTotal.adding(cent)
        invoice.grossTotal = try invoice.grossTotal.adding(cent)
        #expect(throws: EInvoiceError.self) { try UBLInvoice.render(invoice, check: Self.check) }
        let stated = EN16931Check(rounding: .halfUp, vatAmounts: .stated)
        let ubl = try UBLInvoice.render(invoice, check: stated)
        #expect(try UBLReader.read(ubl, fileName: "ubl").invoice == invoice)
        #expect(try CIIReader.read(try CIIInvoice.render(invoice, check: stated), fileName: "cii").invoice == invoice)
        #expect(stated.deviations(of: try EN16931Amounts(invoice)).count == 1)
    }
}
