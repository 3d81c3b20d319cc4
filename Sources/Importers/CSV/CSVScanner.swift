/// Splits one record into field spans with a byte-level state machine.
///
/// The scanner is stateless between calls: when the buffer ends in the middle of a
/// record it reports `needMore` and the caller rescans the record from its start once
/// more bytes are in. That keeps chunk boundaries (a CRLF, a quote pair or a UTF-8
/// sequence split across reads) out of the state machine entirely, at the cost of
/// rescanning at most one record per chunk.
struct CSVScanner {
    /// What one call found at the front of the unconsumed input.
    enum Result {
        /// A complete record ending before `end`; `endLine`/`endColumn` locate its line break.
        case record(end: Int, endLine: Int, endColumn: Int)
        /// A line holding nothing but its line break, ending before `end`.
        case emptyLine(end: Int)
        /// The record may continue past the buffer; refill and call again.
        case needMore
        /// No input left.
        case endOfInput
        /// Malformed input at a position.
        case failure(CSVError.Code, line: Int, column: Int)
    }

    let delimiter: UInt8
    /// Columns count Unicode scalars, so UTF-8 continuation bytes must not be counted.
    let isUTF8: Bool
    /// Bytes above this can never end an unquoted field: one comparison for most text.
    private let maxSpecial: UInt8

    init(delimiter: UInt8, isUTF8: Bool) {
        self.delimiter = delimiter
        self.isUTF8 = isUTF8
        maxSpecial = max(delimiter, UInt8(ascii: "\""))
    }

    /// Scans the record starting at `start`, appending its fields to `spans` (cleared first).
    func scanRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isAtEOF: Bool, line: Int,
        into spans: inout [CSVFieldSpan]
    ) -> Result {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let count = bytes.count
        guard start < count else { return isAtEOF ? .endOfInput : .needMore }
        let first = bytes[start]
        if first == lf { return .emptyLine(end: start + 1) }
        if first == cr {
            if start + 1 < count { return .emptyLine(end: bytes[start + 1] == lf ? start + 2 : start + 1) }
            return isAtEOF ? .emptyLine(end: start + 1) : .needMore
        }
        spans.removeAll(keepingCapacity: true)
        var index = start
        var currentLine = line
        var column = 1
        while true {
            let fieldStart = index, fieldLine = currentLine, fieldColumn = column
            // Columns are counted from the field start, or from the last line break inside it.
            var anchor = index, anchorColumn = column
            var high: UInt8 = 0
            var doubledQuotes = false
            let contentStart: Int, contentEnd: Int
            if index < count, bytes[index] == quote {
                index += 1
                contentStart = index
                while true {
                    guard index < count else {
                        return isAtEOF ? .failure(.unclosedQuote, line: fieldLine, column: fieldColumn) : .needMore
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        guard index + 1 < count else {
                            if isAtEOF { break }
                            return .needMore
                        }
                        if bytes[index + 1] != quote { break }
                        doubledQuotes = true
                        index += 2
                        continue
                    }
                    high |= byte
                    if byte == lf || byte == cr {
                        // CRLF is one line break; its LF is taken together with the CR.
                        if byte == cr, index + 1 < count, bytes[index + 1] == lf { index += 1 }
                        currentLine += 1
                        anchor = index + 1
                        anchorColumn = 1
                    }
                    index += 1
                }
                contentEnd = index
                index += 1
                if index < count {
                    let next = bytes[index]
                    if next != delimiter, next != cr, next != lf {
                        let quoteColumn =
                            anchorColumn + scalarCount(bytes, from: anchor, to: index - 1, ascii: high < 0x80)
                        return .failure(.unexpectedQuote, line: currentLine, column: quoteColumn)
                    }
                } else if !isAtEOF {
                    return .needMore
                }
            } else {
                contentStart = index
                while index < count {
                    let byte = bytes[index]
                    if byte > maxSpecial {
                        high |= byte
                        index += 1
                        continue
                    }
                    if byte == delimiter || byte == cr || byte == lf || byte == quote { break }
                    index += 1
                }
                if index < count {
                    if bytes[index] == quote {
                        let quoteColumn =
                            fieldColumn + scalarCount(bytes, from: fieldStart, to: index, ascii: high < 0x80)
                        return .failure(.unexpectedQuote, line: currentLine, column: quoteColumn)
                    }
                } else if !isAtEOF {
                    return .needMore
                }
                contentEnd = index
            }
            spans.append(
                CSVFieldSpan(
                    rawStart: fieldStart, contentStart: contentStart, contentEnd: contentEnd,
                    line: fieldLine, column: fieldColumn,
                    hasDoubledQuotes: doubledQuotes, isASCII: high < 0x80
                ))
            // The column of the byte that ends this field.
            column = anchorColumn + scalarCount(bytes, from: anchor, to: index, ascii: high < 0x80)
            guard index < count else {
                return .record(end: index, endLine: currentLine, endColumn: column)
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                column += 1
                continue
            }
            var end = index + 1
            if byte == cr {
                if index + 1 < count {
                    if bytes[index + 1] == lf { end += 1 }
                } else if !isAtEOF {
                    return .needMore
                }
            }
            return .record(end: end, endLine: currentLine, endColumn: column)
        }
    }

    /// The number of Unicode scalars in `from..<to` (bytes, unless UTF-8 and not ASCII).
    @inline(__always)
    func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, ascii: Bool) -> Int {
        guard isUTF8, !ascii else { return to - from }
        var scalars = 0
        for index in from..<to where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        return scalars
    }
}
