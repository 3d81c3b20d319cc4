import Testing

@testable import Importers

extension CSVReaderTests {
    static let chunkSizes = [1, 2, 3, 7, 64 * 1024]

    /// Every table input, plus ones long enough to cross many 64K chunks.
    static let chunkInputs: [(String, [UInt8], CSVDialect)] = {
        var inputs = ParseCase.all.map { ($0.name, $0.input, $0.dialect) }
        inputs += ErrorCase.all.map { ($0.name, $0.input, $0.dialect) }
        inputs.append(
            (
                "a Windows-1252 file",
                Array(utf8: "a;b\r\n") + [0x80, 0x3B, 0x22, 0x84, 0x0D, 0x0A, 0x93, 0x22, 0x0D, 0x0A], .init()
            ))
        var large = "id,name,amount,note\r\n"
        for index in 0..<20_000 {
            large += "\(index),\"Zoë \(index)\",\(index).50,\(index % 7 == 0 ? "\"multi\r\nline, €\"" : "plain 🚀")\r\n"
        }
        inputs.append(("20 000 rows across many chunks", Array(utf8: large), .init()))
        return inputs
    }()

    @Test("Reading a file gives the same result for every chunk size", arguments: chunkInputs.indices, chunkSizes)
    func chunkSizeDoesNotMatter(inputIndex: Int, chunkSize: Int) throws {
        let (name, input, dialect) = Self.chunkInputs[inputIndex]
        let file = try TemporaryFile(contents: input)
        let fromBytes = readAll(input, dialect: dialect)
        var fromFile = readAll { () throws(CSVError) in
            try CSVReader(path: file.path, dialect: dialect, chunkSize: chunkSize)
        }
        // The file reader names errors after its path; compare the rest.
        fromFile.error?.file = "test.csv"
        #expect(fromFile == fromBytes, "\(name) with chunks of \(chunkSize)")
    }
}
