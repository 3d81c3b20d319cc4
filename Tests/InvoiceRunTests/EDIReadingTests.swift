import Exporters
import Foundation
import Importers
import InvoicingCore
import Testing
import XMLSupport

/// EDIFACT INVOIC and X12 810 read back into the canonical model: `convert` takes them as input.
@Suite struct EDIReadingTests {
    static let root = CommandLineTool.repositoryRoot.appendingPathComponent("Tests/ExportersTests")
    static let check = EN16931Check(rounding: .halfUp)

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    @Test(arguments: [
        "Expected/edi/IN-1000-2026-000009.edi", "Expected/edi/IN-2000-2026-000003.edi",
        "Fixtures/einvoices/credit-note.edi", "Expected/edi/IN-1000-2026-000009.x12",
        "Expected/edi/IN-2000-2026-000003.x12", "Fixtures/einvoices/credit-note.x12",
    ])
    func whatInvoiceRunWritesIsReadAndWrittenAgainByteForByte(path: String) throws {
        let bytes = try Self.bytes(path)
        let reading = try EDIInvoiceReader.read(bytes, fileName: path)
        let format = try #require(EDIInvoiceReader.syntax(of: bytes))
        #expect(reading.format == format)
        #expect(try format.encoded(reading.invoice, check: Self.check) == bytes)
        #expect(reading.invoice.grossTotal.isNegative == path.contains("credit-note"))
    }

    @Test func latin1BytesComeBackAsTheirCharactersAndTheInvoiceConvertsToValidUBL() throws {
        let reading = try EDIInvoiceReader.read(
            try Self.bytes("Expected/edi/IN-1000-2026-000009.edi"), fileName: "in.edi")
        #expect(reading.invoice.seller.address.street == "Friedrichstraße 120")
        #expect(reading.invoice.seller.vatID == "DE811907980")
        #expect(reading.invoice.lines.count == 2)
        let ubl = try UBLInvoice.render(reading.invoice, check: Self.check, profile: .en16931)
        let again = try UBLReader.read(ubl, fileName: "ubl").invoice
        #expect(try UBLInvoice.render(again, check: Self.check, profile: .en16931) == ubl)
        #expect(again.lines.map(\.netAmount) == reading.invoice.lines.map(\.netAmount))
        #expect(again.taxes == reading.invoice.taxes)
    }

    @Test func aUTF8InterchangeDeclaresUNOY() throws {
        let text = String(
            decoding: try Self.bytes("Expected/edi/IN-2000-2026-000003.edi"), as: UTF8.self
        )
        .replacingOccurrences(of: "UNB+UNOC:3", with: "UNB+UNOY:3")
        .replacingOccurrences(of: "Harbour Digital Ltd", with: "Harbour Digital Łtd")
        let reading = try EDIInvoiceReader.read(Array(text.utf8), fileName: "utf8.edi")
        #expect(reading.invoice.seller.address.name == "Harbour Digital Łtd")
    }

    @Test(arguments: [
        ("MOA+9:", "BR-CO-16: the amount due is"), ("MOA+125:", "BR-CO-13: the total without VAT is"),
    ])
    func statedTotalsThatDoNotFollowAreRefused(prefix: String, message: String) throws {
        let text = String(decoding: try Self.bytes("Expected/edi/IN-2000-2026-000003.edi"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let summary = try #require(lines.firstIndex(of: "UNS+S'"))
        let index = try #require(lines[summary...].firstIndex { $0.hasPrefix(prefix) })
        var changed = lines
        changed[index] = prefix + "1.00'"
        do {
            _ = try EDIInvoiceReader.read(Array(changed.joined(separator: "\n").utf8), fileName: "bad.edi")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("bad.edi:"))
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func documentLevelTotalsAloneAreRefusedNamingTheSegment() throws {
        let text = String(decoding: try Self.bytes("Expected/edi/IN-2000-2026-000003.edi"), as: UTF8.self)
            .replacingOccurrences(of: "UNS+S'\n", with: "UNS+S'\nMOA+260:5.00'\n")
        #expect(throws: ImportDiagnostic.self) { try EDIInvoiceReader.read(Array(text.utf8), fileName: "x.edi") }
        do {
            _ = try EDIInvoiceReader.read(Array(text.utf8), fileName: "x.edi")
        } catch {
            #expect(error.field == "MOA")
            #expect(error.message.contains("totals only (MOA 260)"))
            #expect(error.line > 1)
        }
    }

    @Test(arguments: [("\n UNA:+.? '", EInvoiceFormat.edifact), ("UNB+UNOC", .edifact), ("ISA*00", .x12)])
    func theSyntaxIsToldFromTheFirstSegment(start: String, format: EInvoiceFormat) {
        #expect(EDIInvoiceReader.syntax(of: Array(start.utf8)) == format)
        #expect(EDIInvoiceReader.syntax(of: Array("<?xml version=\"1.0\"?>".utf8)) == nil)
    }

    @Test(arguments: [("edi", "edifact"), ("x12", "x12")])
    func convertTakesAnEDIInterchangeAsInput(suffix: String, format: String) throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let input = Self.root.appendingPathComponent("Expected/edi/IN-2000-2026-000003.\(suffix)").path
        let toUBL = try tool.run(["convert", input, "--to", "ubl", "--out", "out.ubl.xml"])
        #expect(toUBL.status == 0, "\(toUBL.error)")
        let ubl = try String(contentsOf: tool.url("out.ubl.xml"), encoding: .utf8)
        #expect(ubl.contains("<cbc:ID>IN-2000-2026-000003</cbc:ID>"))
        let back = try tool.run(["convert", input, "--to", format, "--out", "out.\(suffix)"])
        #expect(back.status == 0, "\(back.error)")
        #expect(try Data(contentsOf: tool.url("out.\(suffix)")) == Data(contentsOf: URL(fileURLWithPath: input)))
    }

    @Test func theCENsEN16931EDIFACTExampleIsReadAndBecomesValidUBL() throws {
        // EN 16931-3-4 (INVOIC D14B, UNOW): totals in MOA 389 and 388, UTF-8, a release character in the text.
        let reading = try EDIInvoiceReader.read(
            try Self.bytes("Fixtures/en16931-edifact/EDIFACT_EXAMPLE1.TXT"), fileName: "example1.edi")
        let invoice = reading.invoice
        #expect(invoice.number == "12115118")
        #expect(invoice.seller.vatID == "NL8200.98.395.B.01")
        #expect(invoice.grossTotal == (try Money.parse("250.33", currency: .eur)))
        #expect(Set(invoice.taxes.map(\.taxAmount.decimal.description)) == ["10.99", "9.74"])
        let ubl = try UBLInvoice.render(invoice, check: Self.check, profile: .en16931)
        let schema = try XMLSchema(
            path: CommandLineTool.repositoryRoot.appendingPathComponent("Schemas/ubl-2.1/UBL-Invoice-2.1.xsd").path)
        #expect(schema.validate(bytes: Array(ubl.utf8), fileName: "example1.ubl.xml").isEmpty)
    }
}
