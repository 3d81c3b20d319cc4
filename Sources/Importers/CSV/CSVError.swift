/// One problem in a CSV file, printed as `file:line:column: message`.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// A quoted field runs to the end of the file without its closing quote.
        case unclosedQuote
        /// A quote appears inside an unquoted field or right after a closing quote.
        case unexpectedQuote
        /// A record has a different number of fields than the header.
        case raggedRow(expected: Int, found: Int)
        /// Bytes that are not valid in the file's encoding (only UTF-8 can have them).
        case invalidEncoding
        /// The file holds no header line.
        case emptyFile
        /// Two header columns have the same name (after trimming spaces).
        case duplicateHeader(String)
        /// A header column has no name (after trimming spaces).
        case emptyHeader
        /// The file could not be opened or read; the payload is the system's reason.
        case io(String)
    }

    /// What went wrong.
    public var code: Code
    /// The file name as given to the reader.
    public var file: String
    /// 1-based physical line of the problem, or 0 when it concerns the whole file (I/O).
    public var line: Int
    /// 1-based column, in Unicode scalars of the decoded line, or 0 with `line` 0.
    public var column: Int

    /// Creates an error at a position in a file.
    public init(code: Code, file: String, line: Int, column: Int) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
    }

    /// The explanation without the position.
    public var message: String {
        switch code {
        case .unclosedQuote:
            "unclosed quote: the field that starts here has no closing quote"
        case .unexpectedQuote:
            "unexpected quote: quotes are only allowed around a whole field, and doubled (\"\") inside it"
        case let .raggedRow(expected, found):
            "ragged row: expected \(expected) field\(expected == 1 ? "" : "s") as in the header, found \(found)"
        case .invalidEncoding:
            "invalid encoding: these bytes are not valid UTF-8"
        case .emptyFile:
            "empty file: expected a header line"
        case let .duplicateHeader(name):
            "duplicate header: column name '\(name)' appears more than once"
        case .emptyHeader:
            "empty header: every column needs a name"
        case let .io(reason):
            "cannot read file: \(reason)"
        }
    }

    /// `file:line:column: message`, or `file: message` for errors without a position.
    public var description: String {
        // I/O errors have no meaningful position; a made-up 1:1 would send people looking.
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
