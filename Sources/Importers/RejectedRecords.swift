internal import Foundation
internal import XMLSupport

/// The refused records of an input file, copied out in the file's own layout so they can be
/// fixed and dropped again: the whole file when nothing of it was usable, else its header with
/// just the refused records.
public enum RejectedRecords {
    /// Writes the rejects file for `summary` piece by piece through `write`, reading the input
    /// in chunks, so a large file with refusals is never held whole; returns false (writing
    /// nothing) when nothing was refused or the input cannot be read.
    public static func extract(
        _ summary: ImportBatch.FileSummary, to write: (ArraySlice<UInt8>) throws -> Void
    ) throws -> Bool {
        guard summary.hasRejections, FileManager.default.isReadableFile(atPath: summary.path) else { return false }
        let fileExtension = (summary.path as NSString).pathExtension.lowercased()
        if !summary.rejectedWhole && fileExtension == "xml", let text = xml(summary: summary) {
            try write(text[...])
            return true
        }
        let lines = summary.rejectedWhole || fileExtension != "csv" ? nil : csvLines(summary)
        return try copyLines(of: summary.path, selected: lines, to: write)
    }

    /// The physical lines to copy from a CSV file: the header and every line of each refused
    /// record, as sorted, non-overlapping ranges. Record starts come from the same reader the
    /// import used (a quoted field may span lines), one record at a time.
    static func csvLines(_ summary: ImportBatch.FileSummary) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        var openStart: Int?  // a refused record whose end is the line before the next record
        var firstRecord: Int?
        func close(before next: Int) {
            if let start = openStart, start <= next - 1 { ranges.append(start...(next - 1)) }
            openStart = nil
        }
        if var reader = try? CSVReader(path: summary.path) {
            while true {
                let start: Int
                var stop = false
                do {
                    guard let row = try reader.next() else { break }
                    start = row.line
                } catch {
                    start = error.line
                    switch error.code {
                    case .raggedRow, .invalidEncoding: break
                    default: stop = true
                    }
                }
                if firstRecord == nil { firstRecord = start }
                close(before: start)
                if summary.rejectedLines.contains(start) { openStart = start }
                if stop { break }
            }
        }
        if let start = openStart { ranges.append(start...Int.max) }
        if let from = summary.rejectedFrom { ranges.append(from...Int.max) }
        let header = 1...max(1, (firstRecord ?? Int.max) - 1)
        return ([header] + ranges).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Copies the lines of `path` in `selected` (all when nil), byte for byte, in 1 MiB chunks.
    static func copyLines(
        of path: String, selected: [ClosedRange<Int>]?, to write: (ArraySlice<UInt8>) throws -> Void
    ) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var line = 1
        var rangeIndex = 0
        func isSelected(_ line: Int) -> Bool {
            guard let selected else { return true }
            while rangeIndex < selected.count && selected[rangeIndex].upperBound < line { rangeIndex += 1 }
            return rangeIndex < selected.count && selected[rangeIndex].contains(line)
        }
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            let chunk = [UInt8](data)
            var start = 0
            var keep = isSelected(line)
            for index in chunk.indices where chunk[index] == UInt8(ascii: "\n") {
                if keep { try write(chunk[start...index]) }
                start = index + 1
                line += 1
                keep = isSelected(line)
            }
            if keep && start < chunk.count { try write(chunk[start...]) }
        }
        return true
    }

    /// The document element of the file around copies of the refused record elements.
    static func xml(summary: ImportBatch.FileSummary) -> [UInt8]? {
        guard let reader = try? XMLStreamReader(path: summary.path) else { return nil }
        var root: (name: String, namespace: String?)?
        var records: [String] = []
        do {
            while try reader.read() {
                guard reader.kind == .element else { continue }
                if reader.depth == 0 {
                    root = (reader.qualifiedName, reader.namespaceURI)
                } else if reader.depth == 1, summary.rejectedLines.contains(reader.line), let copy = reader.outerXML() {
                    records.append(copy)
                }
            }
        } catch {
            return nil
        }
        guard let root else { return nil }
        let namespace = root.namespace.map { " xmlns=\"\($0)\"" } ?? ""
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root.name)\(namespace)>\n"
            + records.map { "  " + $0 + "\n" }.joined() + "</\(root.name)>\n"
        return Array(text.utf8)
    }
}
