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

    @Test("A row written in one piece has the bytes of its columns made one by one", arguments: texts)
    func columnRowsAreTheConcatenatedColumns(text: String) {
        for width in [0, 3, 12, 30] {
            let pieces =
                TextColumns.left(text, width) + " " + TextColumns.right(text, width)
                + TextColumns.decimal(text, width, fractionWidth: 2, separator: ",")
                + TextColumns.decimal(text, width, fractionWidth: 0, separator: ".")
            let capacity = 4 * ColumnRow.capacity(text, width) + 1 + 3 + 1
            let row = ColumnRow.text(capacity: capacity) { row in
                row.left(text, width)
                row.append(" ")
                row.right(text, width)
                let comma = TextColumns.fractionLength(text, separator: ",")
                let point = TextColumns.fractionLength(text, separator: ".")
                row.decimal(ColumnRow.Decimal(text: text, fraction: comma, width: 2), width, separator: ",")
                row.decimal(ColumnRow.Decimal(text: text, fraction: point, width: 0), width, separator: ".")
            }
            #expect(Array(row.utf8) == Array(pieces.utf8), "width \(width)")
        }
    }

    @Test("Wrapping by byte gives the lines wrapping by character gives")
    func wrappingByByteMatchesWrappingByCharacter() {
        // A fixed linear congruential sequence picks the words, so a failure replays.
        var state: UInt64 = 3
        func pick<T>(_ values: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return values[Int(state >> 33) % values.count]
        }
        let words = ["a", "LED", "bulb", "9", "W", "Electricity,", "business", "tariff", "abcdefghijklmnop", ""]
        for _ in 0..<2_000 {
            // Words with one, two or no spaces between them, leading and trailing spaces too.
            let text = (0..<pick(Array(0...8))).map { _ in pick(words) + pick([" ", "  ", ""]) }.joined()
            for width in [1, 3, 5, 10, 22] {
                #expect(TextColumns.wrap(text, width) == TextColumns.wrapCharacters(text, width), "\(text) \(width)")
            }
        }
    }
}
