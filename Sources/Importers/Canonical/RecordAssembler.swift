internal import XMLSupport

/// Builds records from a canonical XML document's events: children of the root are records,
/// their children fields, and `Item` elements inside a record are child records with fields of
/// their own.
struct RecordAssembler {
    let file: String
    private var record: (FieldRecord, RecordKind, start: Int)?
    private var item: FieldRecord?
    /// The position of the field element open now.
    private var field: (line: Int, column: Int)?
    /// The highest line seen inside the current record, where it ends.
    private var lastLine = 0
    /// Field keys by the reader's name number: each element name is normalized once per file.
    private var keys: [FieldKey?] = []

    init(file: String) {
        self.file = file
    }

    /// Takes one event; returns a record when its end tag has been read. Throws on an element
    /// a canonical document cannot have where it stands.
    mutating func add(
        _ event: XMLEventReader.Event
    ) throws(XMLDiagnostic) -> (FieldRecord, RecordKind, ClosedRange<Int>)? {
        switch event {
        case .start(let name, _, let depth, let line, let column):
            lastLine = max(lastLine, line)
            switch depth {
            case 0: return nil
            case 1:
                guard let kind = RecordKind(rawValue: name.text) else {
                    throw XMLDiagnostic(
                        file: file, line: line, column: column, message: "unexpected element <\(name.text)>")
                }
                // Room for a document header's fields, so the record's arrays do not grow field by field.
                record = (FieldRecord(file: file, line: line, column: column, capacity: 16), kind, line)
                lastLine = line
            case 2 where name.text == "Item":
                item = FieldRecord(file: file, line: line, column: column, capacity: 10)
            default:
                field = (line, column)
            }
            return nil
        case .end(let name, let depth, let text, let line):
            lastLine = max(lastLine, line)
            switch depth {
            case 0: return nil
            case 1:
                guard let (completed, kind, start) = record else { return nil }
                record = nil
                return (completed, kind, start...max(start, lastLine))
            case 2 where name.text == "Item" && item != nil:
                if let finished = item { record?.0.children.append(finished) }
                item = nil
            default:
                guard let text else {
                    throw XMLDiagnostic(
                        file: file, line: field?.line ?? line, column: field?.column ?? 0,
                        message: "<\(name.text)> must contain only text, but contains elements",
                        code: .unexpectedChildElement)
                }
                let value = FieldRecord.Field(value: text, line: field?.line ?? line, column: field?.column ?? 0)
                let key = self.key(name)
                if item != nil { item?.set(key, value) } else { record?.0.set(key, value) }
            }
            return nil
        }
    }

    private mutating func key(_ name: XMLEventReader.Name) -> FieldKey {
        if name.id < keys.count, let key = keys[name.id] { return key }
        let key = FieldKey(name.text)
        if name.id >= keys.count { keys += Array(repeating: nil, count: name.id - keys.count + 1) }
        keys[name.id] = key
        return key
    }
}
