import Foundation
import Synchronization
import Testing

@testable import invoicerun

/// A copy of an output file (an invoice's print in its account's spool folder) has the same
/// bytes and hash as the file; in a folder published whole it is a hard link to it. The files of
/// a folder published whole can be created from several threads at once.
@Suite
struct OutputFolderCopyTests {
    private static func inode(_ path: String) -> ino_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_ino : nil
    }

    @Test func aCopyInAFolderPublishedWholeIsAHardLinkWithTheSameBytes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        var folder = try OutputFolder(wholeFolder: base + "/RUN-1")
        let file = RenderedFile("Invoice 1\n", to: "invoices/IN-1.txt")
        try folder.write(file)
        try folder.write(file.copy(to: "spool/BA-1/IN-1.txt"))
        try folder.write(file.copy(to: "spool/BA-1/IN-1.txt"))  // again: replaced, not refused
        try folder.publish()
        let original = base + "/RUN-1/invoices/IN-1.txt"
        let copy = base + "/RUN-1/spool/BA-1/IN-1.txt"
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == "Invoice 1\n")
        #expect(Self.inode(copy) != nil && Self.inode(copy) == Self.inode(original))
        #expect(folder.writtenCount == 3)
    }

    @Test func aCopyOfAFileNotWrittenIsWrittenWithItsOwnBytes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        var folder = try OutputFolder(wholeFolder: base + "/RUN-1")
        let file = RenderedFile("Invoice 2\n", to: "invoices/IN-2.txt")
        try folder.write(file.copy(to: "spool/BA-2/IN-2.txt"))
        try folder.publish()
        #expect(try String(contentsOfFile: base + "/RUN-1/spool/BA-2/IN-2.txt", encoding: .utf8) == "Invoice 2\n")
        #expect(!FileManager.default.fileExists(atPath: base + "/RUN-1/invoices/IN-2.txt"))
    }

    @Test func aCopyInAFolderPublishedFileByFileIsAFileOfItsOwn() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        var folder = try OutputFolder(root: base)
        let file = RenderedFile("Invoice 3\n", to: "invoices/IN-3.txt")
        try folder.write(file)
        try folder.write(file.copy(to: "spool/BA-3/IN-3.txt"))
        try folder.publish()
        #expect(try String(contentsOfFile: base + "/spool/BA-3/IN-3.txt", encoding: .utf8) == "Invoice 3\n")
        #expect(Self.inode(base + "/spool/BA-3/IN-3.txt") != Self.inode(base + "/invoices/IN-3.txt"))
    }

    @Test func workersCreateFilesInSharedNewFoldersAndTheFolderListsThemInOrder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        var folder = try OutputFolder(wholeFolder: base + "/RUN-1")
        let creator = try #require(folder.creator)
        let documents = (0..<64).map { index in
            let print = RenderedFile("Invoice \(index)\n", to: "invoices/IN-\(index).txt")
            return [print, print.copy(to: "spool/BA-\(index % 5)/IN-\(index).txt")]
        }
        let outcomes = Mutex<[Int: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            let (created, failure) = creator.create(documents[index])
            outcomes.withLock { $0[index] = failure == nil ? created : -1 }
        }
        #expect(outcomes.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<64).map { ($0, 2) }))
        for file in documents.joined() { try folder.recordCreated(file) }
        try folder.publish()
        #expect(folder.writtenCount == 128)
        for index in 0..<64 {
            let original = base + "/RUN-1/invoices/IN-\(index).txt"
            let copy = base + "/RUN-1/spool/BA-\(index % 5)/IN-\(index).txt"
            #expect(try String(contentsOfFile: copy, encoding: .utf8) == "Invoice \(index)\n")
            #expect(Self.inode(copy) == Self.inode(original))
        }
    }

    @Test func creationStopsAtTheFirstFileThatFailsAndSaysHowManyWereMade() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = try OutputFolder(wholeFolder: base + "/RUN-1")
        let creator = try #require(folder.creator)
        // A folder where the second file should go: it cannot be created.
        try FileManager.default.createDirectory(
            atPath: folder.writeRoot + "/invoices/IN-4.xml", withIntermediateDirectories: true)
        let files = [
            RenderedFile("Invoice 4\n", to: "invoices/IN-4.txt"),
            RenderedFile("<Invoice/>", to: "invoices/IN-4.xml"),
            RenderedFile("Invoice 4\n", to: "invoices/IN-4.csv"),
        ]
        let (created, failure) = creator.create(files)
        #expect(created == 1)
        #expect("\(try #require(failure))".hasPrefix(folder.writeRoot + "/invoices/IN-4.xml: cannot write:"))
        #expect(FileManager.default.fileExists(atPath: folder.writeRoot + "/invoices/IN-4.txt"))
        #expect(!FileManager.default.fileExists(atPath: folder.writeRoot + "/invoices/IN-4.csv"))
    }
}
