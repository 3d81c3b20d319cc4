import Foundation
import Testing

@testable import Importers

/// A rejects file is copied out of its input in chunks, line by line, whatever the input's size.
@Suite
struct RejectedRecordsStreamingTests {
    @Test func refusedRecordsOfALargeFileAreCopiedByteForByteAcrossChunks() throws {
        // About 3.5 MB, so records lie across the reader's 1 MiB chunks; one record spans two lines.
        var lines = ["id;note"]
        var expected = ["id;note"]
        var rejected = Set<Int>()
        for index in 0..<120_000 {
            let line = lines.count + 1
            let text = index == 70_000 ? "\(index);\"two\nlines\"" : "\(index);r\u{E9}sum\u{E9} \(index)"
            lines.append(text)
            if index % 9_973 == 0 || index == 70_000 {
                rejected.insert(line)
                expected.append(text)
            }
        }
        let folder = try ImportFolder(["big.csv": lines.joined(separator: "\r\n") + "\r\n"])
        defer { folder.remove() }
        let path = folder.root.appendingPathComponent("big.csv").path
        // The record after the two-line one starts a line later than its index says.
        var summary = ImportBatch.FileSummary(path: path, content: "test", records: 120_000, rejectedLines: rejected)
        summary.rejectedLines = Set(rejected.map { $0 > 70_002 ? $0 + 1 : $0 })
        var copied: [UInt8] = []
        #expect(try RejectedRecords.extract(summary) { copied += $0 })
        #expect(String(decoding: copied, as: UTF8.self) == expected.joined(separator: "\r\n") + "\r\n")
    }

    @Test func aFileWithNothingRefusedWritesNothing() throws {
        let folder = try ImportFolder(["a.csv": "x,y\n1,2\n"])
        defer { folder.remove() }
        let summary = ImportBatch.FileSummary(
            path: folder.root.appendingPathComponent("a.csv").path, content: "t", records: 1)
        var calls = 0
        #expect(try RejectedRecords.extract(summary) { _ in calls += 1 } == false)
        #expect(calls == 0)
    }
}
