/// Fixed-width text columns for print layouts: padding, alignment and word wrapping.
///
/// Widths count characters (grapheme clusters), so `ä` is one column like `a`.
enum TextColumns {
    static func left(_ text: String, _ width: Int) -> String {
        let columns = columns(of: text)
        return columns >= width ? String(text.prefix(width)) : text + spaces(width - columns)
    }

    static func right(_ text: String, _ width: Int) -> String {
        let columns = columns(of: text)
        return columns >= width ? text : spaces(width - columns) + text
    }

    /// `count` spaces.
    static func spaces(_ count: Int) -> String {
        repeated(UInt8(ascii: " "), count)
    }

    /// `count` times the ASCII character `byte`, made in one piece: `String(repeating:count:)`
    /// appends one copy at a time, which cost more than the rest of a row.
    static func repeated(_ byte: UInt8, _ count: Int) -> String {
        guard count > 0 else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            buffer.initialize(repeating: byte)
            return String(decoding: buffer, as: UTF8.self)
        }
    }

    /// The columns `text` takes: its characters. Counting characters means finding grapheme
    /// boundaries; text of ASCII bytes other than a carriage return (which joins a line feed
    /// into one character) has one character per byte, so its bytes are counted instead.
    static func columns(of text: some StringProtocol) -> Int {
        isOneByteCharacters(text) ? text.utf8.count : text.count
    }

    /// Whether every character of `text` is one byte: ASCII without a carriage return.
    static func isOneByteCharacters(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        } ?? false
    }

    /// Splits `text` into lines of at most `width` characters at spaces; longer words are cut.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        // Words split at spaces; by byte when every character is one byte (the same words, found
        // without looking for grapheme boundaries).
        let words =
            isOneByteCharacters(text)
            ? text.utf8.split(separator: UInt8(ascii: " ")).map { text[$0.startIndex..<$0.endIndex] }
            : text.split(separator: " ", omittingEmptySubsequences: true)
        for word in words {
            var word = String(word)
            while columns(of: word) > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if columns(of: current) + 1 + columns(of: word) <= width {
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
        return right(text + spaces(padding), width)
    }

    /// The characters after the decimal separator, or -1 when there is none.
    static func fractionLength(_ text: String, separator: Character) -> Int {
        // Numbers are ASCII: then the separator is found, and the characters after it counted, by byte.
        if let byte = separator.asciiValue, byte != 0x0D, isOneByteCharacters(text) {
            guard let index = text.utf8.lastIndex(of: byte) else { return -1 }
            return text.utf8.distance(from: index, to: text.utf8.endIndex) - 1
        }
        guard let index = text.lastIndex(of: separator) else { return -1 }
        return text.distance(from: index, to: text.endIndex) - 1
    }
}

extension TextColumns {
    /// `left` and `right` on one line of `width`: right-aligned `right`, at least two spaces apart.
    static func spread(_ left: String, _ right: String, _ width: Int) -> String {
        guard !right.isEmpty else { return left }
        return left + spaces(max(2, width - columns(of: left) - columns(of: right))) + right
    }
}
