import Exporters
import Foundation
import Importers
import InvoicingCore
import Testing

/// `invoicerun convert` reports every business term the target cannot carry, and every character
/// folded into an EDI repertoire: one test per target, on a UBL invoice that holds them all.
@Suite struct ConvertNotCarriedTests {
    static let golden = CommandLineTool.repositoryRoot.appendingPathComponent(
        "Tests/InvoiceRunTests/Expected/sample-run/RUN-000001/invoices/IN-2000-2026-000003.ubl.xml")

    /// The English sample invoice (contact, electronic addresses, IBAN, terms, a surcharge) with a
    /// seller identifier and legal registration, a preceding invoice, a document-level allowance,
    /// prepaid and rounding amounts, and a buyer whose name has `Ł` (not Latin-1) and `ø` (Latin-1).
    static func richUBL() throws -> String {
        var invoice = try UBLReader.read(try String(contentsOf: golden, encoding: .utf8), fileName: "ubl").invoice
        func gbp(_ text: String) throws -> Money { try Money.parse(text, currency: .gbp) }
        invoice.seller.identifier = PartyIdentifier(identifier: "5060012349998", scheme: "0088")
        invoice.seller.legalRegistration = PartyIdentifier(identifier: "01234567", scheme: "0196")
        invoice.buyer.address.name = "Łukasz & Søn Ltd"
        invoice.reference = "IN-2000-2026-000001"
        invoice.documentAllowanceCharges = [
            DocumentAllowanceCharge(
                isCharge: false, amount: try gbp("-10.00"), reason: "Loyalty", category: .zeroRated, rate: .zero)
        ]
        let zero = try #require(invoice.taxes.firstIndex { $0.category == .zeroRated })
        invoice.taxes[zero].taxableAmount = try invoice.taxes[zero].taxableAmount.subtracting(try gbp("10.00"))
        invoice.grossTotal = try invoice.grossTotal.subtracting(try gbp("10.00"))
        invoice.prepaidAmount = try gbp("100.00")
        invoice.roundingAmount = try gbp("0.01")
        return try UBLInvoice.render(invoice, check: EN16931Check(rounding: .halfUp))
    }

    /// Converts the rich invoice to `target`: the output's bytes and the lines on standard error.
    static func convert(to target: String) throws -> (output: Data, notes: [String]) {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try tool.write(try richUBL(), to: "rich.xml")
        let result = try tool.run(["convert", "rich.xml", "--to", target, "--out", "out"])
        #expect(result.status == 0, "\(result.error)")
        let notes = result.error.split(separator: "\n").map { String($0.dropFirst("rich.xml: ".count)) }
        #expect(result.error.split(separator: "\n").allSatisfy { $0.hasPrefix("rich.xml: ") })
        return (try Data(contentsOf: tool.url("out")), notes)
    }

    /// The terms a target reports, without those the reader reports for every target.
    static func reported(_ notes: [String], _ target: String) -> Set<String> {
        Set(notes.filter { $0.hasPrefix("not carried: ") && $0.hasSuffix(" in \(target)") })
    }

    @Test func edifactReportsWhatINVOICLacksAndFoldsOnlyWhatLatin1Lacks() throws {
        let (output, notes) = try Self.convert(to: "edifact")
        #expect(
            Self.reported(notes, "edifact") == [
                "not carried: seller identifier (BT-29) in edifact", "not carried: seller contact (BG-6) in edifact",
                "not carried: electronic addresses (BT-34, BT-49) in edifact",
                "not carried: preceding invoice (BG-3) in edifact",
                "not carried: rounding amount (BT-114) in edifact",
                "not carried: document-level allowances and charges (BG-20, BG-21) one by one: only their totals in edifact",
            ])
        #expect(notes.contains("folded in edifact: Ł → L"))
        #expect(!notes.contains { $0.contains("ø") })
        #expect(output.contains(0xF8))  // ø in ISO 8859-1
        #expect(String(decoding: output, as: UTF8.self).contains("RFF+XA:01234567'"))
    }

    @Test func x12ReportsWhat810LacksAndEveryFoldToASCII() throws {
        let (output, notes) = try Self.convert(to: "x12")
        let reported = Self.reported(notes, "x12")
        for term in [
            "seller identifier (BT-29)", "seller legal registration (BT-30)", "preceding invoice (BG-3)",
            "line net amount (BT-131)", "prepaid amount (BT-113)", "rounding amount (BT-114)",
            "document-level allowances and charges (BG-20, BG-21)",
        ] {
            #expect(reported.contains("not carried: \(term) in x12"), "\(term)")
        }
        #expect(notes.contains("folded in x12: Ł → L") && notes.contains("folded in x12: ø → o"))
        #expect(output.allSatisfy { $0 < 0x80 })
    }

    @Test func csvReportsThePartiesPaymentAndDocumentTermsItHasNoColumnsFor() throws {
        let (output, notes) = try Self.convert(to: "csv")
        let reported = Self.reported(notes, "csv")
        for term in [
            "seller and buyer names and addresses (BT-27, BG-5, BT-44, BG-8)", "seller VAT identifier (BT-31)",
            "IBAN and BIC (BT-84, BT-86)", "payment terms text (BT-20)", "line allowances and charges (BG-27, BG-28)",
            "prepaid amount (BT-113)", "seller legal registration (BT-30)",
        ] {
            #expect(reported.contains("not carried: \(term) in csv"), "\(term)")
        }
        #expect(!String(decoding: output, as: UTF8.self).contains("Harbour Digital"))
    }

    @Test func theTextLayoutReportsWhatItDoesNotPrint() throws {
        let (output, notes) = try Self.convert(to: "text")
        let reported = Self.reported(notes, "text")
        for term in [
            "seller contact (BG-6)", "electronic addresses (BT-34, BT-49)", "preceding invoice (BG-3)",
            "prepaid amount (BT-113)", "rounding amount (BT-114)", "seller legal registration (BT-30)",
            "document-level allowances and charges (BG-20, BG-21)",
        ] {
            #expect(reported.contains("not carried: \(term) in text"), "\(term)")
        }
        #expect(!reported.contains("not carried: IBAN and BIC (BT-84, BT-86) in text"))
        #expect(String(decoding: output, as: UTF8.self).contains("Łukasz & Søn Ltd"))
    }

    @Test func theCanonicalXMLReportsOnlyTheContactAndElectronicAddresses() throws {
        let (output, notes) = try Self.convert(to: "canonical-xml")
        #expect(
            Self.reported(notes, "canonical-xml") == [
                "not carried: seller contact (BG-6) in canonical-xml",
                "not carried: electronic addresses (BT-34, BT-49) in canonical-xml",
            ])
        let xml = String(decoding: output, as: UTF8.self)
        #expect(xml.contains("<legalRegistration scheme=\"0196\">01234567</legalRegistration>"))
        #expect(xml.contains("<reference>IN-2000-2026-000001</reference>"))
    }

    @Test(arguments: ["ubl", "cii"])
    func ublAndCIIReportNothingOfTheirOwn(target: String) throws {
        let (_, notes) = try Self.convert(to: target)
        #expect(Self.reported(notes, target).isEmpty, "\(notes)")
        #expect(!notes.contains { $0.hasPrefix("folded") })
    }
}
