extension CSVRecordParser {
    /// A decoded record, or where its first undecodable byte is.
    enum DecodedRow {
        case row(CSVRow)
        case invalidBytes(line: Int, column: Int)
    }

    /// Builds the row for `spans`, creating exactly one String per field.
    static func makeRow(
        _ bytes: UnsafeBufferPointer<UInt8>, spans: [CSVFieldSpan], line: Int, encoding: CSVEncoding
    ) -> DecodedRow {
        var cells: [FieldRecord.Field] = []
        cells.reserveCapacity(spans.count)
        for span in spans {
            let content = UnsafeBufferPointer(rebasing: bytes[span.contentStart..<span.contentEnd])
            let field: String
            if span.isASCII, !span.hasDoubledQuotes {
                // ASCII reads the same in all supported encodings.
                field = ascii(content)
            } else if encoding == .utf8 {
                if span.hasDoubledQuotes {
                    if let invalid = UTF8Validator.firstInvalidOffset(in: content) {
                        let (errorLine, column) = position(of: span.contentStart + invalid, in: bytes, span: span)
                        return .invalidBytes(line: errorLine, column: column)
                    }
                    field = unescaped(content)
                } else if let valid = String(validating: content, as: UTF8.self) {
                    field = valid
                } else {
                    let invalid = UTF8Validator.firstInvalidOffset(in: content) ?? 0
                    let (errorLine, column) = position(of: span.contentStart + invalid, in: bytes, span: span)
                    return .invalidBytes(line: errorLine, column: column)
                }
            } else {
                field = CSVEncoding.decodeSingleByte(
                    content, windows1252: encoding == .windows1252, unescapeQuotes: span.hasDoubledQuotes)
            }
            cells.append(FieldRecord.Field(value: field, line: span.line, column: span.column))
        }
        return .row(CSVRow(line: line, cells: cells))
    }

    /// ASCII `content` as a string. Most fields fit in a small string (15 bytes), which this
    /// fills directly: `String(decoding:as:)` validated and copied each one twice over.
    private static func ascii(_ content: UnsafeBufferPointer<UInt8>) -> String {
        guard let source = content.baseAddress, !content.isEmpty else { return "" }
        guard content.count <= 15 else { return String(decoding: content, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: content.count) { buffer in
            // swift-format-ignore: NeverForceUnwrap
            buffer.baseAddress!.update(from: source, count: content.count)
            return content.count
        }
    }

    /// Valid UTF-8 `content` with each doubled quote collapsed to one.
    private static func unescaped(_ content: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: content.count) { out in
            var written = 0
            var index = 0
            while index < content.count {
                let byte = content[index]
                out[written] = byte
                written += 1
                index += byte == UInt8(ascii: "\"") ? 2 : 1
            }
            return written
        }
    }

    /// The line and column of byte `offset`, counted from the start of `span`.
    ///
    /// Only used on the error path, so it simply walks the field again.
    private static func position(
        of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, span: CSVFieldSpan
    ) -> (line: Int, column: Int) {
        var (line, column) = (span.line, span.column)
        var index = span.rawStart
        while index < offset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < offset, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
