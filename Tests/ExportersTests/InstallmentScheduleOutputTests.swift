import Exporters
import Foundation
import Testing
import XMLSupport

@testable import InvoicingCore

/// The installment schedule's machine outputs, compared with `Expected/installments/`
/// (re-record with `INVOICERUN_RECORD=1 swift test --filter InstallmentScheduleOutputTests`).
@Suite
struct InstallmentScheduleOutputTests {
    static let expected = Fixture.folder.appendingPathComponent("Expected/installments")
    static let recording = ProcessInfo.processInfo.environment["INVOICERUN_RECORD"] == "1"

    /// The English fixture paid in thirds: 14, 44 and 74 days after its date.
    static var invoice: Invoice {
        get throws {
            var invoice = try Fixture.englishInvoice
            let terms = [("33.33", 14), ("33.33", 44), ("33.34", 74)].map {
                InstallmentTerm(percent: try! FixedDecimal.parse($0.0), days: $0.1)
            }
            invoice.paymentTerms = PaymentTerms(
                id: "RT3", description: "In 3 installments", netDays: 74, installments: terms)
            invoice.installments = try InstallmentTerm.split(
                invoice.grossTotal, by: terms, invoiceDate: invoice.invoiceDate, rounding: .halfUp)
            return invoice
        }
    }

    static func check(_ text: String, _ name: String) throws {
        let url = expected.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text == golden, "\(name) differs from its golden file")
    }

    @Test func theXMLScheduleValidatesAgainstItsSchemaAndMatchesItsGoldenFile() throws {
        let invoice = try Self.invoice
        let xml = try #require(try InstallmentScheduleXML.render(invoice))
        let schema = try XMLSchema(path: MachineOutputTests.schemas + "/installments.xsd")
        #expect(schema.validate(bytes: Array(xml.utf8), fileName: "installments.xml").isEmpty)
        try Self.check(xml, "\(invoice.number).xml")
    }

    @Test func theCSVScheduleHasARowPerInstallmentAndMatchesItsGoldenFile() throws {
        let invoice = try Self.invoice
        var plain = try Fixture.germanInvoice
        plain.installments = nil
        let csv = InstallmentScheduleCSV.render([invoice, plain])
        try Self.check(csv, "installments.csv")
        let rows = csv.split(separator: "\r\n")
        #expect(rows.count == 4, "a header and three installments; an invoice without installments adds none")
        let amounts = try rows.dropFirst().map { try FixedDecimal.parse($0.split(separator: ",").last!) }
        #expect(try amounts.reduce(FixedDecimal.zero) { try $0.adding($1) } == invoice.grossTotal.decimal)
    }

    @Test func anInvoiceWithoutInstallmentsHasNoSchedule() throws {
        #expect(try InstallmentScheduleXML.render(try Fixture.germanInvoice) == nil)
    }

    @Test func aScheduleThatBreaksTheSchemaIsRefusedByIt() throws {
        var invoice = try Self.invoice
        invoice.installments = invoice.installments.map {
            $0.map {
                var copy = $0; copy.number = 0; return copy
            }
        }
        let xml = try #require(try InstallmentScheduleXML.render(invoice))
        let schema = try XMLSchema(path: MachineOutputTests.schemas + "/installments.xsd")
        #expect(!schema.validate(bytes: Array(xml.utf8), fileName: "installments.xml").isEmpty)
    }
}
