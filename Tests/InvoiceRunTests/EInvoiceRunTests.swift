import Foundation
import InvoicingCore
import Testing

/// E-invoices in the run, end to end through the built binary.
@Suite(.serialized)
struct EInvoiceRunTests {
    /// Copies `Samples/` into the tool's folder and gives `account`, whose formats are empty, the e-invoice `formats`.
    private func samples(_ tool: CommandLineTool, account: String, formats: String) throws {
        try FileManager.default.copyItem(
            at: CommandLineTool.repositoryRoot.appendingPathComponent("Samples"), to: tool.url("Samples"))
        let path = "Samples/master-data/contract_accounts.csv"
        let rows = try String(contentsOf: tool.url(path), encoding: .utf8).split(separator: "\n").map { row in
            // invoice_formats is the column before the last (invoice_list_calendar), both empty here.
            row.hasPrefix(account + ",") ? row.dropLast() + formats + "," : row
        }
        try tool.write(rows.joined(separator: "\n") + "\n", to: path)
    }

    @Test func anInvoiceThatCannotBeSentIsReportedWithItsRuleAndTheRestIsWritten() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        // CA-100001 has neither a VAT number nor an electronic address: PEPPOL cannot route its UBL.
        try samples(tool, account: "CA-100001", formats: "ubl")
        let result = try tool.run([
            "run", "Samples", "--store", "store.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(result.status == 1, "\(result.output)\(result.error)")
        let invoice = try StoredInvoices(tool, store: "store.sqlite").number(.invoice, account: "CA-100001")
        let outputs = try tool.tree("out/RUN-000001")
        let log = String(decoding: try #require(outputs["run.log"]), as: UTF8.self)
        // CA-100002's ad-hoc invoice, whose account has an electronic address.
        let routed = try StoredInvoices.number(invoicing: "ADHOC-2026-0001", inLog: log)
        #expect(
            log.contains("output error: \(invoice): PEPPOL-EN16931-R010: the buyer has no electronic address"),
            "\(log)")
        #expect(outputs["invoices/\(invoice).ubl.xml"] == nil)
        #expect(outputs["invoices/\(invoice).txt"] != nil)
        #expect(outputs["invoices/\(routed).ubl.xml"] != nil)
    }

    @Test func anEDIPartnerGetsEDIFACTAndX12WithoutAnElectronicAddress() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try samples(tool, account: "CA-100001", formats: "edifact x12")
        let result = try tool.run([
            "run", "Samples", "--store", "store.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let invoice = try StoredInvoices(tool, store: "store.sqlite").number(.invoice, account: "CA-100001")
        let outputs = try tool.tree("out/RUN-000001")
        let log = String(decoding: try #require(outputs["run.log"]), as: UTF8.self)
        let edifact = String(decoding: try #require(outputs["invoices/\(invoice).edi"]), as: UTF8.self)
        #expect(edifact.hasPrefix("UNA:+.? '\nUNB+UNOC:3+"))
        #expect(edifact.contains("BGM+380+\(invoice)+9'"))
        let x12 = String(decoding: try #require(outputs["invoices/\(invoice).x12"]), as: UTF8.self)
        #expect(x12.hasPrefix("ISA*00*"))
        #expect(x12.contains("BIG*20261130*\(invoice)*****DI~"))
        // Another account's invoice (CA-100002's ad-hoc one) gets no EDI.
        let other = try StoredInvoices.number(invoicing: "ADHOC-2026-0001", inLog: log)
        #expect(outputs["invoices/\(other).txt"] != nil && outputs["invoices/\(other).edi"] == nil)
        // The seller's street, Friedrichstraße: its own byte 0xDF in EDIFACT (ISO 8859-1), folded in X12 and said so.
        let edifactBytes = try #require(outputs["invoices/\(invoice).edi"])
        #expect(edifactBytes.contains(0xDF) && !x12.contains("ß") && x12.contains("Friedrichstrasse"))
        #expect(log.contains("output note: \(invoice).x12: folded ß → ss"), "\(log)")
        #expect(!log.contains("\(invoice).edi: folded"))
    }

    @Test(arguments: [("edifact", "edi"), ("x12", "x12")])
    func convertWritesEDIFromUBL(target: String, suffix: String) throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let ubl = CommandLineTool.repositoryRoot.appendingPathComponent(
            "Tests/InvoiceRunTests/Expected/sample-run/RUN-000001/invoices/IN-2000-2026-000003.ubl.xml")
        let converted = try tool.run(["convert", ubl.path, "--to", target, "--out", "out.\(suffix)"])
        #expect(converted.status == 0, "\(converted.error)")
        let golden = try String(
            contentsOf: CommandLineTool.repositoryRoot.appendingPathComponent(
                "Tests/ExportersTests/Expected/edi/IN-2000-2026-000003.\(suffix)"),
            encoding: .utf8)
        // The company code is not in UBL: the read seller has no id of its own.
        let expected = golden.replacingOccurrences(of: "NAD+SE+2000::91+", with: "NAD+SE++")
            .replacingOccurrences(of: "N1*SE*Harbour Digital Ltd*91*2000~", with: "N1*SE*Harbour Digital Ltd~")
        #expect(try String(contentsOf: tool.url("out.\(suffix)"), encoding: .utf8) == expected)
    }

    @Test func convertTurnsUBLIntoCIIAndRefusesWhatItCannotCarry() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let invoices = CommandLineTool.repositoryRoot.appendingPathComponent(
            "Tests/InvoiceRunTests/Expected/sample-run/RUN-000001/invoices")
        let ubl = invoices.appendingPathComponent("IN-2000-2026-000003.ubl.xml").path
        let converted = try tool.run(["convert", ubl, "--to", "cii", "--out", "out.cii.xml"])
        #expect(converted.status == 0, "\(converted.error)")
        #expect(
            try Data(contentsOf: tool.url("out.cii.xml"))
                == Data(contentsOf: invoices.appendingPathComponent("IN-2000-2026-000003.cii.xml")))
        // A document-level charge that the totals do not include: refused, naming the rule.
        let text = try String(contentsOfFile: ubl, encoding: .utf8).replacingOccurrences(
            of: "  <cac:TaxTotal>",
            with: """
                  <cac:AllowanceCharge>
                    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
                    <cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason>
                    <cbc:Amount currencyID="GBP">5.00</cbc:Amount>
                    <cac:TaxCategory>
                      <cbc:ID>Z</cbc:ID>
                      <cbc:Percent>0</cbc:Percent>
                      <cac:TaxScheme>
                        <cbc:ID>VAT</cbc:ID>
                      </cac:TaxScheme>
                    </cac:TaxCategory>
                  </cac:AllowanceCharge>
                  <cac:TaxTotal>
                """)
        try tool.write(text, to: "charged.xml")
        let refused = try tool.run(["convert", "charged.xml", "--to", "ubl"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("charged.xml:"))
        #expect(refused.error.contains("BT-109: BR-CO-13: the total without VAT is"), "\(refused.error)")
    }

    @Test func validateChecksUBLAndCIIAgainstTheirSchemas() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let invoices = CommandLineTool.repositoryRoot.appendingPathComponent(
            "Tests/InvoiceRunTests/Expected/sample-run/RUN-000001/invoices")
        let ubl = try String(
            contentsOf: invoices.appendingPathComponent("IN-1000-2026-000002.ubl.xml"), encoding: .utf8)
        let cii = try String(
            contentsOf: invoices.appendingPathComponent("IN-1000-2026-000010.cii.xml"), encoding: .utf8)
        try tool.write(ubl, to: "a.ubl.xml")
        try tool.write(cii, to: "b.cii.xml")
        let valid = try tool.run(["validate", "a.ubl.xml", "b.cii.xml"])
        #expect(valid.status == 0, "\(valid.output)")
        #expect(valid.output.contains("a.ubl.xml: valid UBL 2.1 Invoice"))
        #expect(valid.output.contains("b.cii.xml: valid CII D16B CrossIndustryInvoice"))
        // An element out of its schema's order is named with its line.
        try tool.write(
            ubl.replacingOccurrences(
                of: "<cbc:DocumentCurrencyCode>", with: "<cbc:Note>x</cbc:Note><cbc:DocumentCurrencyCode>"
            )
            .replacingOccurrences(of: "<cbc:IssueDate>", with: "<cbc:Nonsense>1</cbc:Nonsense><cbc:IssueDate>"),
            to: "bad.ubl.xml")
        let invalid = try tool.run(["validate", "bad.ubl.xml"])
        #expect(invalid.status == 1)
        #expect(invalid.output.contains("bad.ubl.xml:"), "\(invalid.output)")
        #expect(invalid.output.contains("Nonsense"))
    }
}
