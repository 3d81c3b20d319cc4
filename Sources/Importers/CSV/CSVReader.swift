/// Reads RFC 4180 CSV from a file in fixed-size chunks (memory stays flat whatever the file size) or from bytes.
///
/// A plain struct with value semantics: a file is read with positioned reads, so a
/// copy continues independently from where the original was, and the file descriptor
/// is closed when the last copy is gone.
///
///     var reader = try CSVReader(path: "orders.csv")
///     while let row = try reader.next() { print(row.line, row.fields) }
public struct CSVReader: Sendable {
    /// The file name used in errors: the path as given, or the name passed with bytes.
    public let fileName: String
    /// Header names, trimmed of surrounding spaces and tabs; the BOM is removed.
    public let header: [String]
    /// The dialect in effect, with the delimiter and encoding filled in.
    public let dialect: CSVDialect
    private var parser: CSVRecordParser
    /// A syntax error is sticky: after it the reader cannot find the next record reliably.
    private var syntaxError: CSVError?

    /// Opens the CSV file at `path` and reads its header.
    ///
    /// When the encoding is not given and the file has no BOM, the file is read once
    /// up front to check that it is UTF-8; declaring the encoding avoids that pass.
    public init(path: String, dialect: CSVDialect = .init()) throws(CSVError) {
        try self.init(path: path, dialect: dialect, chunkSize: CSVInput.defaultChunkSize)
    }

    /// Reads CSV from `bytes`, naming it `fileName` in errors.
    public init(bytes: [UInt8], fileName: String, dialect: CSVDialect = .init()) throws(CSVError) {
        try self.init(input: CSVInput(bytes: bytes, fileName: fileName), dialect: dialect)
    }

    /// Opens `path` reading `chunkSize` bytes at a time (tests use tiny chunks to hit every boundary).
    init(path: String, dialect: CSVDialect = .init(), chunkSize: Int) throws(CSVError) {
        try self.init(input: CSVInput(path: path, chunkSize: chunkSize), dialect: dialect)
    }

    private init(input: consuming CSVInput, dialect declared: CSVDialect) throws(CSVError) {
        var input = input
        let hasBOM = try input.startsWithByteOrderMark()
        let encoding: CSVEncoding
        if let declared = declared.encoding {
            encoding = declared
        } else if hasBOM {
            encoding = .utf8
        } else {
            encoding = try input.isValidUTF8Throughout() ? .utf8 : .windows1252
        }
        // In a single-byte encoding these bytes are text ("ï»¿"), not a mark.
        if hasBOM, encoding == .utf8 { input.start += 3 }
        let delimiter: UInt8
        if let declaredDelimiter = declared.delimiter {
            delimiter = declaredDelimiter
        } else {
            delimiter = try input.detectDelimiter()
        }
        var parser = CSVRecordParser(input: input, delimiter: delimiter, encoding: encoding)
        guard let headerRow = try parser.nextRecord(expectedFields: nil) else {
            throw CSVError(code: .emptyFile, file: input.fileName, line: 1, column: 1)
        }
        header = try Self.headerNames(of: headerRow, fileName: input.fileName)
        fileName = input.fileName
        self.dialect = CSVDialect(delimiter: delimiter, encoding: encoding)
        self.parser = parser
    }

    /// Next data record, nil at the end. Empty lines (including a trailing empty line) are skipped. A record with a different field count than the header throws raggedRow naming the line.
    ///
    /// After `raggedRow` or `invalidEncoding` the record is skipped and reading can
    /// continue; after a quote error every further call throws the same error.
    public mutating func next() throws(CSVError) -> CSVRow? {
        if let syntaxError { throw syntaxError }
        do {
            return try parser.nextRecord(expectedFields: header.count)
        } catch {
            switch error.code {
            case .unclosedQuote, .unexpectedQuote, .io: syntaxError = error
            default: break
            }
            throw error
        }
    }

    /// Trimmed header names, rejecting empty and duplicate ones.
    private static func headerNames(of row: CSVRow, fileName: String) throws(CSVError) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for (index, raw) in row.fields.enumerated() {
            let name = trimmed(raw)
            let (line, column) = (row.line(ofField: index), row.column(ofField: index))
            if name.isEmpty {
                throw CSVError(code: .emptyHeader, file: fileName, line: line, column: column)
            }
            if !seen.insert(name).inserted {
                throw CSVError(code: .duplicateHeader(name), file: fileName, line: line, column: column)
            }
            names.append(name)
        }
        return names
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func trimmed(_ text: String) -> String {
        let isBlank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
