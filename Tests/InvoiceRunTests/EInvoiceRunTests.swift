import Foundation
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
        let outputs = try tool.tree("out/RUN-000001")
        let log = String(decoding: try #require(outputs["run.log"]), as: UTF8.self)
        #expect(
            log.contains(
                "output error: IN-1000-2026-000001: PEPPOL-EN16931-R010: the buyer has no electronic address"),
            "\(log)")
        #expect(outputs["invoices/IN-1000-2026-000001.ubl.xml"] == nil)
        #expect(outputs["invoices/IN-1000-2026-000001.txt"] != nil)
        #expect(outputs["invoices/IN-1000-2026-000002.ubl.xml"] != nil)
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
}
