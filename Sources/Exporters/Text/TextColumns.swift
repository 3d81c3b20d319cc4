/// Fixed-width text columns for print layouts: padding, alignment and word wrapping.
///
/// Widths count characters (grapheme clusters), so `ä` is one column like `a`.
enum TextColumns {
    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Splits `text` into lines of at most `width` characters at spaces; longer words are cut.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

extension TextColumns {
    /// `text` right-aligned in `width` so that its decimal separator sits in a fixed column:
    /// everything after `separator` is padded to `fractionWidth` characters (a number without a
    /// separator gets blanks in its place), so `12,50` and `0,289` line up on the comma.
    static func decimal(_ text: String, _ width: Int, fractionWidth: Int, separator: Character) -> String {
        let fractionWidth = max(0, fractionWidth)
        let fraction = fractionLength(text, separator: separator)
        let padding = fraction < 0 ? fractionWidth + (fractionWidth > 0 ? 1 : 0) : max(0, fractionWidth - fraction)
        return right(text + String(repeating: " ", count: padding), width)
    }

    /// The characters after the decimal separator, or -1 when there is none.
    static func fractionLength(_ text: String, separator: Character) -> Int {
        guard let index = text.lastIndex(of: separator) else { return -1 }
        return text.distance(from: index, to: text.endIndex) - 1
    }
}

extension TextColumns {
    /// `left` and `right` on one line of `width`: right-aligned `right`, at least two spaces apart.
    static func spread(_ left: String, _ right: String, _ width: Int) -> String {
        guard !right.isEmpty else { return left }
        return left + String(repeating: " ", count: max(2, width - left.count - right.count)) + right
    }
}
