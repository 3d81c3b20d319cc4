import Testing

@testable import Importers

/// An input that reads without errors, with the rows it must produce.
struct ParseCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: [UInt8]
    var dialect = CSVDialect()
    var header: [String]
    var rows: [[String]]
    /// The starting line of each row.
    var lines: [Int]
    /// The starting column of each field of each row; nil to skip the check.
    var columns: [[Int]]?

    var testDescription: String { name }

    init(
        _ name: String, _ text: String, dialect: CSVDialect = .init(),
        header: [String], rows: [[String]], lines: [Int], columns: [[Int]]? = nil
    ) {
        self.init(
            name, bytes: Array(utf8: text), dialect: dialect, header: header, rows: rows, lines: lines, columns: columns
        )
    }

    init(
        _ name: String, bytes: [UInt8], dialect: CSVDialect = .init(),
        header: [String], rows: [[String]], lines: [Int], columns: [[Int]]? = nil
    ) {
        self.name = name
        input = bytes
        self.dialect = dialect
        self.header = header
        self.rows = rows
        self.lines = lines
        self.columns = columns
    }

    static let all: [ParseCase] = [
        ParseCase(
            "LF line ends", "a,b\n1,2\n3,4\n",
            header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], lines: [2, 3], columns: [[1, 3], [1, 3]]),
        ParseCase(
            "CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n",
            header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], lines: [2, 3]),
        ParseCase(
            "lone CR line ends", "a,b\r1,2\r3,4",
            header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], lines: [2, 3]),
        ParseCase(
            "last record without a line end", "a,b\n1,2",
            header: ["a", "b"], rows: [["1", "2"]], lines: [2]),
        ParseCase(
            "trailing empty lines are skipped", "a,b\n1,2\n\n\r\n",
            header: ["a", "b"], rows: [["1", "2"]], lines: [2]),
        ParseCase(
            "empty lines between records are skipped but counted", "a,b\n\n1,2\r\n\r\n3,4\n",
            header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], lines: [3, 5]),
        ParseCase(
            "empty lines before the header are skipped", "\n\r\na,b\n1,2\n",
            header: ["a", "b"], rows: [["1", "2"]], lines: [4]),
        ParseCase(
            "quoted fields keep delimiters", "a,b\n\"x,y\",\"z\"\n",
            header: ["a", "b"], rows: [["x,y", "z"]], lines: [2], columns: [[1, 7]]),
        ParseCase(
            "doubled quotes become one quote", "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n",
            header: ["a", "b"], rows: [["say \"hi\"", "\""]], lines: [2], columns: [[1, 14]]),
        ParseCase(
            "quoted empty field", "a,b\n\"\",x\n",
            header: ["a", "b"], rows: [["", "x"]], lines: [2], columns: [[1, 4]]),
        ParseCase(
            "LF inside quotes is data and counts a line", "a,b\n\"l1\nl2\",x\n5,6\n",
            header: ["a", "b"], rows: [["l1\nl2", "x"], ["5", "6"]], lines: [2, 4], columns: [[1, 5], [1, 3]]),
        ParseCase(
            "CRLF inside quotes is data and counts one line", "a,b\r\n\"l1\r\nl2\r\n\",x\r\n5,6\r\n",
            header: ["a", "b"], rows: [["l1\r\nl2\r\n", "x"], ["5", "6"]], lines: [2, 5], columns: [[1, 3], [1, 3]]),
        ParseCase(
            "CR inside quotes is data and counts a line", "a,b\r\"l1\rl2\",x\r5,6",
            header: ["a", "b"], rows: [["l1\rl2", "x"], ["5", "6"]], lines: [2, 4]),
        ParseCase(
            "empty fields", "a,b,c\n,,\n",
            header: ["a", "b", "c"], rows: [["", "", ""]], lines: [2], columns: [[1, 2, 3]]),
        ParseCase(
            "a trailing delimiter ends with an empty field", "a,b\n1,\n",
            header: ["a", "b"], rows: [["1", ""]], lines: [2]),
        ParseCase(
            "spaces are data but header names are trimmed", " a ,\tb \n 1 , 2 \n",
            header: ["a", "b"], rows: [[" 1 ", " 2 "]], lines: [2], columns: [[1, 5]]),
        ParseCase(
            "semicolon is detected", "a;b;c\n1,5;2;3\n",
            header: ["a", "b", "c"], rows: [["1,5", "2", "3"]], lines: [2]),
        ParseCase(
            "tab is detected", "a\tb\n1 2\t3\n",
            header: ["a", "b"], rows: [["1 2", "3"]], lines: [2]),
        ParseCase(
            "delimiters inside quoted header names are ignored", "\"a,b,c\";d\n1;2\n",
            header: ["a,b,c", "d"], rows: [["1", "2"]], lines: [2]),
        ParseCase(
            "a declared delimiter wins over detection", "a;b,c\n1;2,3\n", dialect: .init(delimiter: UInt8(ascii: ";")),
            header: ["a", "b,c"], rows: [["1", "2,3"]], lines: [2]),
        ParseCase(
            "a single column", "name\nx\ny\n",
            header: ["name"], rows: [["x"], ["y"]], lines: [2, 3]),
        ParseCase(
            "a header alone gives no rows", "a,b\n",
            header: ["a", "b"], rows: [], lines: []),
        ParseCase(
            "a header alone without a line end gives no rows", "a,b",
            header: ["a", "b"], rows: [], lines: []),
        ParseCase(
            "the UTF-8 BOM is removed", "\u{FEFF}a,b\n1,2\n",
            header: ["a", "b"], rows: [["1", "2"]], lines: [2]),
        ParseCase(
            "columns count characters, not bytes", "a,b,c\né€,🚀,x\n",
            header: ["a", "b", "c"], rows: [["é€", "🚀", "x"]], lines: [2], columns: [[1, 4, 6]]),
        ParseCase(
            "multi-byte text with CRLF", "名前,金額\r\n\"Zoë, \"\"the\"\" 🚀\",12€\r\nÅ,\"\r\n€\"\r\n",
            header: ["名前", "金額"], rows: [["Zoë, \"the\" 🚀", "12€"], ["Å", "\r\n€"]], lines: [2, 3],
            columns: [[1, 18], [1, 3]]),
    ]
}
