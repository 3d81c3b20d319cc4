import Glibc
import Testing

@testable import XMLSupport

/// The SAX2 event reader the importers use for large documents: the same hardening and the same
/// diagnostics as the text reader, events in document order, validity errors collected by line.
@Suite struct XMLEventReaderTests {
    private func events(_ reader: XMLEventReader) -> (events: [String], fatal: XMLDiagnostic?) {
        var events: [String] = []
        let fatal = reader.parse { event in
            switch event {
            case .start(let name, let namespace, let depth, let line, let column):
                events.append("<\(name.text)#\(name.id) d\(depth) \(line):\(column)\(namespace.map { " " + $0 } ?? "")")
            case .end(let name, let depth, let text, _):
                events.append("</\(name.text) d\(depth)\(text.map { " \"" + $0 + "\"" } ?? "")")
            }
            return true
        }
        return (events, fatal)
    }

    @Test(arguments: HostileDocument.all)
    func hostileDocumentsStopWithTheSameDiagnosticAsTheTextReader(document: HostileDocument) throws {
        let path = Fixture.path("Hardening/" + document.fixture)
        let reader = try XMLEventReader(path: path, limits: document.limits)
        let (events, fatal) = events(reader)
        let error = try #require(fatal)
        #expect(error.code == document.code)
        #expect(error.message == document.message)
        #expect(error.line == document.line)
        // libxml2's reader reads ahead of its SAX events: its own errors may stand a few columns on.
        if document.column > 0 && !document.code.rawValue.hasPrefix("libxml2") {
            #expect(error.column == document.column)
        }
        #expect(reader.diagnostics.filter { $0.severity == .fatal } == [error], "one fatal diagnostic")
        #expect(!events.joined().contains("root:x:0:0"))
    }

    @Test func eventsComeInDocumentOrderWithTextOfLeavesAndNumberedNames() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <r xmlns="urn:x"><a>one &amp; <![CDATA[two]]></a>
              <b><a>3</a><c/></b></r>
            """
        let reader = XMLEventReader(bytes: Array(xml.utf8), fileName: "t.xml")
        let (events, fatal) = events(reader)
        #expect(fatal == nil)
        #expect(
            events == [
                "<r#0 d0 2:18 urn:x", "<a#1 d1 2:21", "</a d1 \"one & two\"", "<b#2 d1 3:6", "<a#1 d2 3:9",
                "</a d2 \"3\"", "<c#3 d2 3:17", "</c d2 \"\"", "</b d1", "</r d0",
            ])
    }

    @Test func validityErrorsAreCollectedWithTheirLinesAndReadingGoesOn() throws {
        let schema = try XMLSchema(path: Fixture.path("Schemas/invoice.xsd"))
        let path = Fixture.path("Schemas/invalid-invoice.xml")
        let reader = try XMLEventReader(path: path, collectingValidityErrorsAgainst: schema)
        let (events, fatal) = events(reader)
        #expect(fatal == nil)
        #expect(!events.isEmpty)
        let expected = schema.validate(path: path)
        #expect(!expected.isEmpty)
        #expect(reader.diagnostics.filter { $0.severity != .warning }.map(\.line) == expected.map(\.line))
    }

    @Test func theHandlerCanStopTheReader() throws {
        let reader = XMLEventReader(bytes: Array("<r><a/><b/><c/></r>".utf8), fileName: "t.xml")
        var seen = 0
        let fatal = reader.parse { _ in
            seen += 1
            return seen < 3
        }
        #expect(fatal == nil)
        #expect(seen == 3)
    }

    @Test func anUndeclaredEntityIsAnErrorNotALookup() throws {
        let reader = XMLEventReader(bytes: Array("<r>&secret;</r>".utf8), fileName: "t.xml")
        let (_, fatal) = events(reader)
        #expect(fatal?.message.contains("secret") == true)
    }
}
