import Foundation
import Importers

/// The report written beside a refused file (`error/NAME.error.txt`): what was wrong, line by line.
enum WatchErrorReport {
    /// `NAME:LINE:COLUMN: field F: message (value V)` per problem, after a summary line.
    static func text(file: String, claimedPath: String, report: ImportReport) -> String {
        var lines = ["\(file): refused whole, nothing of it was imported; fix the lines below and drop it again."]
        for summary in report.files {
            lines.append("\(file): \(summary.content), \(summary.records) records read, \(summary.refused) refused")
        }
        for diagnostic in report.diagnostics {
            var line = "\(file):\(diagnostic.line):\(diagnostic.column): "
            if diagnostic.severity != .error { line += "warning: " }
            if let field = diagnostic.field, !field.isEmpty { line += "field \(field): " }
            line += diagnostic.message.replacingOccurrences(of: claimedPath, with: file)
            if let value = diagnostic.value, !value.isEmpty { line += " (value \"\(value)\")" }
            lines.append(line)
        }
        if report.diagnostics.isEmpty { lines.append("\(file): no record could be read from it") }
        return lines.joined(separator: "\n") + "\n"
    }
}
