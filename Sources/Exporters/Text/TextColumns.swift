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
        // Every line item's description is wrapped: text whose characters are all one byte is
        // wrapped on its bytes, with no `String` but the lines themselves.
        if width > 0, isOneByteCharacters(text),
            let lines = text.utf8.withContiguousStorageIfAvailable({ wrapOneByte($0, width) })
        {
            return lines
        }
        return wrapCharacters(text, width)
    }

    /// ``wrap(_:_:)`` for any text: words split at spaces, widths counted in characters.
    static func wrapCharacters(_ text: String, _ width: Int) -> [String] {
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

    /// ``wrapCharacters(_:_:)`` on the bytes of text whose characters are all one byte, step
    /// for step: the line being filled is kept in a buffer and becomes a `String` when it is full.
    private static func wrapOneByte(_ bytes: UnsafeBufferPointer<UInt8>, _ width: Int) -> [String] {
        let space = UInt8(ascii: " ")
        var lines: [String] = []
        guard !bytes.isEmpty else { return [""] }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { current in
            var length = 0
            func take(_ start: Int, _ count: Int, at offset: Int) {
                for index in 0..<count { current[offset + index] = bytes[start + index] }
            }
            var index = 0
            while index < bytes.count {
                if bytes[index] == space {
                    index += 1
                    continue
                }
                var start = index
                while index < bytes.count && bytes[index] != space { index += 1 }
                var count = index - start
                while count > width {
                    // A word longer than the line: the line so far, then the word cut in pieces.
                    if length > 0 {
                        lines.append(
                            String(decoding: UnsafeBufferPointer(rebasing: current[0..<length]), as: UTF8.self))
                        length = 0
                    }
                    lines.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + width]), as: UTF8.self))
                    start += width
                    count -= width
                }
                if length == 0 {
                    take(start, count, at: 0)
                    length = count
                } else if length + 1 + count <= width {
                    current[length] = space
                    take(start, count, at: length + 1)
                    length += 1 + count
                } else {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: current[0..<length]), as: UTF8.self))
                    take(start, count, at: 0)
                    length = count
                }
            }
            if length > 0 || lines.isEmpty {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: current[0..<length]), as: UTF8.self))
            }
        }
        return lines
    }
}

extension TextColumns {
    /// `text` right-aligned in `width` so that its decimal separator sits in a fixed column:
    /// everything after `separator` is padded to `fractionWidth` characters (a number without a
    /// separator gets blanks in its place), so `12,50` and `0,289` line up on the comma.
    static func decimal(_ text: String, _ width: Int, fractionWidth: Int, separator: Character) -> String {
        right(text + spaces(decimalPadding(text, fractionWidth: fractionWidth, separator: separator)), width)
    }

    /// The blanks ``decimal(_:_:fractionWidth:separator:)`` puts after `text`: what its fraction
    /// lacks of `fractionWidth`, or the whole fraction and the separator when it has none.
    static func decimalPadding(_ text: String, fractionWidth: Int, separator: Character) -> Int {
        decimalPadding(fraction: fractionLength(text, separator: separator), fractionWidth: fractionWidth)
    }

    /// ``decimalPadding(_:fractionWidth:separator:)`` of a text whose ``fractionLength(_:separator:)`` is `fraction`.
    static func decimalPadding(fraction: Int, fractionWidth: Int) -> Int {
        let fractionWidth = max(0, fractionWidth)
        return fraction < 0 ? fractionWidth + (fractionWidth > 0 ? 1 : 0) : max(0, fractionWidth - fraction)
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
