internal import Foundation
internal import XMLSupport

/// The refused records of an input file, copied out in the file's own layout so they can be
/// fixed and dropped again: the whole file when nothing of it was usable, else its header with
/// just the refused records.
public enum RejectedRecords {
    /// The bytes of the rejects file for `summary`, or nil when nothing was refused.
    public static func extract(_ summary: ImportBatch.FileSummary) -> [UInt8]? {
        guard summary.hasRejections else { return nil }
        guard let data = FileManager.default.contents(atPath: summary.path) else { return nil }
        let bytes = Array(data)
        if summary.rejectedWhole { return bytes }
        switch (summary.path as NSString).pathExtension.lowercased() {
        case "csv": return csv(bytes, summary: summary)
        case "xml": return xml(summary: summary) ?? bytes
        default: return bytes
        }
    }

    /// The header lines and the physical lines of every refused record, byte for byte, so the
    /// encoding, delimiter and quoting stay exactly as the partner wrote them.
    static func csv(_ bytes: [UInt8], summary: ImportBatch.FileSummary) -> [UInt8] {
        // Where each record starts, from the same reader the import used (quoted fields may span lines).
        var starts: [Int] = []
        if var reader = try? CSVReader(bytes: bytes, fileName: summary.path) {
            while true {
                do {
                    guard let row = try reader.next() else { break }
                    starts.append(row.line)
                } catch {
                    starts.append(error.line)
                    if case .raggedRow = error.code { continue }
                    if case .invalidEncoding = error.code { continue }
                    break
                }
            }
        }
        let lines = physicalLines(bytes)
        let firstRecord = starts.first ?? lines.count + 1
        var selected = Set(1..<min(firstRecord, lines.count + 1))  // the header
        for (index, start) in starts.enumerated() where summary.rejectedLines.contains(start) {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : lines.count
            if start <= end { selected.formUnion(start...end) }
        }
        if let from = summary.rejectedFrom, from <= lines.count { selected.formUnion(from...lines.count) }
        return selected.sorted().flatMap { lines[$0 - 1] }
    }

    /// The file's lines with their line ends, 1-based by position.
    static func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
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
