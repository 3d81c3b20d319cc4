import Foundation

/// The characters EDI data may use: ASCII only, so the bytes are the same whether a partner reads
/// them as UTF-8, as EDIFACT UNOC (ISO 8859-1) or as the X12 extended character set.
///
/// A character outside ASCII is folded: a few letters by convention (`ß` → `ss`, `æ` → `ae`,
/// `ø` → `o`, `ł` → `l`, `€` → `EUR`), others to the ASCII letters of their canonical
/// decomposition (`é` → `e`, `Ö` → `O`), and what has none becomes `?`.
enum EDIRepertoire {
    private static let conventional: [Character: String] = [
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "€": "EUR", "\u{00A0}": " ",
    ]

    /// `text` with every character outside ASCII folded.
    static func folded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        for character in text {
            if character.isASCII {
                result.append(character)
            } else if let replacement = conventional[character] {
                result += replacement
            } else {
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
                result += base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
            }
        }
        return result
    }
}
