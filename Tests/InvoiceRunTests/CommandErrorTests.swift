import Foundation
import Testing

/// Errors a user can cause: a message naming file, line and field, a non-zero exit, no stack trace.
@Suite
struct CommandErrorTests {
    static let header =
        "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity,unit_price"
    static var samples: String { CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path }

    @Test func badValuesAreNamedByFileLineAndFieldAndTheGoodRowsAreKept() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try tool.write(
            """
            \(Self.header)
            X-1,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,1,2.3,0.30
            X-2,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,"1,2.3",0.30
            X-3,INVBI,USAGE,1000,CA-100001,EUR,2026-13-01,10,M-1001,5,0.30
            X-4,INVBI,USAGE,1000,CA-100001,XEU,2026-11-01,10,M-1001,5,0.30
            X-5,INVBI,USAGE,1000,CA-999999,EUR,2026-11-01,10,M-1001,5,0.30
            X-6,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,5,NaN
            X-7,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,5,0.30

            """, to: "bad.csv")
        let result = try tool.run([
            "run", Self.samples, "bad.csv", "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("error: bad.csv:2:63: ragged row: expected 11 fields as in the header, found 12"))
        #expect(
            lines.contains("error: bad.csv:3:57: quantity: \"1,2.3\" is not a number: unexpected ',' at position 2"))
        #expect(
            lines.contains("error: bad.csv:4:36: document_date: \"2026-13-01\" is not a date (expected YYYY-MM-DD)"))
        #expect(lines.contains("error: bad.csv:5:32: currency: unknown currency \"XEU\" (ISO 4217)"))
        #expect(lines.contains("error: bad.csv:6:1: account: document X-5 refused: unknown contract account CA-999999"))
        #expect(
            lines.contains("error: bad.csv:7:59: unit_price: \"NaN\" is not a number: unexpected 'N' at position 1"))
        // X-7 is good and was invoiced with the samples.
        #expect(result.output.contains("Imported: 22 files"))
        let manifest = String(decoding: try #require(try tool.tree("out")["RUN-000001/manifest.json"]), as: UTF8.self)
        #expect(manifest.contains("\"X-7\""))
        #expect(!result.error.contains("Fatal error"))
    }

    @Test func aDocumentIdAlreadyStoredIsRefusedWithWhereItCameFrom() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try tool.run(["import", Self.samples, "--store", "s.sqlite"]).status == 0)
        try tool.write(
            """
            \(Self.header)
            INVBI-2026-0001,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,7,0.30
            NEW-1,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,7,0.30

            """, to: "resent.csv")
        let again = try tool.run(["import", "resent.csv", "--store", "s.sqlite"])
        #expect(again.status == 1)
        #expect(
            again.output.contains(
                "resent.csv:2:1: document_id: document INVBI-2026-0001 was already imported from \(Self.samples)/documents/billing-2026-11-a.csv:2"
            ))
        #expect(again.output.contains("resent.csv: SourceDocument, 2 read, 1 imported, 1 refused"))
    }

    @Test func theSameFileDroppedAgainIsSkippedAndSaidAloud() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try tool.run(["import", Self.samples, "--store", "s.sqlite"]).status == 0)
        try FileManager.default.copyItem(
            atPath: "\(Self.samples)/documents/billing-2026-11-a.csv", toPath: tool.url("copy.csv").path)
        let again = try tool.run(["import", "copy.csv", "--store", "s.sqlite"])
        #expect(again.status == 0, "\(again.output)")
        #expect(
            again.output.hasPrefix(
                "copy.csv: skipped, the same content was imported before as \(Self.samples)/documents/billing-2026-11-a.csv\n"
            ))
        #expect(again.output.contains("Imported 0 master data records, 0 source documents"))
        // A file with refusals is not in the ledger: sent again once its master data exists, it goes in.
        try tool.write(
            "\(Self.header)\nLATE-1,INVBI,USAGE,1000,CA-300001,EUR,2026-11-01,10,M-1001,1,0.30\n", to: "late.csv")
        #expect(try tool.run(["import", "late.csv", "--store", "s.sqlite"]).status == 1)
        try tool.write(
            "account,company_code,name,street,postal_code,city,country,language,currency,payment_terms,invoicing_category,tax_classification,account_assignment_group\nCA-300001,1000,Late Ltd,S 1,1,C,DE,en,EUR,NT14,STD,1,01\n",
            to: "account.csv")
        let late = try tool.run(["import", "account.csv", "late.csv", "--store", "s.sqlite"])
        #expect(late.status == 0, "\(late.output)")
        #expect(late.output.contains("late.csv: SourceDocument, 1 read, 1 imported, 0 refused"))
    }

    @Test func aDocumentFileRepeatedInOneImportIsSkippedWhileItsFirstCopyGoesIn() throws {
        // Document files are hashed while they are read and judged at the end of their own
        // transaction: the copy is rolled back and reported as before, in path order.
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try tool.run(["import", "\(Self.samples)/master-data", "--store", "s.sqlite"]).status == 0)
        let rows = "\(Self.header)\nTWICE-1,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,1,0.30\n"
        try tool.write(rows, to: "a.csv")
        try tool.write(rows, to: "b.csv")
        let both = try tool.run(["import", "a.csv", "b.csv", "--store", "s.sqlite"])
        #expect(both.status == 0, "\(both.output)")
        #expect(both.output.hasPrefix("b.csv: skipped, the same content was imported before as a.csv\n"))
        #expect(both.output.contains("a.csv: SourceDocument, 1 read, 1 imported, 0 refused"))
        #expect(both.output.contains("Imported 0 master data records, 1 source document"))
        let again = try tool.run(["import", "b.csv", "--store", "s.sqlite"])
        #expect(again.output.hasPrefix("b.csv: skipped, the same content was imported before as a.csv\n"))
    }

    @Test(arguments: [
        (["run", "--process", "99", "--store", "s.sqlite"], "unknown invoicing process 99"),
        (["run", "--date", "2026-02-30", "--store", "s.sqlite"], "--date 2026-02-30 is not a date"),
        (["run", "--disable", "TELEPORT", "--store", "s.sqlite"], "--disable TELEPORT: not a function"),
        (["show", "IN-0", "--store", "s.sqlite"], "no invoice IN-0"),
    ])
    func usageErrorsExitWithAMessageAndNoStackTrace(arguments: [String], message: String) throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        if arguments.contains("--process") {
            #expect(try tool.run(["import", "\(Self.samples)/config", "--store", "s.sqlite"]).status == 0)
        }
        let result = try tool.run(arguments)
        #expect(result.status == 64)
        #expect(result.error.contains(message), "\(result.error)")
        #expect(!result.error.contains("Fatal error"))
    }

    @Test func aRunWithoutConfigurationSaysWhatToImport() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try tool.run(["run", "--store", "s.sqlite"])
        #expect(result.status == 64)
        #expect(result.error.contains("the store has no invoicing configuration; import one first"))
    }

    @Test func validateSeparatesValidInvalidAndUnusableFiles() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let valid = "\(Self.samples)/documents/orders-2026-11-c.xml"
        #expect(try tool.run(["validate", valid]).status == 0)
        try tool.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <SourceDocuments xmlns="urn:invoicerun:source-documents:1">
              <SourceDocument>
                <documentId>D-1</documentId>
                <category>NOPE</category>
              </SourceDocument>
            </SourceDocuments>

            """, to: "invalid.xml")
        let invalid = try tool.run(["validate", valid, "invalid.xml"])
        #expect(invalid.status == 1)
        #expect(invalid.output.contains("invalid.xml:5:"))
        #expect(invalid.output.contains("NOPE"))
        try tool.write("<?xml version=\"1.0\"?>\n<Something/>\n", to: "other.xml")
        let unusable = try tool.run(["validate", "other.xml"])
        #expect(unusable.status == 2)
        #expect(
            unusable.output.contains(
                "other.xml: <Something> in namespace none is neither a canonical InvoiceRun format nor a UBL 2.1 or CII D16B invoice"
            ))
    }

    @Test func aBadMappingStopsTheImportBeforeAnyDataOrStore() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try tool.write("layout: csv\ntarget: SourceDocument\nfields:\n  documentid: Nr\n", to: "m.mapping.yaml")
        try tool.write("Nr;Pos\n1;1\n", to: "data.csv")
        let result = try tool.run(["import", "data.csv", "--mapping", "m.mapping.yaml", "--store", "s.sqlite"])
        #expect(result.status == 64)
        #expect(result.error.contains("m.mapping.yaml:4:3: unknown field documentid for SourceDocument"))
        #expect(!FileManager.default.fileExists(atPath: tool.url("s.sqlite").path))
    }

    @Test func partnerFilesAreImportedThroughTheirMappingAndSkippedInAFolderWalk() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try tool.run(["import", Self.samples, "--store", "s.sqlite"]).output.contains("44 source documents"))
        let partner = "\(Self.samples)/partners/mueller-energie"
        let result = try tool.run([
            "import", partner, "--mapping", "\(partner)/mueller-energie.mapping.yaml", "--store", "s.sqlite",
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.contains(
                "abrechnung-2026-11.csv: Müller Energiehandel billing export, 5 read, 5 imported, 0 refused"))
    }

    @Test func documentsGoInAfterTheMasterDataTheyNeedWhateverTheFileOrder() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try tool.run(["import", Self.samples, "--store", "s.sqlite"]).status == 0)
        // "a-…" sorts before "z-…": the account the documents need is in the later file.
        try tool.write(
            "\(Self.header)\nORD-1,INVBI,USAGE,1000,CA-400001,EUR,2026-11-01,10,M-1001,3,0.30\n",
            to: "drop/a-documents.csv")
        try tool.write(
            "account,company_code,name,street,postal_code,city,country,language,currency,payment_terms,invoicing_category,tax_classification,account_assignment_group\nCA-400001,1000,Order Ltd,S 1,1,C,DE,en,EUR,NT14,STD,1,01\n",
            to: "drop/z-accounts.csv")
        let result = try tool.run(["import", "drop", "--store", "s.sqlite"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Imported 1 master data record, 1 source document"))
    }
}
