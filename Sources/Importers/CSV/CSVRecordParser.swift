/// Turns the scanner's spans into rows, pulling chunks from the input as needed.
///
/// All mutable parsing state lives here as plain stored properties of a struct, so the
/// hot path pays no dynamic exclusivity checks.
struct CSVRecordParser {
    /// One step of reading, computed while the buffer is borrowed.
    private enum Step {
        case row(CSVRow, end: Int, nextLine: Int)
        case skip(end: Int)
        case needMore
        case end
        /// `end` is where to resume when the record itself was well-formed.
        case failure(CSVError, end: Int?, nextLine: Int)
    }

    var input: CSVInput
    let scanner: CSVScanner
    let encoding: CSVEncoding
    /// The physical line at `input.start`.
    private(set) var line = 1
    /// Reused between records so that scanning allocates nothing.
    private var spans: [CSVFieldSpan] = []

    init(input: CSVInput, delimiter: UInt8, encoding: CSVEncoding) {
        self.input = input
        self.encoding = encoding
        scanner = CSVScanner(delimiter: delimiter, isUTF8: encoding == .utf8)
    }

    /// The next non-empty record, or nil at the end of input.
    ///
    /// With `expectedFields`, a record with another field count throws `raggedRow`.
    /// Ragged rows and encoding errors consume the record, so reading can go on after
    /// them; a syntax error leaves the input where it is.
    mutating func nextRecord(expectedFields: Int?) throws(CSVError) -> CSVRow? {
        while true {
            var spans: [CSVFieldSpan] = []
            swap(&spans, &self.spans)
            let (scanner, encoding, fileName) = (scanner, encoding, input.fileName)
            let (start, end, isAtEOF, line) = (input.start, input.end, input.isAtEOF, line)
            let step = input.buffer.withUnsafeBufferPointer { storage -> Step in
                let bytes = UnsafeBufferPointer(rebasing: storage[..<end])
                let result = scanner.scanRecord(bytes, from: start, isAtEOF: isAtEOF, line: line, into: &spans)
                switch result {
                case .needMore:
                    return .needMore
                case .endOfInput:
                    return .end
                case let .emptyLine(end):
                    return .skip(end: end)
                case let .failure(code, errorLine, column):
                    let error = CSVError(code: code, file: fileName, line: errorLine, column: column)
                    return .failure(error, end: nil, nextLine: line)
                case let .record(end, endLine, endColumn):
                    if let expectedFields, spans.count != expectedFields {
                        // Point at the first extra field, or where the first missing one belongs.
                        let (errorLine, column) =
                            spans.count > expectedFields
                            ? (spans[expectedFields].line, spans[expectedFields].column)
                            : (endLine, endColumn)
                        let code = CSVError.Code.raggedRow(expected: expectedFields, found: spans.count)
                        let error = CSVError(code: code, file: fileName, line: errorLine, column: column)
                        return .failure(error, end: end, nextLine: endLine + 1)
                    }
                    switch Self.makeRow(bytes, spans: spans, line: line, encoding: encoding) {
                    case let .row(row):
                        return .row(row, end: end, nextLine: endLine + 1)
                    case let .invalidBytes(errorLine, column):
                        let error = CSVError(code: .invalidEncoding, file: fileName, line: errorLine, column: column)
                        return .failure(error, end: end, nextLine: endLine + 1)
                    }
                }
            }
            swap(&spans, &self.spans)
            switch step {
            case let .row(row, end, nextLine):
                input.start = end
                self.line = nextLine
                return row
            case let .skip(end):
                input.start = end
                self.line += 1
            case .needMore:
                try input.refill()
            case .end:
                return nil
            case let .failure(error, end, nextLine):
                if let end {
                    input.start = end
                    self.line = nextLine
                }
                throw error
            }
        }
    }
}
