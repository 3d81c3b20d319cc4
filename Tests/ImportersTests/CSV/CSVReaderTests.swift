import Testing

@testable import Importers

@Suite struct CSVReaderTests {
    @Test("Reading from bytes gives the expected header, fields, lines and columns", arguments: ParseCase.all)
    func readsRecords(_ testCase: ParseCase) throws {
        let outcome = readAll(testCase.input, dialect: testCase.dialect)
        try #require(outcome.error == nil, "unexpected \(String(describing: outcome.error))")
        #expect(outcome.header == testCase.header)
        #expect(outcome.rows.map(\.fields) == testCase.rows)
        #expect(outcome.rows.map(\.line) == testCase.lines)
        if let columns = testCase.columns {
            #expect(outcome.rows.map(\.columns) == columns)
        }
    }

    @Test(
        "The resolved dialect reports the detected delimiter",
        arguments: [
            ("a,b\n", UInt8(ascii: ",")),
            ("a;b\n", UInt8(ascii: ";")),
            ("a\tb\n", UInt8(ascii: "\t")),
            ("a;b;c,d\n", UInt8(ascii: ";")),
            ("a,b;c,d;e\n", UInt8(ascii: ",")),
            ("\"x;y;z\",b\n", UInt8(ascii: ",")),
            ("name\n", UInt8(ascii: ",")),
        ])
    func detectsDelimiter(header: String, delimiter: UInt8) throws {
        let reader = try CSVReader(bytes: Array(utf8: header), fileName: "test.csv")
        #expect(reader.dialect.delimiter == delimiter)
    }

    @Test("A field after a multi-line field knows its own line")
    func fieldLinesAfterEmbeddedNewlines() throws {
        var reader = try CSVReader(bytes: Array(utf8: "a,b,c\n1,\"x\r\ny\",z\n"), fileName: "test.csv")
        let row = try #require(try reader.next())
        #expect(row.line == 2)
        #expect((0..<3).map(row.line(ofField:)) == [2, 2, 3])
        #expect(row.columns == [1, 3, 4])
        #expect(row[2] == "z")
        #expect(try reader.next() == nil)
    }

    @Test("Reading continues after a ragged row")
    func continuesAfterRaggedRow() throws {
        var reader = try CSVReader(bytes: Array(utf8: "a,b\n1\n2,3\n"), fileName: "test.csv")
        let error = #expect(throws: CSVError.self) { try reader.next() }
        #expect(error?.description == "test.csv:2:2: ragged row: expected 2 fields as in the header, found 1")
        #expect(try reader.next()?.fields == ["2", "3"])
        #expect(try reader.next() == nil)
    }

    @Test("A quote error is repeated by every later call")
    func quoteErrorsAreSticky() throws {
        var reader = try CSVReader(bytes: Array(utf8: "a\nx\"y\nz\n"), fileName: "test.csv")
        let first = #expect(throws: CSVError.self) { try reader.next() }
        let second = #expect(throws: CSVError.self) { try reader.next() }
        #expect(first?.code == .unexpectedQuote)
        #expect(first == second)
    }

    @Test("A copied reader continues independently of the original")
    func copiesAreIndependent() throws {
        let file = try TemporaryFile(contents: Array(utf8: "n\n1\n2\n3\n"))
        var original = try CSVReader(path: file.path, dialect: .init(), chunkSize: 2)
        #expect(try original.next()?.fields == ["1"])
        var copy = original
        #expect(try copy.next()?.fields == ["2"])
        #expect(try copy.next()?.fields == ["3"])
        #expect(try original.next()?.fields == ["2"])
        #expect(try copy.next() == nil)
    }

    @Test("A missing file is an I/O error without a position")
    func missingFile() {
        let error = #expect(throws: CSVError.self) {
            try CSVReader(path: "/nonexistent/orders.csv")
        }
        #expect(error?.code == .io("No such file or directory"))
        #expect(error?.description == "/nonexistent/orders.csv: cannot read file: No such file or directory")
    }

    @Test("A directory is an I/O error")
    func directory() {
        let error = #expect(throws: CSVError.self) {
            try CSVReader(path: "/tmp")
        }
        #expect(error?.code == .io("Is a directory"))
    }
}
