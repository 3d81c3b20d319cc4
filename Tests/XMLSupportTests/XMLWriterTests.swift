import Testing

@testable import XMLSupport

@Suite struct XMLWriterTests {
    /// The calls of a small invoice; used twice to show the output depends on nothing else.
    private func writeInvoice() throws -> String {
        var writer = XMLWriter()
        try writer.startElement("Invoice", attributes: ["xmlns": "urn:invoicerun:test", "number": "2024-0001"])
        try writer.element("Customer", "Meyer & Söhne")
        try writer.startElement("Line", attributes: [("position", "1")])
        try writer.element("Description", "Hours <on site>")
        try writer.element("Amount", "100.00", attributes: ["currency": "EUR"])
        writer.endElement()
        try writer.emptyElement("Paid", attributes: ["on": "2024-02-01"])
        try writer.startElement("Notes")
        writer.endElement()
        writer.endElement()
        return writer.finish()
    }

    @Test func writesTheGoldenDocument() throws {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:invoicerun:test" number="2024-0001">
              <Customer>Meyer &amp; Söhne</Customer>
              <Line position="1">
                <Description>Hours &lt;on site&gt;</Description>
                <Amount currency="EUR">100.00</Amount>
              </Line>
              <Paid on="2024-02-01"/>
              <Notes/>
            </Invoice>

            """
        #expect(try writeInvoice() == expected)
    }

    @Test func sameCallsGiveTheSameBytes() throws {
        #expect(Array(try writeInvoice().utf8) == Array(try writeInvoice().utf8))
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<tag>", "&lt;tag&gt;"),
        ("say \"hi\"", "say &quot;hi&quot;"),
        ("it's", "it's"),
        ("line\nnext\ttab", "line\nnext\ttab"),
        ("cr\r\n", "cr&#xD;\n"),
        ("€ 𝄞", "€ 𝄞"),
    ])
    func escapesText(text: String, escaped: String) throws {
        var writer = XMLWriter()
        try writer.element("a", text)
        #expect(writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\(escaped)</a>\n")
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<>", "&lt;&gt;"),
        ("\"quoted\" and 'single'", "&quot;quoted&quot; and &apos;single&apos;"),
        ("tab\tline\ncr\r", "tab&#x9;line&#xA;cr&#xD;"),
    ])
    func escapesAttributeValues(value: String, escaped: String) throws {
        var writer = XMLWriter()
        try writer.emptyElement("a", attributes: ["v": value])
        #expect(writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"\(escaped)\"/>\n")
    }

    @Test func escapedValuesReadBackUnchanged() throws {
        let awkward = "Tab\there, \"quotes\" & 'apostrophes' <b>\r\nCR LF\n€𝄞 ]]>"
        var writer = XMLWriter()
        try writer.startElement("doc", attributes: ["value": awkward])
        try writer.element("text", awkward)
        writer.endElement()
        let reader = try XMLStreamReader(bytes: Array(writer.finish().utf8), fileName: "written.xml")
        #expect(try reader.read())
        #expect(reader.attribute("value") == awkward)
        repeat {
            #expect(try reader.read())
        } while reader.kind != .element
        #expect(try reader.readElementText() == awkward)
    }

    @Test(arguments: ["\u{0}", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"])
    func refusesCharactersXMLCannotHold(character: String) throws {
        var writer = XMLWriter()
        try writer.startElement("Invoice")
        let textError = #expect(throws: XMLWriterError.self) { try writer.element("Note", "ab" + character) }
        #expect(textError?.code == .invalidCharacter)
        #expect(textError?.elementPath == "Invoice/Note")
        #expect(textError?.offset == 2)
        let attributeError = #expect(throws: XMLWriterError.self) {
            try writer.emptyElement("Ref", attributes: ["id": character])
        }
        #expect(attributeError?.attribute == "id")
        writer.endElement()
        #expect(
            writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice/>\n",
            "a refused call writes nothing")
    }

    @Test func describesARefusedCharacterWithoutTheValue() throws {
        var writer = XMLWriter()
        try writer.startElement("Invoice")
        let error = #expect(throws: XMLWriterError.self) { try writer.element("Note", "secret\u{7}") }
        #expect(
            error?.description == "<Invoice/Note>: character U+0007 at offset 6 of the text is not allowed in XML 1.0")
    }

    @Test(arguments: [(0, "<a>\n<b/>\n</a>\n"), (4, "<a>\n    <b/>\n</a>\n")])
    func indentsByTheGivenWidth(indent: Int, body: String) throws {
        var writer = XMLWriter(indent: indent)
        try writer.startElement("a")
        try writer.emptyElement("b")
        writer.endElement()
        #expect(writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body)
    }

    @Test(arguments: ["Invoice", "cbc:ID", "_x", "n-1.2", "Größe", "a·b"])
    func acceptsXMLNames(name: String) {
        #expect(XMLWriter.isName(name))
    }

    @Test(arguments: ["", "1a", "-a", "a b", "a>", "a\"", "a&b", ".a"])
    func rejectsNonNames(name: String) {
        #expect(!XMLWriter.isName(name))
    }
}
