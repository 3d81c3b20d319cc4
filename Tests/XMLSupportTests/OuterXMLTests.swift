import Testing
import XMLSupport

@Suite struct OuterXMLTests {
    @Test func outerXMLCopiesOneElementWithItsContentAndLeavesTheReaderInPlace() throws {
        let text = """
            <Root xmlns="urn:x"><A id="1"><b>x &amp; y</b></A><A id="2"><b>z</b></A></Root>
            """
        let reader = try XMLStreamReader(bytes: Array(text.utf8), fileName: "t.xml")
        var copies: [String] = []
        while try reader.read() {
            if reader.kind == .element && reader.localName == "A", let xml = reader.outerXML() {
                copies.append(xml)
                #expect(reader.localName == "A")
            }
        }
        #expect(copies == [#"<A xmlns="urn:x" id="1"><b>x &amp; y</b></A>"#, #"<A xmlns="urn:x" id="2"><b>z</b></A>"#])
    }

    @Test func outerXMLIsNilOffAnElement() throws {
        let reader = try XMLStreamReader(bytes: Array("<a>text</a>".utf8), fileName: "t.xml")
        _ = try reader.read()
        _ = try reader.read()
        #expect(reader.kind == .text)
        #expect(reader.outerXML() == nil)
    }
}
