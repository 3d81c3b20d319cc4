import Foundation
import Importers
import Testing

@testable import invoicerun

/// A document file is read while the master data of the same import is read and stored; its
/// documents are still checked against that master data, refused with their file, line and
/// field when they point at an account the import did not store.
@Suite
struct ImportReadAheadTests {
    static var samples: String { CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path }
    static let accounts = """
        account,company_code,name,street,postal_code,city,country,language,currency,payment_terms,invoicing_category,tax_classification,account_assignment_group
        CA-290001,1000,New Buyer,Weg 1,10115,Berlin,DE,de,EUR,NT30,STD,1,01
        CA-290002,1000,Bad Buyer,Weg 2,10115,Berlin,DE,xx,EUR,NT30,STD,1,01
        CA-290003,2000,Other Buyer,Weg 3,10115,Berlin,DE,en,EUR,NT30,STD,1,01

        """
    static let documents = """
        document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity,unit_price
        R-1,INVBI,USAGE,1000,CA-290001,EUR,2026-11-01,10,M-1001,1,0.30
        R-2,INVBI,USAGE,1000,CA-290002,EUR,2026-11-01,10,M-1001,1,0.30
        R-3,INVBI,USAGE,1000,CA-999999,EUR,2026-11-01,10,M-1001,1,0.30
        R-4,INVBI,USAGE,1000,CA-290003,EUR,2026-11-01,10,M-1001,1,0.30
        R-5,INVBI,USAGE,1000,CA-100001,EUR,2026-11-01,10,M-1001,1,0.30

        """

    /// The documents file named to come before the accounts file (judged against the ledger
    /// first) and after it (judged at the end of its transaction).
    @Test(arguments: [("a-documents.csv", "b-accounts.csv"), ("b-documents.csv", "a-accounts.csv")])
    func documentsReadAheadAreCheckedAgainstTheAccountsStoredWithThem(documents: String, accounts: String) throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let setup = try tool.run([
            "import", "\(Self.samples)/master-data", "\(Self.samples)/config", "--store", "s.sqlite",
        ])
        #expect(setup.status == 0, "\(setup.output)")
        try tool.write(Self.accounts, to: "in/\(accounts)")
        try tool.write(Self.documents, to: "in/\(documents)")
        let result = try tool.run(["import", "in", "--store", "s.sqlite"])
        #expect(result.status == 1)
        #expect(result.output.contains("in/\(accounts): ContractAccount, 3 read, 2 imported, 1 refused\n"))
        #expect(result.output.contains("in/\(documents): SourceDocument, 5 read, 2 imported, 3 refused\n"))
        #expect(result.output.contains("Imported 2 master data records, 2 source documents"))
        let report = String(
            decoding: try Data(
                contentsOf: tool.url("rejected/\((documents as NSString).deletingPathExtension).errors.csv")),
            as: UTF8.self)
        let expected = [
            "file,line,column,field,value,reason",
            "in/\(documents),3,1,account,CA-290002,document R-2 refused: unknown contract account CA-290002",
            "in/\(documents),4,1,account,CA-999999,document R-3 refused: unknown contract account CA-999999",
            "in/\(documents),5,1,company_code,1000,\"document R-4 refused: account CA-290003 belongs to company code 2000, not 1000\"",
        ]
        #expect(report == expected.joined(separator: "\r\n") + "\r\n")
        let listing = try tool.run(["invoices", "--store", "s.sqlite"])
        #expect(listing.output.contains("invoicing orders: 2 open, 0 invoiced"), "\(listing.output)")
    }

    @Test func aFileReadAheadIsRefusedWholeWithTheMasterDataUnderAllOrNothing() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let setup = try tool.run([
            "import", "\(Self.samples)/master-data", "\(Self.samples)/config", "--store", "s.sqlite",
        ])
        #expect(setup.status == 0, "\(setup.output)")
        try tool.write(Self.accounts, to: "in/accounts.csv")
        try tool.write(Self.documents, to: "in/documents.csv")
        let result = try tool.run(["import", "in", "--store", "s.sqlite", "--all-or-nothing"])
        #expect(result.status == 1)
        #expect(result.output.contains("in/accounts.csv: ContractAccount, 3 read, 0 imported, refused whole\n"))
        #expect(result.output.contains("in/documents.csv: SourceDocument, 5 read, 0 imported, refused whole\n"))
        #expect(result.output.contains("Imported 0 master data records, 0 source documents"))
        let listing = try tool.run(["invoices", "--store", "s.sqlite"])
        #expect(listing.output.contains("invoicing orders: 0 open, 0 invoiced"), "\(listing.output)")
    }

    /// XML documents with a validity error, a decoding error, an unknown
    /// account and an id given twice; only X-5 is good.
    static let documentsXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SourceDocuments xmlns="urn:invoicerun:source-documents:1">
          <SourceDocument><documentId>X-1</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-100001</account><currency>EUR</currency><documentDate>2026-11-01</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>1</quantity></Item>
          </SourceDocument>
          <SourceDocument><documentId>X-2</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-100001</account><currency>ZZZ</currency><documentDate>2026-11-01</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>1</quantity></Item>
          </SourceDocument>
          <SourceDocument><documentId>X-3</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-999999</account><currency>EUR</currency><documentDate>2026-11-01</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>1</quantity></Item>
          </SourceDocument>
          <SourceDocument><documentId>X-4</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-100001</account><currency>EUR</currency><documentDate>2026-11-01</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>1</quantity></Item>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>2</quantity></Item>
          </SourceDocument>
          <SourceDocument><documentId>X-5</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-100001</account><currency>EUR</currency><documentDate>2026-11-01</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>1</quantity></Item>
          </SourceDocument>
          <SourceDocument><documentId>X-1</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-100001</account><currency>EUR</currency><documentDate>2026-11-02</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>3</quantity></Item>
          </SourceDocument>
          <SourceDocument><documentId>X-6</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>CA-100001</account><currency>EUR</currency><documentDate>2026-11-01</documentDate>
            <Item><itemNumber>10</itemNumber><material>M-1001</material><quantity>1.5.5</quantity></Item>
          </SourceDocument>
        </SourceDocuments>

        """

    /// What the build before the read-ahead reported for `documentsXML`, whole and cut off
    /// after 1,500 bytes (not well-formed: refused whole, with what its documents had shown).
    @Test(arguments: [
        (
            1_000_000,
            [
                "in/docs.xml,23,0,,,\"Element '{urn:invoicerun:source-documents:1}quantity': [facet 'pattern'] The value '1.5.5' is not accepted by the pattern '-?[0-9]{1,12}(\\.[0-9]{1,6})?'.\"",
                "in/docs.xml,6,160,currency,ZZZ,\"unknown currency \"\"ZZZ\"\" (ISO 4217)\"",
                "in/docs.xml,14,23,item_number,10,document X-4 has item 10 twice",
                "in/docs.xml,19,31,document_id,X-1,\"document X-1 was read complete from lines 3–4, and here it goes on after other records; the rows of one document must follow each other, so all of it is refused\"",
                "in/docs.xml,9,1,account,CA-999999,document X-3 refused: unknown contract account CA-999999",
            ],
            1
        ),
        (
            1_500,
            [
                "in/docs.xml,15,20,,,the document ends inside <SourceDocuments>; the file may be truncated",
                "in/docs.xml,9,1,account,CA-999999,document X-3 refused: unknown contract account CA-999999",
                "in/docs.xml,0,0,,,1 good document not imported: the file is refused whole",
            ],
            0
        ),
    ])
    func anXMLFileReadAheadReportsItsRefusalsAsBefore(bytes: Int, errors: [String], stored: Int) throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let setup = try tool.run([
            "import", "\(Self.samples)/master-data", "\(Self.samples)/config", "--store", "s.sqlite",
        ])
        #expect(setup.status == 0, "\(setup.output)")
        try tool.write(String(decoding: Self.documentsXML.utf8.prefix(bytes), as: UTF8.self), to: "in/docs.xml")
        try tool.write(Self.accounts, to: "in/accounts.csv")
        let result = try tool.run(["import", "in", "--store", "s.sqlite"])
        #expect(result.status == 1)
        #expect(result.output.contains("Imported 2 master data records, \(stored) source document"), "\(result.output)")
        let report = String(decoding: try Data(contentsOf: tool.url("rejected/docs.errors.csv")), as: UTF8.self)
        #expect(report == (["file,line,column,field,value,reason"] + errors).joined(separator: "\r\n") + "\r\n")
        let listing = try tool.run(["invoices", "--store", "s.sqlite"])
        #expect(listing.output.contains("invoicing orders: \(stored) open, 0 invoiced"), "\(listing.output)")
    }

    @Test func aReaderWithAHeadStartQueuesThatManyChunksBeforeTheFirstTake() {
        let channel = DocumentChannel<Int>(chunkSize: 2, capacity: 1, headStart: 4)
        let done = DispatchSemaphore(value: 0)
        let producer = Thread {
            for value in 0..<8 { channel.put(value) }  // four chunks: no wait for the consumer
            done.signal()
            for value in 8..<20 { channel.put(value) }  // from here on it waits for it
            channel.finish(.init())
        }
        producer.start()
        #expect(done.wait(timeout: .now() + 30) == .success)
        var taken: [Int] = []
        while let chunk = channel.take() { taken += chunk }
        #expect(taken == Array(0..<20))
    }
}
