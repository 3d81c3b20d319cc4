internal import XMLSupport

/// Reads a partner's file through its mapping into canonical records, then on the same path as
/// canonical input (decoders, record sink, rejects).
struct PartnerImporter {
    let mapping: PartnerMapping
    let path: String
    /// Receives each source document as soon as it is complete (see `RecordSink`).
    var deliver: DocumentHandler? = nil

    /// A raw value and where it stands in the partner's file.
    struct Raw {
        var text: String
        var line: Int
        var column: Int
    }

    func read(into batch: inout ImportBatch) {
        switch mapping.layout {
        case .csv(let dialect): readCSV(dialect: dialect, into: &batch)
        case .xml(let record, let items): readXML(record: record, items: items, into: &batch)
        }
    }

    // MARK: CSV

    private func readCSV(dialect: CSVDialect, into batch: inout ImportBatch) {
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path, dialect: dialect)
        } catch {
            batch.diagnostics.append(CanonicalCSVImporter.diagnostic(error))
            batch.files.append(.refused(path, "unreadable CSV"))
            return
        }
        let header = reader.header
        let missing = mapping.fields.values.flatMap { Self.columns(of: $0.source) }.filter { !header.contains($0) }
        if let column = Set(missing).sorted().first {
            batch.diagnostics.append(
                ImportDiagnostic(
                    file: path, line: 1, column: 1,
                    message:
                        "column \"\(column)\" named in the mapping \(mapping.file) is not in the header (\(header.joined(separator: ", ")))"
                ))
            batch.files.append(.refused(path, mapping.name))
            return
        }
        var sink = RecordSink(deliver: deliver)
        var diagnostics: [ImportDiagnostic] = []
        let (rows, rejectedFrom) = reader.readRows(into: &sink, diagnostics: &diagnostics) { row, sink, diagnostics in
            var record = FieldRecord(file: path, line: row.line)
            let fields = Dictionary(
                header.enumerated().map {
                    ($1, Raw(text: row[$0], line: row.line(ofField: $0), column: row.column(ofField: $0)))
                },
                uniquingKeysWith: { first, _ in first })
            do throws(ImportDiagnostic) {
                try apply(mapping.fields, to: &record, at: Raw(text: "", line: row.line, column: 1)) {
                    (source) throws(ImportDiagnostic) -> [Raw] in
                    if case .column(let name) = source { return fields[name].map { [$0] } ?? [] }
                    return []
                }
                sink.add(record, as: mapping.target, diagnostics: &diagnostics)
            } catch {
                diagnostics.append(error)
                sink.refuse(line: row.line)
            }
        }
        batch.diagnostics += diagnostics
        var summary = ImportBatch.FileSummary(
            path: path, content: mapping.name, records: rows, rejectedLines: sink.finish(into: &batch))
        summary.rejectedFrom = rejectedFrom
        batch.files.append(summary)
    }

    private static func columns(of source: PartnerMapping.FieldRule.Source) -> [String] {
        switch source {
        case .column(let name): return [name]
        case .concat(let parts): return parts.flatMap(columns)
        case .path, .constant: return []
        }
    }

    // MARK: XML

    private func readXML(
        record name: PartnerMapping.QualifiedName, items: XPathExpression?, into batch: inout ImportBatch
    ) {
        var sink = RecordSink(deliver: deliver)
        var records = 0
        let itemFields = Set(RecordKind.itemFields)
        let headerRules = mapping.fields.filter { items == nil || !itemFields.contains($0.key) }
        let itemRules = mapping.fields.filter { items != nil && itemFields.contains($0.key) }
        do {
            let reader = try XMLStreamReader(path: path)
            var insideRecord: Int?
            while try reader.read() {
                if let depth = insideRecord {
                    if reader.kind == .endElement && reader.depth == depth { insideRecord = nil }
                    continue
                }
                guard reader.kind == .element, reader.localName == name.localName,
                    reader.namespaceURI == name.namespace,
                    let text = reader.outerXML()
                else { continue }
                if !reader.isEmptyElement { insideRecord = reader.depth }
                records += 1
                let line = reader.line
                do {
                    let record = try decodeRecord(
                        text, line: line, headerRules: headerRules, items: items, itemRules: itemRules)
                    sink.add(record, as: mapping.target, diagnostics: &batch.diagnostics)
                } catch {
                    batch.diagnostics.append(error)
                    sink.refuse(line: line)
                }
            }
        } catch {
            batch.diagnostics.append(CanonicalXMLImporter.diagnostic(error))
            batch.files.append(.refused(path, mapping.name))
            return
        }
        batch.files.append(
            .init(path: path, content: mapping.name, records: records, rejectedLines: sink.finish(into: &batch)))
    }

    /// One record element (its XML text, starting at `line`) as a canonical record with item children.
    private func decodeRecord(
        _ text: String, line: Int, headerRules: [String: PartnerMapping.FieldRule], items: XPathExpression?,
        itemRules: [String: PartnerMapping.FieldRule]
    ) throws(ImportDiagnostic) -> FieldRecord {
        let tree: XMLTree
        do {
            tree = try XMLTree(text: text, fileName: path, firstLine: line)
        } catch {
            throw CanonicalXMLImporter.diagnostic(error)
        }
        var record = FieldRecord(file: path, line: line)
        guard let root = tree.root else { return record }
        try apply(headerRules, to: &record, at: Raw(text: "", line: line, column: 0)) {
            (source) throws(ImportDiagnostic) -> [Raw] in try matches(source, in: tree, from: root)
        }
        guard let items else { return record }
        for item in try select(items, in: tree, from: root) {
            guard let node = item.node else { continue }
            var child = FieldRecord(file: path, line: item.line)
            try apply(itemRules, to: &child, at: Raw(text: "", line: item.line, column: 0)) {
                (source) throws(ImportDiagnostic) -> [Raw] in try matches(source, in: tree, from: node)
            }
            record.children.append(child)
        }
        return record
    }

    private func select(_ path: XPathExpression, in tree: XMLTree, from node: XMLTree.Node) throws(ImportDiagnostic)
        -> [XMLTree.Match]
    {
        do {
            return try tree.select(path, from: node)
        } catch {
            throw CanonicalXMLImporter.diagnostic(error)
        }
    }

    private func matches(_ source: PartnerMapping.FieldRule.Source, in tree: XMLTree, from node: XMLTree.Node)
        throws(ImportDiagnostic) -> [Raw]
    {
        guard case .path(let path) = source else { return [] }
        return try select(path, in: tree, from: node).map { Raw(text: $0.text, line: $0.line, column: 0) }
    }

    // MARK: Fields

    /// Sets every mapped field of `record`; `lookup` finds the raw values of a column or path.
    private func apply(
        _ rules: [String: PartnerMapping.FieldRule], to record: inout FieldRecord, at position: Raw,
        lookup: (PartnerMapping.FieldRule.Source) throws(ImportDiagnostic) -> [Raw]
    ) throws(ImportDiagnostic) {
        for (field, rule) in rules.sorted(by: { $0.key < $1.key }) {
            guard let raw = try value(of: rule.source, at: position, lookup: lookup) else { continue }
            var text = raw.text.trimmingWhitespace()
            if text.isEmpty, let fallback = rule.defaultValue { text = fallback }
            if text.isEmpty { continue }
            text = try convert(text, field: field, rule: rule, at: raw)
            record.set(field, FieldRecord.Field(value: text, line: raw.line, column: raw.column))
        }
    }

    private func value(
        of source: PartnerMapping.FieldRule.Source, at position: Raw,
        lookup: (PartnerMapping.FieldRule.Source) throws(ImportDiagnostic) -> [Raw]
    ) throws(ImportDiagnostic) -> Raw? {
        switch source {
        case .constant(let text):
            return Raw(text: text, line: position.line, column: position.column)
        case .column, .path:
            return try lookup(source).first
        case .concat(let parts):
            var joined = ""
            var first: Raw?
            for part in parts {
                guard let raw = try value(of: part, at: position, lookup: lookup) else { continue }
                if first == nil, case .constant = part {} else if first == nil { first = raw }
                joined += raw.text
            }
            return Raw(text: joined, line: first?.line ?? position.line, column: first?.column ?? position.column)
        }
    }

    private func convert(_ text: String, field: String, rule: PartnerMapping.FieldRule, at raw: Raw)
        throws(ImportDiagnostic) -> String
    {
        func problem(_ message: String) -> ImportDiagnostic {
            ImportDiagnostic(
                file: path, line: raw.line, column: raw.column, field: field, message: message, value: text)
        }
        var value = text
        if let table = rule.lookup {
            guard let mapped = table[value] else {
                throw problem("\"\(value)\" has no entry in the mapping's table (line \(rule.line) of \(mapping.file))")
            }
            value = mapped
        }
        if rule.isUnit {
            if let unit = mapping.units[value] {
                value = unit
            } else if !mapping.units.values.contains(value) {
                throw problem("unit \"\(value)\" is not in the mapping's units table")
            }
        }
        if let pattern = rule.datePattern, RecordKind.dateFields.contains(field) {
            guard let iso = ValueConversion.date(value, pattern: pattern) else {
                throw problem("\"\(value)\" is not a date written as \(pattern)")
            }
            value = iso
        }
        if RecordKind.numberFields.contains(field), mapping.decimalSeparator != "." || mapping.groupingSeparator != nil
        {
            guard
                let number = ValueConversion.number(
                    value, decimal: mapping.decimalSeparator, grouping: mapping.groupingSeparator)
            else {
                throw problem("\"\(value)\" is not a number written with decimal \"\(mapping.decimalSeparator)\"")
            }
            value = number
        }
        return value
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
