import Testing
import XMLSupport

@Suite struct XMLStreamReaderTests {
    let invoice = Fixture.path("Documents/invoice.xml")

    /// Moves `reader` to the next start tag named `name`.
    private func advance(_ reader: XMLStreamReader, toElement name: String) throws {
        while try reader.read() {
            if reader.kind == .element && reader.qualifiedName == name { return }
        }
        Issue.record("no element \(name)")
    }

    @Test func walksANamespacedDocumentInDocumentOrder() throws {
        let reader = try XMLStreamReader(path: invoice)
        var nodes: [String] = []
        while try reader.read() {
            guard reader.kind != .whitespace else { continue }
            nodes.append("\(reader.kind) \(reader.localName) \(reader.depth)")
        }
        #expect(
            nodes == [
                "comment #comment 0",
                "element Invoice 0",
                "element Customer 1", "text #text 2", "endElement Customer 1",
                "element Note 1", "cdata #cdata-section 2", "text #text 2", "endElement Note 1",
                "element Empty 1",
                "element Blank 1", "endElement Blank 1",
                "processingInstruction processing 1",
                "element Lines 1", "element Line 2", "text #text 3", "endElement Line 2", "endElement Lines 1",
                "endElement Invoice 0",
            ])
        #expect(reader.diagnostics.isEmpty)
    }

    @Test func reportsNamespaceQualifiedNameAndEmptiness() throws {
        let reader = try XMLStreamReader(path: invoice)
        try advance(reader, toElement: "inv:Empty")
        #expect(reader.localName == "Empty")
        #expect(reader.qualifiedName == "inv:Empty")
        #expect(reader.namespaceURI == "urn:invoicerun:test")
        #expect(reader.isEmptyElement)
        #expect(reader.value == nil)
        #expect(try reader.read())
        #expect(reader.kind == .whitespace)
        #expect(reader.namespaceURI == nil)
        #expect(reader.value == "\n  ")
    }

    @Test(arguments: [("inv:Invoice", 3), ("inv:Customer", 4), ("inv:Empty", 6), ("inv:Line", 10)])
    func reportsTheLineOfEachStartTag(name: String, line: Int) throws {
        let reader = try XMLStreamReader(path: invoice)
        try advance(reader, toElement: name)
        #expect(reader.line == line)
    }

    @Test func readsAttributesByQualifiedNameAndByNamespace() throws {
        let reader = try XMLStreamReader(path: invoice)
        try advance(reader, toElement: "inv:Invoice")
        #expect(reader.attribute("number") == "2024-0001")
        try advance(reader, toElement: "inv:Customer")
        #expect(reader.attribute("id") == "C-17")
        #expect(reader.attribute("x:rank") == "gold")
        #expect(reader.attribute("rank", namespaceURI: "urn:invoicerun:extra") == "gold")
        #expect(reader.attribute("rank") == nil)
        #expect(reader.attribute("missing") == nil)
    }

    @Test func readElementTextDecodesEntitiesAndJoinsCDATA() throws {
        let reader = try XMLStreamReader(path: invoice)
        try advance(reader, toElement: "inv:Customer")
        #expect(try reader.readElementText() == "Meyer & Söhne")
        #expect(reader.kind == .endElement)
        #expect(reader.qualifiedName == "inv:Customer")
        try advance(reader, toElement: "inv:Note")
        #expect(try reader.readElementText() == "<b>paid</b> <on time>")
        #expect(reader.kind == .endElement)
    }

    @Test func readElementTextOfEmptyElementsIsEmpty() throws {
        let reader = try XMLStreamReader(path: invoice)
        try advance(reader, toElement: "inv:Empty")
        #expect(try reader.readElementText() == "")
        #expect(reader.kind == .element, "an empty-element tag has no end tag to move to")
        #expect(reader.qualifiedName == "inv:Empty")
        try advance(reader, toElement: "inv:Blank")
        #expect(try reader.readElementText() == "")
        #expect(reader.kind == .endElement)
    }

    @Test func readElementTextRefusesChildElements() throws {
        let reader = try XMLStreamReader(path: invoice)
        try advance(reader, toElement: "inv:Lines")
        let error = #expect(throws: XMLDiagnostic.self) { try reader.readElementText() }
        #expect(error?.code == .unexpectedChildElement)
        #expect(error?.message == "<inv:Lines> must contain only text, but contains the element <inv:Line>")
        #expect(error?.line == 10)
        #expect(error?.description.hasPrefix("\(invoice):10:0: <inv:Lines>") == true)
    }

    @Test func readElementTextOnANonElementIsAnError() throws {
        let reader = try XMLStreamReader(bytes: Array("<a>x</a>".utf8), fileName: "a.xml")
        _ = try reader.read()
        _ = try reader.read()
        let error = #expect(throws: XMLDiagnostic.self) { try reader.readElementText() }
        #expect(error?.code == .misuse)
        #expect(error?.message == "readElementText() must be called on a start tag, not on text")
    }

    @Test func readsBytesThatTheCallerNoLongerHolds() throws {
        var bytes: [UInt8]? = Array("<a n=\"1\">Grüße</a>".utf8)
        let reader = try XMLStreamReader(bytes: bytes!, fileName: "memory.xml")
        bytes = nil
        #expect(try reader.read())
        #expect(try reader.readElementText() == "Grüße")
        #expect(try reader.read() == false)
    }

    @Test func readsUTF16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>Maß</a>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let reader = try XMLStreamReader(bytes: bytes, fileName: "utf16.xml")
        #expect(try reader.read())
        #expect(reader.line == 2)
        #expect(try reader.readElementText() == "Maß")
    }

    @Test func readingPastTheEndKeepsReturningFalse() throws {
        let reader = try XMLStreamReader(bytes: Array("<a/>".utf8), fileName: "a.xml")
        #expect(try reader.read())
        #expect(try reader.read() == false)
        #expect(try reader.read() == false)
    }

    @Test func errorsAreThrownWithPositionAndThenRepeated() throws {
        let reader = try XMLStreamReader(bytes: Array("<a>\n  <b></c>\n</a>".utf8), fileName: "mismatch.xml")
        let first = #expect(throws: XMLDiagnostic.self) { try Fixture.readAll(reader) }
        #expect(first?.description == "mismatch.xml:2:10: Opening and ending tag mismatch: b line 2 and c")
        #expect(first?.severity == .fatal)
        let second = #expect(throws: XMLDiagnostic.self) { try reader.read() }
        #expect(second == first)
    }

    @Test func warningsAreCollectedWithoutStoppingTheReader() throws {
        let reader = try XMLStreamReader(bytes: Array("<a xmlns=\"relative\">x</a>".utf8), fileName: "warn.xml")
        #expect(try Fixture.readAll(reader) == ["x"])
        let warning = try #require(reader.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "xmlns: URI relative is not absolute")
        #expect(warning.line == 1)
    }

    @Test func aMissingFileIsReportedByTheInitializer() {
        let error = #expect(throws: XMLDiagnostic.self) { try XMLStreamReader(path: "/nonexistent/invoice.xml") }
        #expect(error?.code == .unreadableFile)
        #expect(error?.description == "/nonexistent/invoice.xml:0:0: cannot open file: No such file or directory")
    }
}
