import Testing

@testable import Importers

/// An input that must fail, with the exact error it must report.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: [UInt8]
    var dialect = CSVDialect()
    var error: CSVError
    /// The full printed form, `test.csv:line:column: message`.
    var message: String

    var testDescription: String { name }

    init(
        _ name: String, _ text: String, dialect: CSVDialect = .init(), _ code: CSVError.Code, line: Int, column: Int,
        _ message: String
    ) {
        self.init(name, bytes: Array(utf8: text), dialect: dialect, code, line: line, column: column, message)
    }

    init(
        _ name: String, bytes: [UInt8], dialect: CSVDialect = .init(), _ code: CSVError.Code, line: Int, column: Int,
        _ message: String
    ) {
        self.name = name
        input = bytes
        self.dialect = dialect
        error = CSVError(code: code, file: "test.csv", line: line, column: column)
        self.message = message
    }

    static let all: [ErrorCase] = [
        ErrorCase(
            "an empty file", "", .emptyFile, line: 1, column: 1,
            "test.csv:1:1: empty file: expected a header line"),
        ErrorCase(
            "a file of empty lines", "\n\r\n\r", .emptyFile, line: 1, column: 1,
            "test.csv:1:1: empty file: expected a header line"),
        ErrorCase(
            "a file with only a BOM", "\u{FEFF}", .emptyFile, line: 1, column: 1,
            "test.csv:1:1: empty file: expected a header line"),
        ErrorCase(
            "a row with too many fields", "a,b\n1,2\n1,2,3\n", .raggedRow(expected: 2, found: 3), line: 3, column: 5,
            "test.csv:3:5: ragged row: expected 2 fields as in the header, found 3"),
        ErrorCase(
            "a row with too few fields", "a,b,c\r\n1,2\r\n", .raggedRow(expected: 3, found: 2), line: 2, column: 4,
            "test.csv:2:4: ragged row: expected 3 fields as in the header, found 2"),
        ErrorCase(
            "a ragged row after a multi-line field", "a\n\"x\ny\",z\n", .raggedRow(expected: 1, found: 2), line: 3,
            column: 4,
            "test.csv:3:4: ragged row: expected 1 field as in the header, found 2"),
        ErrorCase(
            "an unclosed quote at the end of the file", "a,b\n1,\"abc\n", .unclosedQuote, line: 2, column: 3,
            "test.csv:2:3: unclosed quote: the field that starts here has no closing quote"),
        ErrorCase(
            "an unclosed quote spanning lines", "a,b\n1,2\n€,\"x\ny\r\nz", .unclosedQuote, line: 3, column: 3,
            "test.csv:3:3: unclosed quote: the field that starts here has no closing quote"),
        ErrorCase(
            "an unclosed quote in the header", "a,\"b\n", .unclosedQuote, line: 1, column: 3,
            "test.csv:1:3: unclosed quote: the field that starts here has no closing quote"),
        ErrorCase(
            "a quote inside an unquoted field", "a,b\n1,ab\"c\n", .unexpectedQuote, line: 2, column: 5,
            "test.csv:2:5: unexpected quote: quotes are only allowed around a whole field, and doubled (\"\") inside it"
        ),
        ErrorCase(
            "a quote after leading spaces", "a,b\n1, \"c\"\n", .unexpectedQuote, line: 2, column: 4,
            "test.csv:2:4: unexpected quote: quotes are only allowed around a whole field, and doubled (\"\") inside it"
        ),
        ErrorCase(
            "text after a closing quote", "a,b\n\"é\nab\"c,d\n", .unexpectedQuote, line: 3, column: 3,
            "test.csv:3:3: unexpected quote: quotes are only allowed around a whole field, and doubled (\"\") inside it"
        ),
        ErrorCase(
            "a duplicate header name", "a,b,a\n", .duplicateHeader("a"), line: 1, column: 5,
            "test.csv:1:5: duplicate header: column name 'a' appears more than once"),
        ErrorCase(
            "a header name duplicate after trimming", "id, id \n", .duplicateHeader("id"), line: 1, column: 4,
            "test.csv:1:4: duplicate header: column name 'id' appears more than once"),
        ErrorCase(
            "an empty header name", "a,,b\n", .emptyHeader, line: 1, column: 3,
            "test.csv:1:3: empty header: every column needs a name"),
        ErrorCase(
            "a blank header name", "a,b,  \n", .emptyHeader, line: 1, column: 5,
            "test.csv:1:5: empty header: every column needs a name"),
        ErrorCase(
            "invalid UTF-8 in a declared UTF-8 file", bytes: Array(utf8: "a,b\n1,€x") + [0xFF] + Array(utf8: "y\n"),
            dialect: .init(encoding: .utf8), .invalidEncoding, line: 2, column: 5,
            "test.csv:2:5: invalid encoding: these bytes are not valid UTF-8"),
        ErrorCase(
            "a truncated sequence in a quoted multi-line field",
            bytes: Array(utf8: "a,b\n1,\"é\n\"\"x") + [0xC3] + Array(utf8: "\"\n"),
            dialect: .init(encoding: .utf8), .invalidEncoding, line: 3, column: 4,
            "test.csv:3:4: invalid encoding: these bytes are not valid UTF-8"),
        ErrorCase(
            "invalid UTF-8 after a BOM", bytes: Array(utf8: "\u{FEFF}a,b\n1,") + [0xE9] + Array(utf8: "\n"),
            .invalidEncoding, line: 2, column: 3,
            "test.csv:2:3: invalid encoding: these bytes are not valid UTF-8"),
    ]
}
