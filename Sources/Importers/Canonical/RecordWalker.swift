internal import XMLSupport

/// Walks a canonical XML document record by record: children of the root are records, their
/// children fields, and `Item` elements inside a record are child records with fields of their own.
struct RecordWalker: Sequence, IteratorProtocol {
    let reader: XMLStreamReader
    let file: String
    /// The highest line seen inside the current record: libxml2 gives an end tag the line of its
    /// start tag, so the end of a record is the last line of anything read within it.
    private var lastLine = 0

    init(reader: XMLStreamReader, file: String) {
        self.reader = reader
        self.file = file
    }

    /// The next record, its kind, and the lines it spans; throws on malformed XML.
    mutating func next() -> Result<(FieldRecord, RecordKind, ClosedRange<Int>), XMLDiagnostic>? {
        do {
            while try reader.read() {
                guard reader.kind == .element, reader.depth == 1 else { continue }
                guard let kind = RecordKind(rawValue: reader.localName) else {
                    return .failure(
                        XMLDiagnostic(
                            file: file, line: reader.line, column: reader.column,
                            message: "unexpected element <\(reader.localName)>"))
                }
                let start = reader.line
                lastLine = start
                let record = try readRecord(depth: 1)
                return .success((record, kind, start...Swift.max(start, lastLine)))
            }
            return nil
        } catch {
            return .failure(error)
        }
    }

    /// Reads the fields (and `Item` children) of the element the reader is on.
    private mutating func readRecord(depth: Int) throws(XMLDiagnostic) -> FieldRecord {
        var record = FieldRecord(file: file, line: reader.line, column: reader.column)
        if reader.isEmptyElement { return record }
        while try reader.read() {
            lastLine = Swift.max(lastLine, reader.line)
            if reader.kind == .endElement && reader.depth == depth { break }
            guard reader.kind == .element, reader.depth == depth + 1 else { continue }
            if reader.localName == "Item" {
                record.children.append(try readRecord(depth: depth + 1))
            } else {
                let name = reader.localName
                let line = reader.line
                let column = reader.column
                let text = try reader.readElementText()
                record.set(name, FieldRecord.Field(value: text, line: line, column: column))
            }
        }
        return record
    }
}
