import Testing

@testable import Importers

extension CSVReaderTests {
    @Test("Malformed input reports the problem with its position", arguments: ErrorCase.all)
    func reportsErrors(_ testCase: ErrorCase) {
        let outcome = readAll(testCase.input, dialect: testCase.dialect)
        #expect(outcome.error == testCase.error)
        #expect(outcome.error?.description == testCase.message)
    }

    @Test("next() throws the error as a typed CSVError")
    func throwsTypedErrors() throws {
        var reader = try CSVReader(bytes: Array(utf8: "a,b\n1,\"2\n"), fileName: "orders.csv")
        #expect(throws: CSVError(code: .unclosedQuote, file: "orders.csv", line: 2, column: 3)) {
            try reader.next()
        }
    }
}
