import Foundation
import Testing

/// Nothing good is lost and nothing bad disappears: refused records come back in their own layout
/// with an error report, and the counts of read, imported and refused records add up.
@Suite
struct RejectedRecordsTests {
    static var samples: String { CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path }
    static let header =
        "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity,unit_price"
    static let csv = """
        \(header)
        X-1,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,1,0.30
        X-1,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,20,M-1002,2,0.30
        X-2,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,"1,2.3",0.30
        X-2,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,20,M-1001,"multi
        line",0.30
        X-3,INVBI,USAGE,1000,CA-999999,EUR,2026-11-01,10,M-1001,5,0.30
        X-4,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,4,0.30

        """

    private func prepared() throws -> CommandLineTool {
        let tool = try CommandLineTool()
        let setup = try tool.run([
            "import", "\(Self.samples)/master-data", "\(Self.samples)/config", "--store", "s.sqlite",
        ])
        #expect(setup.status == 0, "\(setup.output)")
        try tool.write(Self.csv, to: "in/bad.csv")
        return tool
    }

    private func text(_ tool: CommandLineTool, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: tool.url(path)), as: UTF8.self)
    }

    @Test func goodRecordsAreKeptAndRefusedOnesComeBackWithAReport() throws {
        let tool = try prepared()
        defer { tool.cleanUp() }
        let result = try tool.run(["import", "in/bad.csv", "--store", "s.sqlite"])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("in/bad.csv: SourceDocument, 6 read, 3 imported, 3 refused\n"))
        #expect(result.output.contains("Imported 0 master data records, 2 source documents"))
        // Both rows of X-2 (one bad, one good, one spanning two lines) and X-3, byte for byte.
        let rejected = try text(tool, "rejected/bad.rejected.csv")
        let lines = Self.csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rejected == [lines[0], lines[3], lines[4], lines[5], lines[6]].joined(separator: "\n") + "\n")
        let report = [
            "file,line,column,field,value,reason",
            #"in/bad.csv,4,57,quantity,"1,2.3","""1,2.3"" is not a number: unexpected ',' at position 2""#,
            "in/bad.csv,7,1,account,CA-999999,document X-3 refused: unknown contract account CA-999999",
        ]
        #expect(try text(tool, "rejected/bad.errors.csv") == report.joined(separator: "\r\n") + "\r\n")
        // The fixed rejects import cleanly: nothing was lost on the way.
        let fixed = rejected.replacingOccurrences(of: "\"1,2.3\"", with: "1.5")
            .replacingOccurrences(of: "CA-999999", with: "CA-100002").replacingOccurrences(
                of: "\"multi\nline\"", with: "2")
        try tool.write(fixed, to: "in/fixed.csv")
        let again = try tool.run(["import", "in/fixed.csv", "--store", "s.sqlite"])
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output.hasPrefix("in/fixed.csv: SourceDocument, 3 read, 3 imported, 0 refused\n"))
        let listing = try tool.run(["invoices", "--store", "s.sqlite"])
        #expect(listing.output.contains("invoicing orders: 4 open, 0 invoiced"))
    }

    @Test func allOrNothingRefusesTheWholeFileAndStoresNone() throws {
        let tool = try prepared()
        defer { tool.cleanUp() }
        try tool.write(
            Self.csv.replacingOccurrences(of: "\"1,2.3\"", with: "1").replacingOccurrences(
                of: "\"multi\nline\"", with: "1"),
            to: "in/only-reference-error.csv")
        let result = try tool.run([
            "import", "in/bad.csv", "in/only-reference-error.csv", "--store", "s.sqlite", "--all-or-nothing",
        ])
        #expect(result.status == 1)
        #expect(result.output.contains("in/bad.csv: SourceDocument, 6 read, 0 imported, refused whole"))
        #expect(
            result.output.contains("in/only-reference-error.csv: SourceDocument, 6 read, 0 imported, refused whole"))
        #expect(
            result.output.contains(
                "in/only-reference-error.csv: 3 good documents not imported: the file is refused whole (all or nothing)"
            ))
        #expect(try text(tool, "rejected/bad.rejected.csv") == Self.csv)
        let listing = try tool.run(["invoices", "--store", "s.sqlite"])
        #expect(listing.output.contains("invoicing orders: 0 open, 0 invoiced"))
    }

    @Test func aRefusedXMLRecordComesBackInsideTheOriginalRootElement() throws {
        let tool = try prepared()
        defer { tool.cleanUp() }
        func document(_ id: String, _ category: String) -> String {
            """
              <SourceDocument>
                <documentId>\(id)</documentId><category>\(category)</category><type>USAGE</type>
                <companyCode>1000</companyCode><account>CA-100001</account><currency>EUR</currency>
                <documentDate>2026-11-01</documentDate>
                <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>3</quantity></Item>
              </SourceDocument>

            """
        }
        try tool.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SourceDocuments xmlns=\"urn:invoicerun:source-documents:1\">\n"
                + document("XML-1", "INVBI") + document("XML-2", "NOPE") + "</SourceDocuments>\n", to: "in/docs.xml")
        let result = try tool.run(["import", "in/docs.xml", "--store", "s.sqlite"])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("in/docs.xml: SourceDocuments, 2 read, 1 imported, 1 refused\n"))
        let rejected = try text(tool, "rejected/docs.rejected.xml")
        #expect(rejected.contains("<documentId>XML-2</documentId>"))
        #expect(!rejected.contains("XML-1"))
        let validate = try tool.run(["validate", "rejected/docs.rejected.xml"])
        #expect(validate.status == 1)  // still invalid until fixed, but well-formed and in its namespace
        #expect(validate.output.contains("NOPE"))
    }
}
