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
            row.hasPrefix(account + ",") ? row + formats : row  // invoice_formats is the last column
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
}
