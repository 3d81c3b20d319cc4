import Foundation

@testable import Importers

/// A temporary folder of input files, read with the real schemas from `Schemas/`.
struct ImportFolder {
    static let schemas = SchemaCatalog(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Schemas").path)

    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func read() -> ImportBatch {
        InputImporter(schemas: Self.schemas).read([root.path])
    }

    /// Diagnostics with the folder path removed, as `name:line:column: field: message`.
    func messages(_ batch: ImportBatch) -> [String] {
        batch.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension ImportFolder {
    /// Reads `files` from a temporary folder, removed afterwards: the batch and its diagnostics
    /// as ``messages(_:)`` gives them.
    static func read(_ files: [String: String]) throws -> (batch: ImportBatch, messages: [String]) {
        let folder = try ImportFolder(files)
        defer { folder.remove() }
        let batch = folder.read()
        return (batch, folder.messages(batch))
    }
}
