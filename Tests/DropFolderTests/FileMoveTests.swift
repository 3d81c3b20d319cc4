import DropFolder
import Foundation
import Glibc
import Testing

@Suite struct FileMoveTests {
    private let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropfolder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/done", withIntermediateDirectories: true)
    }

    private func file(_ name: String, _ text: String = "x") throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aRenameNeverReplacesAFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try file("a.csv", "first")
        let second = try file("b.csv", "second")
        #expect(try FileMove.rename(first, to: folder + "/target.csv") == .moved)
        #expect(try FileMove.rename(second, to: folder + "/target.csv") == .targetExists)
        #expect(try String(contentsOfFile: folder + "/target.csv", encoding: .utf8) == "first")
        // The second of two watchers renaming one file finds it gone.
        #expect(try FileMove.rename(first, to: folder + "/other.csv") == .sourceGone)
    }

    @Test func aNameDroppedAgainIsFiledWithANumber() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try FileMove.move(try file("x.csv"), into: folder + "/done", as: "x.csv") == "x.csv")
        #expect(try FileMove.move(try file("x.csv"), into: folder + "/done", as: "x.csv") == "x-2.csv")
        #expect(try FileMove.move(try file("x.csv"), into: folder + "/done", as: "x.csv") == "x-3.csv")
        #expect(FileMove.numbered("archive.tar.gz", 2) == "archive.tar-2.gz")
        #expect(FileMove.numbered("README", 2) == "README-2")
        #expect(FileMove.numbered(".hidden", 2) == ".hidden-2")
    }

    @Test func anAtomicWriteLeavesNoTemporaryFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileMove.writeAtomically(Array("report\n".utf8), to: folder + "/r.txt")
        try FileMove.writeAtomically(Array("again\n".utf8), to: folder + "/r.txt")
        #expect(try String(contentsOfFile: folder + "/r.txt", encoding: .utf8) == "again\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["done", "r.txt"])
    }

    @Test func aFolderWithoutRoomIsNamedWithTheReason() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FolderCapacity.problem(folder, minimumFreeBytes: 0) == nil)
        let full = try #require(FolderCapacity.problem(folder, minimumFreeBytes: Int64.max))
        #expect(full.code == ENOSPC && full.isTransient)
        #expect(full.description == "\(folder): cannot write: No space left on device")
        #expect(FolderCapacity.problem(folder + "/missing", minimumFreeBytes: 0)?.code == ENOENT)
    }

    @Test func aWatcherIsAliveUntilItsProcessEnds() {
        #expect(WatcherIdentity.isAlive(WatcherIdentity.current()))
        #expect(!WatcherIdentity.isAlive("\(getpid()):1"))  // same process id, another start
        #expect(!WatcherIdentity.isAlive("999999999:1"))
        #expect(!WatcherIdentity.isAlive("garbage"))
    }
}
