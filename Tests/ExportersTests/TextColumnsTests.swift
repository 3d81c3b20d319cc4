import Testing

@testable import Exporters

/// Columns are characters: counted by byte only where each character is one byte.
@Suite
struct TextColumnsTests {
    static let texts = [
        "", "Nordlicht Energie GmbH", "1.234,56", "Müller & Söhne", "line\r\nbreak", "cr\ronly", "e\u{301}clair",
        "🇩🇪 flag", "tab\there", "12.5", "0,289", "no separator",
    ]

    @Test(arguments: texts)
    func columnsAreCharacters(text: String) {
        #expect(TextColumns.columns(of: text) == text.count)
        #expect(TextColumns.columns(of: text[...]) == text.count)
        #expect(TextColumns.left(text, 12).count == 12)
        #expect(TextColumns.right(text, 30).count == max(30, text.count))
        #expect(TextColumns.spread(text, "Page 1 of 2", 60).count == max(60, text.count + 2 + 11))
        for separator in [".", ",", "\r\n", "é"] as [Character] {
            let index = text.lastIndex(of: separator)
            #expect(
                TextColumns.fractionLength(text, separator: separator)
                    == (index.map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1))
        }
    }

    @Test(arguments: [0, 1, 16, 80, 250])
    func repeatedCharactersAreAsMany(count: Int) {
        #expect(TextColumns.spaces(count) == String(repeating: " ", count: count))
        #expect(TextColumns.repeated(UInt8(ascii: "-"), count) == String(repeating: "-", count: count))
    }

    @Test func wrappingCountsCharactersNotBytes() {
        #expect(
            TextColumns.wrap("Wärmepumpe Größe XL mit Überwachung", 10) == [
                "Wärmepumpe", "Größe XL", "mit", "Überwachun", "g",
            ])
        #expect(
            TextColumns.wrap("LED bulb 9 W warm white, pack of ten", 22) == ["LED bulb 9 W warm", "white, pack of ten"])
        #expect(TextColumns.wrap("", 5) == [""])
        #expect(TextColumns.wrap("  a  b   c ", 3) == ["a b", "c"])
        #expect(TextColumns.wrap("abcdefgh", 3) == ["abc", "def", "gh"])
    }
}
