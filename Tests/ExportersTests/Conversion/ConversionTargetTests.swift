import Exporters
import Testing

@testable import InvoicingCore

/// Which terms each conversion target reports as not carried.
@Suite struct ConversionTargetTests {
    @Test("UBL and CII carry every term of the model; the other targets report what they lack")
    func ublAndCIICarryEverything() throws {
        var invoice = try Fixture.germanInvoice
        invoice.seller.identifier = PartyIdentifier(identifier: "4035811991021", scheme: "0088")
        invoice.seller.legalRegistration = PartyIdentifier(identifier: "HRB 1", scheme: "0204")
        invoice.reference = "IN-1000-2026-000001"
        invoice.roundingAmount = Money(minorUnits: 1, currency: .eur)
        #expect(ConversionTarget.ubl.notCarried(invoice).isEmpty)
        #expect(ConversionTarget.cii.notCarried(invoice).isEmpty)
        for target in [ConversionTarget.edifact, .x12, .canonicalXML, .csv, .text] {
            let reported = target.notCarried(invoice)
            #expect(!reported.isEmpty || target == .canonicalXML)
            #expect(reported.allSatisfy { $0.hasSuffix(" in \(target.rawValue)") })
            #expect(reported.contains("rounding amount (BT-114) in \(target.rawValue)") == (target != .canonicalXML))
        }
    }

    @Test("A percentage's base amount and X12's 80 characters of payment terms are reported")
    func percentageBasesAndLongTermsAreReported() throws {
        var invoice = try Fixture.germanInvoice
        invoice.lines[0].conditions[0].baseAmount = invoice.lines[0].baseAmount
        invoice.paymentTerms.description = String(repeating: "x", count: 81)
        let term = "base amounts of line allowance and charge percentages (BT-137, BT-142)"
        for target in ConversionTarget.allCases {
            #expect(
                target.notCarried(invoice).contains("\(term) in \(target.rawValue)") == ![.ubl, .cii].contains(target))
        }
        #expect(
            ConversionTarget.x12.notCarried(invoice).contains("payment terms text (BT-20) beyond 80 characters in x12"))
        invoice.paymentTerms.description = String(repeating: "x", count: 80)
        #expect(!ConversionTarget.x12.notCarried(invoice).contains { $0.hasPrefix("payment terms") })
    }
}
