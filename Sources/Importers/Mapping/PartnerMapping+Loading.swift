internal import Foundation
internal import XMLSupport
internal import Yams

extension PartnerMapping {
    /// Loads and checks a mapping file; every mistake (unknown field or key, bad XPath, date
    /// pattern or table) is reported as `file:line:column:` before any data is read.
    public static func load(path: String) throws(ImportDiagnostic) -> PartnerMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportDiagnostic(file: path, line: 0, column: 0, message: "cannot read the mapping file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses mapping text (YAML).
    public static func parse(_ text: String, file: String) throws(ImportDiagnostic) -> PartnerMapping {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ImportDiagnostic(file: file, line: 1, column: 1, message: "the mapping file is empty")
            }
            root = node
        } catch let error as ImportDiagnostic {
            throw error
        } catch let error as YamlError {
            throw Self.diagnostic(error, file: file)
        } catch {
            throw ImportDiagnostic(file: file, line: 1, column: 1, message: "not YAML: \(error)")
        }
        return try MappingParser(file: file).mapping(root)
    }

    static func diagnostic(_ error: YamlError, file: String) -> ImportDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ImportDiagnostic(file: file, line: mark.line, column: mark.column, message: "not YAML: \(problem)")
        default:
            return ImportDiagnostic(file: file, line: 1, column: 1, message: "not YAML: \(error)")
        }
    }
}

/// Turns the YAML tree of a mapping file into a checked `PartnerMapping`.
private struct MappingParser {
    let file: String

    func problem(_ node: Node?, _ message: String) -> ImportDiagnostic {
        ImportDiagnostic(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    func table(_ node: Node, allowed: Set<String>) throws(ImportDiagnostic) -> [(key: String, node: Node, value: Node)]
    {
        guard let mapping = node.mapping else { throw problem(node, "expected a table of keys and values") }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw problem(key, "expected a name") }
            if !allowed.isEmpty && !allowed.contains(name) {
                throw problem(key, "unknown key \(name) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            entries.append((name, key, value))
        }
        return entries
    }

    func text(_ node: Node) throws(ImportDiagnostic) -> String {
        guard let text = node.string else { throw problem(node, "expected a single value") }
        return text
    }

    func character(_ node: Node) throws(ImportDiagnostic) -> Character {
        let value = try text(node)
        guard value.count == 1, let character = value.first else { throw problem(node, "expected one character") }
        return character
    }

    func strings(_ node: Node) throws(ImportDiagnostic) -> [String: String] {
        var result: [String: String] = [:]
        for (key, _, value) in try table(node, allowed: []) { result[key] = try text(value) }
        return result
    }

    func mapping(_ root: Node) throws(ImportDiagnostic) -> PartnerMapping {
        let entries = try table(
            root, allowed: ["name", "layout", "target", "csv", "xml", "number", "date", "units", "fields"])
        let values = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let layoutNode = values["layout"] else { throw problem(root, "missing key layout (csv or xml)") }
        guard let targetNode = values["target"] else { throw problem(root, "missing key target (e.g. SourceDocument)") }
        let targetName = FieldRecord.normalize(try text(targetNode))
        guard let target = RecordKind.allCases.first(where: { FieldRecord.normalize($0.rawValue) == targetName }) else {
            let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw problem(targetNode, "unknown target \(try text(targetNode)) (expected one of: \(kinds))")
        }
        var namespaces: [String: String] = [:]
        let layout: PartnerMapping.Layout
        switch try text(layoutNode) {
        case "csv":
            var dialect = CSVDialect()
            if let csv = values["csv"] {
                for (key, _, value) in try table(csv, allowed: ["delimiter", "encoding"]) {
                    if key == "delimiter" {
                        let delimiter = try character(value)
                        guard let byte = delimiter.asciiValue, [",", ";", "\t", "|"].contains(delimiter) else {
                            throw problem(value, "delimiter must be one of , ; | or a tab")
                        }
                        dialect.delimiter = byte
                    } else {
                        guard let encoding = CSVEncoding(rawValue: try text(value).lowercased()) else {
                            let names = CSVEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                            throw problem(value, "unknown encoding \(try text(value)) (expected one of: \(names))")
                        }
                        dialect.encoding = encoding
                    }
                }
            }
            layout = .csv(dialect)
        case "xml":
            guard let xml = values["xml"] else { throw problem(layoutNode, "an xml layout needs an xml: section") }
            let section = Dictionary(
                try table(xml, allowed: ["namespaces", "record", "items"]).map { ($0.key, $0.value) },
                uniquingKeysWith: { first, _ in first })
            if let node = section["namespaces"] { namespaces = try strings(node) }
            guard let recordNode = section["record"] else {
                throw problem(xml, "missing key record (the record element)")
            }
            let recordName = try text(recordNode)
            let parts = recordName.split(separator: ":", maxSplits: 1).map(String.init)
            let record: PartnerMapping.QualifiedName
            if parts.count == 2 {
                guard let uri = namespaces[parts[0]] else {
                    throw problem(recordNode, "the prefix \(parts[0]) is not declared")
                }
                record = .init(localName: parts[1], namespace: uri)
            } else {
                record = .init(localName: recordName, namespace: nil)
            }
            let items = try section["items"].map { (node: Node) throws(ImportDiagnostic) -> XPathExpression in
                try xpath(try text(node), at: node, namespaces: namespaces)
            }
            layout = .xml(record: record, items: items)
        case let other:
            throw problem(layoutNode, "unknown layout \(other) (expected csv or xml)")
        }
        var decimal: Character = "."
        var grouping: Character?
        if let number = values["number"] {
            for (key, _, value) in try table(number, allowed: ["decimal", "grouping"]) {
                if key == "decimal" { decimal = try character(value) } else { grouping = try character(value) }
            }
            if grouping == decimal { throw problem(number, "decimal and grouping separators must differ") }
        }
        let defaultDate = try values["date"].map { (node: Node) throws(ImportDiagnostic) -> String in
            try datePattern(node)
        }
        let units =
            try values["units"].map { (node: Node) throws(ImportDiagnostic) -> [String: String] in
                try strings(node)
            } ?? [:]
        guard let fieldsNode = values["fields"] else { throw problem(root, "missing key fields") }
        let known = Set(target.fields)
        var fields: [String: PartnerMapping.FieldRule] = [:]
        for (name, key, value) in try table(fieldsNode, allowed: []) {
            guard known.contains(name) else {
                throw problem(
                    key,
                    "unknown field \(name) for \(target.rawValue) (expected one of: \(target.fields.joined(separator: ", ")))"
                )
            }
            var rule = try self.rule(value, layout: layout, namespaces: namespaces)
            if RecordKind.dateFields.contains(name) && rule.datePattern == nil { rule.datePattern = defaultDate }
            if rule.isUnit && units.isEmpty { throw problem(value, "unit: true needs a units: table") }
            fields[name] = rule
        }
        for required in target.signature {
            let name = target.fields.first { FieldRecord.normalize($0) == required } ?? required
            if fields[name] == nil { throw problem(fieldsNode, "the mapping gives no value for \(name)") }
        }
        return PartnerMapping(
            file: file,
            name: try values["name"].map { (node: Node) throws(ImportDiagnostic) -> String in try text(node) }
                ?? file,
            layout: layout, target: target, fields: fields, units: units, decimalSeparator: decimal,
            groupingSeparator: grouping)
    }

    func datePattern(_ node: Node) throws(ImportDiagnostic) -> String {
        let pattern = try text(node)
        guard ValueConversion.isDatePattern(pattern) else {
            throw problem(node, "date pattern \(pattern) needs yy or yyyy, M or MM and d or dd (e.g. dd.MM.yyyy)")
        }
        return pattern
    }

    func xpath(_ text: String, at node: Node, namespaces: [String: String]) throws(ImportDiagnostic) -> XPathExpression
    {
        do {
            return try XPathExpression(text, namespaces: namespaces)
        } catch {
            throw problem(node, error.message)
        }
    }

    func source(
        _ node: Node, layout: PartnerMapping.Layout, namespaces: [String: String]
    ) throws(ImportDiagnostic) -> PartnerMapping.FieldRule.Source {
        let value = try text(node)
        if case .csv = layout { return .column(value) }
        return .path(try xpath(value, at: node, namespaces: namespaces))
    }

    /// A rule: `field: Column` (shorthand) or a table with from/value/concat and conversions.
    func rule(
        _ node: Node, layout: PartnerMapping.Layout, namespaces: [String: String]
    ) throws(ImportDiagnostic) -> PartnerMapping.FieldRule {
        let line = node.mark?.line ?? 0
        if node.string != nil {
            return .init(
                source: try source(node, layout: layout, namespaces: namespaces), defaultValue: nil, lookup: nil,
                isUnit: false, datePattern: nil, line: line)
        }
        var source: PartnerMapping.FieldRule.Source?
        var rule = PartnerMapping.FieldRule(
            source: .constant(""), defaultValue: nil, lookup: nil, isUnit: false, datePattern: nil, line: line)
        for (key, _, value) in try table(node, allowed: ["from", "value", "concat", "default", "map", "unit", "date"]) {
            switch key {
            case "from": source = try self.source(value, layout: layout, namespaces: namespaces)
            case "value": source = .constant(try text(value))
            case "concat":
                guard let parts = value.sequence else { throw problem(value, "concat needs a list") }
                var sources: [PartnerMapping.FieldRule.Source] = []
                for part in parts {
                    if let table = part.mapping, let from = table["from"] {
                        sources.append(try self.source(from, layout: layout, namespaces: namespaces))
                    } else {
                        sources.append(.constant(try text(part)))  // plain text between the parts
                    }
                }
                source = .concat(sources)
            case "default": rule.defaultValue = try text(value)
            case "map": rule.lookup = try strings(value)
            case "unit": rule.isUnit = try text(value) == "true"
            default: rule.datePattern = try datePattern(value)
            }
        }
        guard let source else { throw problem(node, "a field needs from, value or concat") }
        rule.source = source
        return rule
    }
}
