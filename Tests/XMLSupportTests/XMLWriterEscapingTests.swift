import Testing

@testable import XMLSupport

/// The one-pass escaping of ``XMLWriter``, checked against the rules written out per character.
@Suite struct XMLWriterEscapingTests {
    /// The escaping rules, one Unicode scalar at a time, as the writer applied them before it
    /// escaped bytes in one pass: the bytes written must be the same.
    private static func expected(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\t" where inAttribute: result += "&#x9;"
            case "\n" where inAttribute: result += "&#xA;"
            case "\r": result += "&#xD;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Every character with a rule of its own, at the start, in the middle and at the end of a
    /// value, around text that needs no escape: ASCII, accented letters, a character outside the
    /// BMP, and characters whose UTF-8 starts with 0xEF like the refused U+FFFE does.
    private static let escapable = ["&", "<", ">", "\"", "'", "\t", "\n", "\r"]
    private static let surroundings = ["abc", "Größe €", "𝄞", "\u{FFFD}\u{F000}\u{FFEF}", ""]

    private static func placements(of character: String, in text: String) -> [String] {
        [character + text, text + character + text, text + character, character + character, character]
    }

    @Test(arguments: escapable, surroundings)
    func escapesElementTextAsTheRulesSay(character: String, text: String) throws {
        for value in Self.placements(of: character, in: text) {
            var writer = XMLWriter()
            try writer.element("a", value)
            #expect(
                writer.finish()
                    == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\(Self.expected(value, inAttribute: false))</a>\n"
            )
        }
    }

    @Test(arguments: escapable, surroundings)
    func escapesAttributeValuesAsTheRulesSay(character: String, text: String) throws {
        for value in Self.placements(of: character, in: text) {
            var writer = XMLWriter()
            try writer.emptyElement("a", attributes: ["first": value, "second": value])
            let escaped = Self.expected(value, inAttribute: true)
            #expect(
                writer.finish()
                    == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a first=\"\(escaped)\" second=\"\(escaped)\"/>\n")
        }
    }

    @Test func writesTextWithoutEscapesUnchanged() throws {
        let plain = "Invoice 2026-000123 / Müller GmbH, 1.234,50 € (net) 𝄞 ~!#$%*+,-./:;=?@[]^_`{|}"
        var writer = XMLWriter()
        try writer.element("a", plain, attributes: ["v": plain])
        #expect(writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"\(plain)\">\(plain)</a>\n")
    }

    /// Control characters other than tab, line feed and carriage return, and U+FFFE and U+FFFF.
    private static let refused: [Unicode.Scalar] =
        (0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) }.filter { !["\t", "\n", "\r"].contains($0) }
        + ["\u{FFFE}", "\u{FFFF}"]

    @Test(arguments: refused)
    func refusesACharacterAnywhereAndCountsItsOffsetInScalars(character: Unicode.Scalar) throws {
        let refused = String(Character(character))
        // Offsets in Unicode scalars, with multi-byte characters before the refused one.
        for (value, offset) in [(refused + "x", 0), ("é€" + refused + "x", 2), ("a𝄞\u{FFFD}&" + refused, 4)] {
            var writer = XMLWriter()
            try writer.startElement("Invoice")
            let textError = #expect(throws: XMLWriterError.self) { try writer.element("Note", value) }
            #expect(textError?.character == character)
            #expect(textError?.offset == offset)
            #expect(textError?.attribute == nil)
            let attributeError = #expect(throws: XMLWriterError.self) {
                try writer.emptyElement("Ref", attributes: ["ok": "fine", "id": value])
            }
            #expect(attributeError?.character == character)
            #expect(attributeError?.offset == offset)
            #expect(attributeError?.attribute == "id")
            writer.endElement()
            #expect(writer.finish() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice/>\n")
        }
    }

    @Test func aRefusedValueLeavesTheOpenStartTagAsItWas() throws {
        var writer = XMLWriter()
        try writer.startElement("Invoice", attributes: ["id": "1"])
        #expect(throws: XMLWriterError.self) { try writer.startElement("Line", attributes: ["n": "\u{1}"]) }
        #expect(throws: XMLWriterError.self) { try writer.element("Note", "ok", attributes: ["n": "\u{2}"]) }
        try writer.element("Note", "ok")
        writer.endElement()
        #expect(
            writer.finish()
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice id=\"1\">\n  <Note>ok</Note>\n</Invoice>\n")
    }

    @Test func growsPastTheCapacityReservedWithoutChangingTheBytes() throws {
        var small = XMLWriter(capacity: 0)
        var large = XMLWriter(capacity: 1 << 20)
        let long = String(repeating: "<&\"é", count: 5_000)
        for index in 0..<2 {
            var writer = index == 0 ? small : large
            try writer.startElement("Invoice")
            for line in 0..<500 { try writer.element("line", "value \(line) & more", attributes: ["n": "\(line)"]) }
            try writer.element("long", long)
            writer.endElement()
            if index == 0 { small = writer } else { large = writer }
        }
        #expect(small.finishedBytes() == large.finishedBytes())
        #expect(small.finish().contains("<line n=\"499\">value 499 &amp; more</line>\n"))
    }

    @Test func writesUTF8BytesAsText() throws {
        var writer = XMLWriter()
        try writer.startElement("Invoice")
        for text in ["12.50", "-0.001", "a<b", "Größe"] {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { bytes in try writer.element("v", utf8: bytes, attributes: ["x": "1"]) }
        }
        writer.endElement()
        #expect(
            writer.finish() == """
                <?xml version="1.0" encoding="UTF-8"?>
                <Invoice>
                  <v x="1">12.50</v>
                  <v x="1">-0.001</v>
                  <v x="1">a&lt;b</v>
                  <v x="1">Größe</v>
                </Invoice>

                """)
    }

    @Test func partsTakenAddUpToTheDocument() throws {
        var whole = XMLWriter()
        var parts = XMLWriter(capacity: 0)
        var taken = ""
        try whole.startElement("Postings")
        try parts.startElement("Postings")
        for number in 0..<50 {
            try whole.element("Document", "D\(number) & co")
            try parts.element("Document", "D\(number) & co")
            taken += parts.take()
        }
        whole.endElement()
        parts.endElement()
        taken += parts.take()
        #expect(taken == whole.finish())
    }
}
