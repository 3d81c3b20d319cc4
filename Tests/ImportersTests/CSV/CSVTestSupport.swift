import Foundation

@testable import Importers

/// Everything a reader produced for one input, so readers can be compared as a whole.
struct ReadOutcome: Equatable, CustomStringConvertible {
    var header: [String] = []
    var dialect: CSVDialect?
    var rows: [CSVRow] = []
    /// The error that stopped reading (from init or from `next()`).
    var error: CSVError?

    var description: String {
        "header \(header), \(rows.count) rows \(rows.map(\.fields)), error \(error.map(String.init(describing:)) ?? "none")"
    }
}

/// Reads every row, stopping at the first error.
func readAll(_ open: () throws(CSVError) -> CSVReader) -> ReadOutcome {
    var outcome = ReadOutcome()
    do {
        var reader = try open()
        outcome.header = reader.header
        outcome.dialect = reader.dialect
        while let row = try reader.next() { outcome.rows.append(row) }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// Reads `input` from memory under the name `test.csv`.
func readAll(_ input: [UInt8], dialect: CSVDialect = .init()) -> ReadOutcome {
    readAll { () throws(CSVError) in try CSVReader(bytes: input, fileName: "test.csv", dialect: dialect) }
}

/// A file in the temporary directory that is deleted when the value goes away.
final class TemporaryFile {
    let path: String

    init(contents: [UInt8]) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("csv-test-\(UUID().uuidString).csv").path
        try Data(contents).write(to: URL(fileURLWithPath: path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension Array where Element == UInt8 {
    /// The UTF-8 bytes of `text`, so table entries can be written as string literals.
    init(utf8 text: String) { self = Array(text.utf8) }
}
