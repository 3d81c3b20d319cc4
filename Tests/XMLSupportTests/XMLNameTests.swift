import Testing

@testable import XMLSupport

/// Names for ``XMLWriter``: literals checked once per writer, run-time names checked when made.
@Suite struct XMLNameTests {
    /// A name made at run time from `text`; a literal argument would be taken as a literal
    /// (`XMLName("x")` is `"x" as XMLName`), not judged.
    private static func made(_ text: String) -> XMLName? {
        XMLName(text)
    }

    @Test(arguments: ["Invoice", "cbc:ID", "_x", "n-1.2", "Größe", "a·b"])
    func makesARunTimeNameOfAnXMLName(name: String) throws {
        let made = try #require(XMLName(name))
        #expect(made.description == name)
    }

    @Test(arguments: ["", "1a", "-a", "a b", "a>", "a\"", "a&b", ".a", "Grö ße"])
    func refusesARunTimeNameThatIsNone(name: String) {
        #expect(XMLName(name) == nil)
    }

    @Test func writesARunTimeNameAsTheSameLiteral() throws {
        func write(_ element: XMLName, _ attribute: XMLName) throws -> String {
            var writer = XMLWriter()
            try writer.startElement(element, attributes: [attribute: "1"])
            try writer.element(element, "x", attributes: [(attribute, "2")])
            try writer.emptyElement(element)
            writer.endElement()
            return writer.finish()
        }
        let literal = try write("cbc:Größe", "schemeID")
        let made = try write(try #require(Self.made("cbc:Größe")), try #require(Self.made("schemeID")))
        #expect(made == literal)
        #expect(literal.contains("<cbc:Größe schemeID=\"1\">\n  <cbc:Größe schemeID=\"2\">x</cbc:Größe>\n"))
    }

    @Test func judgesEachLiteralOncePerWriter() throws {
        var writer = XMLWriter()
        try writer.startElement("Invoice", attributes: ["xmlns": "urn:test"])
        for line in 0..<100 {
            try writer.startElement("cac:InvoiceLine")
            try writer.element("cbc:ID", "\(line)")
            try writer.element("cbc:Amount", "1.00", attributes: ["currencyID": "EUR"])
            writer.endElement()
        }
        writer.endElement()
        // Invoice, xmlns, cac:InvoiceLine, cbc:ID, cbc:Amount and currencyID: six names, each
        // judged the first time only, however often it is written.
        #expect(writer.literalNamesJudged == 6)
        // A second writer judges them again: the cache is the writer's own.
        var second = XMLWriter()
        try second.element("cbc:ID", "1")
        #expect(second.literalNamesJudged == 1)
    }

    @Test func judgesNoNameMadeAtRunTime() throws {
        var writer = XMLWriter()
        let name = try #require(Self.made("Note"))
        try writer.startElement(name)
        try writer.element(name, "x")
        writer.endElement()
        #expect(writer.literalNamesJudged == 0)
    }

    @Test func stopsTheProgramOnALiteralThatIsNoName() async {
        await #expect(processExitsWith: .failure) {
            var writer = XMLWriter()
            try? writer.startElement("Invoice")
            try? writer.element("cbc:ID", "1")
            try? writer.element("cbc:ID", "2")
            try? writer.element("1bad", "3")
        }
    }
}
