import Foundation
import Testing

@testable import invoicerun

/// Folders are made once while remembered, and made again without error once forgotten: the
/// set of folders known to exist is bounded, whatever the number of accounts.
@Suite
struct KnownFoldersTests {
    @Test func moreFoldersThanItRemembersAreEachMadeAndMadeAgainWithoutError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("known-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let known = KnownFolders(limit: 3)
        let folders = (0..<10).map { "\(root)/spool/CA-\($0)" }
        try known.make(root)
        try known.make(root + "/spool")
        for folder in folders + folders.reversed() { try known.make(folder) }
        // A nested folder whose parent is new is made with its parents.
        try known.make(root + "/a/b/c")
        for folder in folders + [root + "/a/b/c"] {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
        }
    }
}
