import Foundation
import Testing

@testable import invoicerun

/// A spool gives back what was appended, in order, however its pieces fall across the reader's
/// buffer.
@Suite
struct SpoolTests {
    /// Lines of every length from empty to a few thousand bytes, some with multi-byte characters,
    /// 300 KB in all: several of the reader's 64 KB buffers.
    static let lines: [String] = (0..<600).map { index in
        String(repeating: index % 3 == 0 ? "ä" : "x", count: (index * 37) % 1_100) + "|\(index)"
    }

    static func spool(_ lines: [String]) throws -> (Spool, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let spool = try Spool(in: folder, name: "test")
        for line in lines { try spool.append(line + "\n") }
        return (spool, folder)
    }

    @Test func linesComeBackInBatchesInOrder() throws {
        let (spool, folder) = try Self.spool(Self.lines + [""])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var read: [String] = []
        var batches = 0
        try spool.forEachBatch(of: 64) {
            #expect($0.count <= 64)
            read += $0
            batches += 1
        }
        #expect(read == Self.lines + [""])
        #expect(batches == 10)
    }

    @Test func bytesUntilADelimiterAndCountsOfBytesCrossBuffers() throws {
        let (spool, folder) = try Self.spool(Self.lines)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var reader = try spool.reader()
        for (index, line) in Self.lines.enumerated() {
            if index % 2 == 0 {
                let bytes = try #require(try reader.bytes(until: UInt8(ascii: "\n")))
                #expect(String(decoding: bytes, as: UTF8.self) == line)
            } else {
                let bytes = try reader.next(line.utf8.count)
                #expect(String(decoding: bytes, as: UTF8.self) == line)
                #expect(try reader.next() == UInt8(ascii: "\n"))
            }
        }
        #expect(try reader.next() == nil)
        #expect(try reader.bytes(until: UInt8(ascii: "\n")) == nil)
        #expect(try reader.next(10).isEmpty)
    }
}
