import Foundation
import InvoicingCore
import Testing

@testable import Importers

/// Documents are handed on while a file is read, one at a time, so a file of any size is
/// stored with flat memory; the rows of one document must therefore follow each other.
@Suite
struct StreamingImportTests {
    static let header =
        "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity"

    static func row(_ id: String, item: Int, quantity: String = "1") -> String {
        "\(id),INVBI,USAGE,1000,A1,EUR,2026-11-01,\(item),M1,\(quantity)"
    }

    /// Reads `files` with a handler and records what it received, and when.
    private func stream(_ files: [String: String]) throws -> (
        batch: ImportBatch, events: [String], folder: ImportFolder
    ) {
        let folder = try ImportFolder(files)
        var events: [String] = []
        let batch = InputImporter(schemas: ImportFolder.schemas).read([folder.root.path]) { event in
            switch event {
            case .document(let decoded):
                events.append("+\(decoded.document.id)×\(decoded.document.items.count)@\(decoded.lines)")
            case .withdrawn(let id): events.append("-\(id)")
            }
        }
        return (batch, events, folder)
    }

    @Test func eachDocumentIsHandedOnWhenTheNextBegins() throws {
        let rows = [Self.header, Self.row("D1", item: 10), Self.row("D1", item: 20), Self.row("D2", item: 10)]
        let (batch, events, folder) = try stream(["docs.csv": rows.joined(separator: "\n") + "\n"])
        defer { folder.remove() }
        #expect(events == ["+D1×2@[2, 3]", "+D2×1@[4]"])
        #expect(batch.documents.isEmpty, "handed on, not collected")
        #expect(batch.diagnostics.isEmpty)
    }

    @Test func aDocumentWhoseRowsAreNotAdjacentIsWithdrawnWhole() throws {
        let rows = [
            Self.header, Self.row("D1", item: 10), Self.row("D1", item: 20), Self.row("D2", item: 10),
            Self.row("D1", item: 30), Self.row("D3", item: 10), Self.row("D1", item: 40),
        ]
        let (batch, events, folder) = try stream(["docs.csv": rows.joined(separator: "\n") + "\n"])
        defer { folder.remove() }
        #expect(events == ["+D1×2@[2, 3]", "+D2×1@[4]", "-D1", "+D3×1@[6]"])
        #expect(
            folder.messages(batch) == [
                "docs.csv:5:1: document_id: document D1 was read complete from lines 2–3, and here it goes on after other records; the rows of one document must follow each other, so all of it is refused"
            ])
        // Every row of D1 is refused and comes back in the rejects file; D2 and D3 are kept.
        #expect(batch.files.first?.rejectedLines == [2, 3, 5, 7])
    }

    @Test func withoutAHandlerTheBatchCollectsTheSameDocuments() throws {
        let rows = [
            Self.header, Self.row("D1", item: 10), Self.row("D2", item: 10), Self.row("D1", item: 20),
            Self.row("D3", item: 10),
        ]
        let folder = try ImportFolder(["docs.csv": rows.joined(separator: "\n") + "\n"])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.documents.map(\.document.id) == ["D2", "D3"])
        #expect(batch.files.first?.rejectedLines == [2, 4])
    }

    @Test func anXMLDocumentThatAppearsTwiceIsWithdrawn() throws {
        func document(_ id: String, _ line: Int) -> String {
            """
              <SourceDocument><documentId>\(id)</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>A1</account><currency>EUR</currency><documentDate>2026-11-01</documentDate>
                <Item><itemNumber>\(line)</itemNumber><material>M1</material><quantity>1</quantity></Item>
              </SourceDocument>
            """
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SourceDocuments xmlns="urn:invoicerun:source-documents:1">
            \(document("D1", 10))
            \(document("D2", 10))
            \(document("D1", 20))
            </SourceDocuments>

            """
        let (batch, events, folder) = try stream(["docs.xml": xml])
        defer { folder.remove() }
        #expect(events == ["+D1×1@[3]", "+D2×1@[6]", "-D1"])
        #expect(batch.files.first?.rejectedLines.isSuperset(of: [3, 9]) == true)
        #expect(folder.messages(batch).first?.hasPrefix("docs.xml:9:") == true)
    }

    @Test func memoryHoldsLinesNotDocuments() throws {
        // 20,000 documents of 3 rows: the handler sees each once, in order, and nothing is collected.
        var text = Self.header + "\n"
        for document in 0..<20_000 {
            for item in 1...3 { text += Self.row("D\(document)", item: item * 10) + "\n" }
        }
        let folder = try ImportFolder(["big.csv": text])
        defer { folder.remove() }
        var count = 0
        var previous = -1
        let batch = InputImporter(schemas: ImportFolder.schemas).read([folder.root.path]) { event in
            guard case .document(let decoded) = event, decoded.document.items.count == 3,
                let number = Int(decoded.document.id.dropFirst()), number == previous + 1
            else { return }
            previous = number
            count += 1
        }
        #expect(count == 20_000)
        #expect(batch.documents.isEmpty)
        #expect(batch.files.first?.records == 60_000)
    }
}
