import Exporters
import Foundation
import Testing
import XMLSupport

@testable import InvoicingCore

@Suite
struct MachineOutputTests {
    static let schemas = Fixture.repository.appendingPathComponent("Schemas").path

    @Test func theCanonicalInvoiceValidatesAgainstItsSchemaAndCarriesEveryTotal() throws {
        let schema = try XMLSchema(path: Self.schemas + "/invoice.xsd")
        for invoice in [try Fixture.germanInvoice, try Fixture.englishInvoice] {
            let xml = try InvoiceXML.render(invoice)
            #expect(schema.validate(bytes: Array(xml.utf8), fileName: "\(invoice.number).xml").isEmpty)
            #expect(xml.contains("<grossAmount>\(invoice.grossTotal.decimal)</grossAmount>"))
            #expect(xml.contains("<number>\(invoice.number)</number>"))
        }
    }

    @Test func postingsValidateAndBalance() throws {
        let schema = try XMLSchema(path: Self.schemas + "/postings.xsd")
        let invoice = try Fixture.germanInvoice
        let document = FIDocument(
            number: invoice.postingNumber, companyCode: "1000", postingDate: invoice.invoiceDate,
            documentDate: invoice.invoiceDate, reference: invoice.number, currency: .eur, held: true,
            lines: [
                FILine(
                    number: 1, glAccount: "140000", side: .debit, amount: invoice.grossTotal, accountKey: .receivable,
                    taxCode: nil, contractAccount: invoice.buyer.id, text: "Receivable"),
                FILine(
                    number: 2, glAccount: "800000", side: .credit, amount: invoice.netTotal, accountKey: .revenue,
                    taxCode: "S19", contractAccount: nil, text: "Revenue, \"net\"", profitCenter: "PC-1",
                    costCenter: "CC-2"),
                FILine(
                    number: 3, glAccount: "380000", side: .credit, amount: invoice.taxTotal, accountKey: nil,
                    taxCode: "S19", contractAccount: nil, text: "Tax"),
            ])
        #expect(document.balance.isZero)
        let xml = try PostingXML.render([document], runID: "RUN-000001")
        #expect(schema.validate(bytes: Array(xml.utf8), fileName: "postings.xml").isEmpty)
        let csv = PostingCSV.render([document]).split(separator: "\r\n").map(String.init)
        #expect(csv.count == 4)
        #expect(
            csv[2]
                == "FI-1000-2026-000009,1000,2026-11-30,2026-11-30,IN-1000-2026-000009,EUR,true,2,800000,C,16100.60,ERL,S19,,\"Revenue, \"\"net\"\"\",PC-1,CC-2"
        )
        #expect(xml.contains("<profitCenter>PC-1</profitCenter>") && xml.contains("<costCenter>CC-2</costCenter>"))
    }

    @Test func invoiceCSVHasAHeaderRowLineRowsAndTaxRows() throws {
        let invoice = try Fixture.englishInvoice
        let rows = InvoiceCSV.render([invoice]).split(separator: "\r\n").map(String.init)
        #expect(rows[0] == InvoiceCSV.header.joined(separator: ","))
        #expect(rows.filter { $0.hasPrefix("H,") }.count == 1)
        #expect(rows.filter { $0.hasPrefix("I,") }.count == invoice.lines.count)
        #expect(rows.filter { $0.hasPrefix("T,") }.count == invoice.taxes.count)
        #expect(
            rows[1].hasSuffix(
                ",\(invoice.netTotal.decimal),,,\(invoice.taxTotal.decimal),\(invoice.grossTotal.decimal),INVOICE"))
        #expect(
            rows.allSatisfy {
                $0.split(separator: ",", omittingEmptySubsequences: false).count == InvoiceCSV.header.count
            })
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
    ])
    func csvFieldsAreQuotedOnlyWhenTheyMustBe(field: String, written: String) {
        var writer = CSVWriter(header: ["x"])
        writer.append([field])
        #expect(writer.text == "x\r\n\(written)\r\n")
    }
}
