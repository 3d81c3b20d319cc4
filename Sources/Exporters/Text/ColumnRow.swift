/// One row of fixed-width columns, written straight into the UTF-8 storage of its `String`.
///
/// Made with ``TextColumns``, a row of eight columns was some twenty `String`s: each padding,
/// each padded column, each concatenation. A `ColumnRow` puts the same pieces, by the same rules
/// (``TextColumns/left(_:_:)``, ``TextColumns/right(_:_:)``, ``TextColumns/decimal(_:_:fractionWidth:separator:)``),
/// into one buffer that becomes the row's text, so the bytes are those of the concatenation.
/// Text whose characters are not all one byte takes the `TextColumns` functions themselves.
struct ColumnRow {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The text `fill` writes; `capacity` bounds its bytes (see ``capacity(_:_:)``).
    static func text(capacity: Int, _ fill: (inout ColumnRow) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var row = ColumnRow(buffer: buffer)
            fill(&row)
            return row.count
        }
    }

    /// The most bytes a column of `width` can take for `text`: the text and its padding.
    static func capacity(_ text: String, _ width: Int) -> Int {
        text.utf8.count + max(0, width)
    }

    /// Appends `text` as it is.
    mutating func append(_ text: String) {
        let written = text.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes)
            return true
        }
        if written == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    /// Appends `count` spaces.
    mutating func spaces(_ count: Int) {
        guard count > 0 else { return }
        precondition(self.count + count <= buffer.count, "row longer than its capacity")
        for index in self.count..<self.count + count { buffer[index] = UInt8(ascii: " ") }
        self.count += count
    }

    /// Appends ``TextColumns/left(_:_:)`` of `text` and `width`.
    mutating func left(_ text: String, _ width: Int) {
        guard TextColumns.isOneByteCharacters(text) else {
            append(TextColumns.left(text, width))
            return
        }
        let columns = text.utf8.count
        if columns >= width {
            // One byte per character: the first `width` characters are the first `width` bytes.
            _ = text.utf8.withContiguousStorageIfAvailable { bytes in
                append(UnsafeBufferPointer(rebasing: bytes[0..<max(0, width)]))
            }
        } else {
            append(text)
            spaces(width - columns)
        }
    }

    /// Appends ``TextColumns/right(_:_:)`` of `text` and `width`.
    mutating func right(_ text: String, _ width: Int) {
        guard TextColumns.isOneByteCharacters(text) else {
            append(TextColumns.right(text, width))
            return
        }
        spaces(width - text.utf8.count)
        append(text)
    }

    /// A number to align on its decimal separator: its text, the characters after its separator
    /// (``TextColumns/fractionLength(_:separator:)``) and the fraction width of its column.
    struct Decimal {
        var text: String
        var fraction: Int
        var width: Int
    }

    /// Appends ``TextColumns/decimal(_:_:fractionWidth:separator:)`` of `number`'s text and width.
    mutating func decimal(_ number: Decimal, _ width: Int, separator: Character) {
        guard TextColumns.isOneByteCharacters(number.text) else {
            append(TextColumns.decimal(number.text, width, fractionWidth: number.width, separator: separator))
            return
        }
        // `right(text + padding, width)`: the text and its blanks, one column per byte.
        let padding = TextColumns.decimalPadding(fraction: number.fraction, fractionWidth: number.width)
        spaces(width - number.text.utf8.count - padding)
        append(number.text)
        spaces(padding)
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= buffer.count, "row longer than its capacity")
        for index in bytes.indices { buffer[count + index] = bytes[index] }
        count += bytes.count
    }

    private mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "row longer than its capacity")
        buffer[count] = byte
        count += 1
    }
}
