import ArgumentParser
import Exporters
import Foundation
import Importers

/// What happens to records an import refuses.
struct ImportOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Folder for the refused records (NAME.rejected.EXT, in the file's own layout) and their error report (NAME.errors.csv)."
    )
    var rejects = "rejected"

    @Flag(name: .long, help: "Refuse a whole file when any of its records is refused (default: keep the good records).")
    var allOrNothing = false

    /// Writes a rejects file and an error report for every file with refused records; returns their paths.
    func writeRejects(_ report: ImportReport) throws -> [String] {
        let refused = report.summaries.filter(\.hasRejections)
        guard !refused.isEmpty else { return [] }
        var folder = try OutputFolder(root: rejects)
        var used = Set<String>()
        for summary in refused {
            let name = (summary.path as NSString).lastPathComponent
            var stem = (name as NSString).deletingPathExtension
            while used.contains(stem) { stem += "_" }  // two inputs of one name in different folders
            used.insert(stem)
            // Written piece by piece: a rejects file can be as large as its input.
            let rejected = try folder.appending(to: "\(stem).rejected.\((name as NSString).pathExtension)")
            if try RejectedRecords.extract(summary, to: { try rejected.append(bytes: $0) }) {
                try folder.finish(rejected)
            }
            var errors = CSVWriter(header: ["file", "line", "column", "field", "value", "reason"])
            for diagnostic in report.diagnostics where diagnostic.file == summary.path {
                errors.append([
                    diagnostic.file, String(diagnostic.line), String(diagnostic.column), diagnostic.field ?? "",
                    diagnostic.value ?? "", diagnostic.message,
                ])
            }
            try folder.write(errors.text, to: "\(stem).errors.csv")
        }
        try folder.publish()
        return folder.written.map { folder.root + "/" + $0.path }
    }

    /// One line per file: records read, imported and refused, which add up.
    static func fileLines(_ report: ImportReport) -> [String] {
        report.skipped.map { "\($0.file): skipped, the same content was imported before as \($0.firstImportedAs)" }
            + report.files.map { file in
                file.refusedWhole
                    ? "\(file.file): \(file.content), \(file.records) read, 0 imported, refused whole"
                    : "\(file.file): \(file.content), \(file.records) read, \(file.records - file.refused) imported, \(file.refused) refused"
            }
    }
}
