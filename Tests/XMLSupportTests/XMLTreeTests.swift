import Testing
import XMLSupport

@Suite struct XMLTreeTests {
    static let namespaces = ["o": "urn:orders", "c": "urn:common"]
    static let record = """
        <o:Order xmlns:o="urn:orders" xmlns:c="urn:common" number="4711">
          <c:Date>2026-11-03</c:Date>
          <o:Line no="1"><o:Item>M-1</o:Item><o:Qty unit="Stk">2,5</o:Qty></o:Line>
          <o:Line no="2"><o:Item>M-2</o:Item><o:Qty unit="kg">1</o:Qty></o:Line>
        </o:Order>
        """

    private func query(_ text: String) throws -> XPathExpression {
        try XPathExpression(text, namespaces: Self.namespaces)
    }

    @Test func expressionsSelectTextAttributesAndNodesWithTheirFileLines() throws {
        let tree = try XMLTree(text: Self.record, fileName: "orders.xml", firstLine: 10)
        let root = try #require(tree.root)
        #expect(try tree.select(query("@number"), from: root).map(\.text) == ["4711"])
        #expect(try tree.select(query("c:Date"), from: root).map(\.line) == [11])
        let lines = try tree.select(query("o:Line"), from: root)
        #expect(lines.map(\.line) == [12, 13])
        let second = try #require(lines[1].node)
        #expect(try tree.select(query("o:Qty/@unit"), from: second).map(\.text) == ["kg"])
        #expect(try tree.select(query("concat(o:Item, '/', @no)"), from: second).map(\.text) == ["M-2/2"])
        #expect(try tree.select(query("o:Missing"), from: root).isEmpty)
    }

    @Test(arguments: [
        ("o:Line[", "XPath o:Line[ is not a valid expression"),
        ("x:Line", "XPath x:Line: the prefix x is not declared"),
    ])
    func badExpressionsAreRefusedWhenCompiled(text: String, message: String) {
        do {
            _ = try XPathExpression(text, namespaces: Self.namespaces)
            Issue.record("\(text) compiled")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func axesAndQuotedColonsAreNotPrefixes() throws {
        _ = try XPathExpression("child::o:Line[@no = 'a:b']/descendant-or-self::node()", namespaces: Self.namespaces)
    }

    @Test func aDoctypeInARecordIsRefused() {
        #expect(throws: XMLDiagnostic.self) {
            _ = try XMLTree(text: "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", fileName: "t.xml")
        }
    }
}
