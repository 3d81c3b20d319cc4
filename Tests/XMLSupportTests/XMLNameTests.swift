import Testing

@testable import XMLSupport

/// Names for ``XMLWriter``: literals checked once in the process, run-time names when made.
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

    @Test func judgesEachLiteralOnceNotOnEveryUse() throws {
        // Names no other test writes, so no writer judged them before this one.
        var writer = XMLWriter()
        try writer.startElement("test:JudgedRoot", attributes: ["test:judgedNamespace": "urn:test"])
        for line in 0..<100 {
            try writer.startElement("test:JudgedLine")
            try writer.element("test:JudgedID", "\(line)")
            try writer.element("test:JudgedAmount", "1.00", attributes: ["test:judgedCurrency": "EUR"])
            writer.endElement()
        }
        writer.endElement()
        // Six names written 401 times in all, each judged once.
        #expect(writer.literalNamesJudged == 6)
        // A writer made later knows them from the table the writers share.
        var second = XMLWriter()
        try second.startElement("test:JudgedRoot")
        try second.element("test:JudgedID", "1")
        second.endElement()
        #expect(second.literalNamesJudged == 0)
        // Names no writer met before are judged the first time, once each.
        var third = XMLWriter()
        try third.startElement("test:JudgedOther")
        for _ in 0..<3 { try third.element("test:JudgedOtherID", "1") }
        third.endElement()
        #expect(third.literalNamesJudged == 2)
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
