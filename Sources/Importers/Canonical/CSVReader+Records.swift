extension CSVReader {
    /// Reads every row to the end, handing each to `body`. A row the reader cannot use (ragged,
    /// badly encoded) is refused in `sink` and reading goes on; a quote error ends the file there.
    ///
    /// - Returns: the rows read, and the line from which the rest of the file was unreadable.
    mutating func readRows(
        into sink: inout RecordSink, diagnostics: inout [ImportDiagnostic],
        _ body: (CSVRow, inout RecordSink, inout [ImportDiagnostic]) -> Void
    ) -> (rows: Int, rejectedFrom: Int?) {
        var rows = 0
        while true {
            let row: CSVRow?
            do {
                row = try next()
            } catch {
                diagnostics.append(CanonicalCSVImporter.diagnostic(error))
                switch error.code {
                case .raggedRow, .invalidEncoding:
                    rows += 1
                    sink.refuse(line: error.line)
                    continue  // the row is consumed; the rest is readable
                default:
                    return (rows, error.line)
                }
            }
            guard let row else { return (rows, nil) }
            rows += 1
            body(row, &sink, &diagnostics)
        }
    }
}
