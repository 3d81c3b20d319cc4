internal import Foundation
public import InvoicingCore

/// Reads files and folders of canonical input (CSV, XML, the JSON configuration) into one batch.
///
/// A folder is read recursively in name order; files that are not input (a README) are skipped.
/// Every problem becomes a diagnostic; whatever is good is kept.
public struct InputImporter: Sendable {
    /// The XML schemas that XML input files are validated against.
    public let schemas: SchemaCatalog

    /// Creates an importer that validates XML input against `schemas`.
    public init(schemas: SchemaCatalog) {
        self.schemas = schemas
    }

    /// Extensions read; anything else in a folder is skipped.
    static let inputExtensions: Set<String> = ["csv", "xml", "json"]

    /// Reads every input file under `paths`.
    ///
    /// - Parameters:
    ///   - allOrNothing: keep nothing of a file in which any record was refused.
    ///   - mapping: read every file through this partner mapping instead of the canonical layouts.
    ///   - documents: receives each source document as soon as it is complete, so a file of any
    ///     size is stored while it is read and memory stays flat; the batch then holds none. A
    ///     file refused whole (`FileSummary.rejectedWhole`) must have its documents taken back.
    ///   - storedMilestonePlans: the milestone plans in the store; when given, a milestone
    ///     confirmation of a plan that neither they nor the files read hold, or of a milestone
    ///     that plan lacks, is refused with its file, line and field.
    public func read(
        _ paths: [String], allOrNothing: Bool = false, mapping: PartnerMapping? = nil,
        documents: DocumentHandler? = nil, storedMilestonePlans: [MilestonePlan]? = nil
    ) -> ImportBatch {
        var batch = ImportBatch()
        var files: [ImportBatch] = []
        for path in expand(paths, diagnostics: &batch.diagnostics, partnerFolders: mapping != nil) {
            var file = ImportBatch()
            if let mapping {
                PartnerImporter(mapping: mapping, path: path, deliver: documents).read(into: &file)
            } else {
                switch (path as NSString).pathExtension.lowercased() {
                case "csv": CanonicalCSVImporter(path: path, deliver: documents).read(into: &file)
                case "xml": CanonicalXMLImporter(path: path, schemas: schemas, deliver: documents).read(into: &file)
                case "json": readConfiguration(path, into: &file)
                default:
                    file.diagnostics.append(
                        ImportDiagnostic(
                            file: path, line: 0, column: 0,
                            message: "not an input file (expected .csv, .xml or .json)"))
                }
            }
            files.append(file)
        }
        // Confirmations are checked once every file is read: a plan may come in a later file.
        let plans = storedMilestonePlans.map { $0 + files.flatMap(\.masterData.milestonePlans) }
        for var file in files {
            if let plans { file.refuseUnknownMilestones(plans) }
            if allOrNothing && (file.hasErrors || file.files.contains(where: \.hasRejections)) {
                file.refuseEverything()
            }
            batch.append(file)
        }
        return batch
    }

    /// Whether `path` holds source documents (judged from its CSV header or XML root element
    /// alone), so an import can store master data first and then documents file by file.
    public func holdsDocuments(_ path: String, mapping: PartnerMapping? = nil) -> Bool {
        if let mapping { return mapping.target == .sourceDocument }
        switch (path as NSString).pathExtension.lowercased() {
        case "csv":
            guard let reader = try? CSVReader(path: path) else { return false }
            return RecordKind.detect(header: reader.header) == .sourceDocument
        case "xml":
            guard let root = try? CanonicalFormat.rootElement(ofFile: path) else { return false }
            return CanonicalFormat(rootElement: root.name, namespace: root.namespace) == .sourceDocuments
        default:
            return false
        }
    }

    /// The input files named by `paths`, folders expanded, configuration files first.
    ///
    /// A folder holding a `*.mapping.yaml` holds a partner's files, which only make sense read
    /// through that mapping: a folder walk skips it unless `partnerFolders` is set (a mapping is in use).
    public func expand(
        _ paths: [String], diagnostics: inout [ImportDiagnostic], partnerFolders: Bool = false
    ) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(ImportDiagnostic(file: path, line: 0, column: 0, message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                if !partnerFolders, manager.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue,
                    let names = try? manager.contentsOfDirectory(atPath: full),
                    names.contains(where: { $0.hasSuffix(".mapping.yaml") })
                {
                    walker.skipDescendants()
                    continue
                }
                if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                    Self.inputExtensions.contains((name as NSString).pathExtension.lowercased())
                {
                    found.append(full)
                }
            }
            files += found.sorted()
        }
        let configurations = files.filter { $0.lowercased().hasSuffix(".json") }
        return configurations + files.filter { !$0.lowercased().hasSuffix(".json") }
    }

    private func readConfiguration(_ path: String, into batch: inout ImportBatch) {
        guard let data = FileManager.default.contents(atPath: path) else {
            batch.diagnostics.append(ImportDiagnostic(file: path, line: 0, column: 0, message: "cannot read the file"))
            return
        }
        do {
            let configuration = try ConfigurationFile.decode(Array(data), file: path)
            batch.configuration = .init(
                configuration: configuration, json: String(decoding: data, as: UTF8.self), file: path)
            batch.files.append(.init(path: path, content: "configuration", records: 1))
        } catch {
            batch.diagnostics.append(error)
            batch.files.append(.refused(path, "configuration"))
        }
    }
}
