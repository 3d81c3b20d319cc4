import Foundation

/// The characters EDI data may use, and how text outside them is folded.
///
/// EDIFACT interchanges declare syntax level UNOC, ISO 8859-1: every Latin-1 character is written
/// as its one byte (`ß` 0xDF, `é` 0xE9), and only characters outside Latin-1 are folded. X12 is
/// written in ASCII, which every X12 partner reads: everything outside it is folded. A folded
/// character becomes a conventional spelling (`ß` → `ss`, `æ` → `ae`, `ł` → `l`, `€` → `EUR`),
/// else the letters of its canonical decomposition that the repertoire has (`ő` → `o`), else `?`.
/// Every fold is recorded, so `convert` can report it.
public enum EDIRepertoire: Sendable, Hashable {
    /// ISO 8859-1 (EDIFACT UNOC): U+0000 to U+007F and U+00A0 to U+00FF.
    case latin1
    /// ASCII (X12).
    case ascii

    private static let conventional: [Character: String] = [
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "€": "EUR", "\u{00A0}": " ",
    ]

    /// Whether the repertoire has `scalar`.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .ascii: return scalar.isASCII
        case .latin1: return scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value)
        }
    }

    /// Whether the repertoire has every code point of `character` (after composition).
    func contains(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { contains($0) }
    }

    /// `text` in this repertoire; each character folded is added to `folds` with its replacement.
    func folded(_ text: String, folds: inout [Character: String]) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        for character in text.precomposedStringWithCanonicalMapping {
            if contains(character) {
                result.append(character)
                continue
            }
            let replacement: String
            if let conventional = Self.conventional[character], conventional.unicodeScalars.allSatisfy(contains) {
                replacement = conventional
            } else {
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    contains($0) && $0.properties.generalCategory != .nonspacingMark
                }
                replacement = base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
            }
            folds[character] = replacement
            result += replacement
        }
        return result
    }

    /// The bytes of `text`, which holds only characters of this repertoire: one byte per character.
    func encoded(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { contains($0) ? UInt8($0.value) : UInt8(ascii: "?") }
    }

    /// The folds as sentences, sorted: `ő → o`.
    static func describe(_ folds: [Character: String]) -> [String] {
        folds.map { "\($0.key) → \($0.value)" }.sorted()
    }
}
