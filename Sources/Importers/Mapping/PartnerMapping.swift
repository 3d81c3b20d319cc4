public import XMLSupport

/// How one partner's file layout maps onto a canonical record kind: where each canonical field
/// comes from and how its value is converted. Loaded from a YAML file a non-programmer can edit.
public struct PartnerMapping: Sendable {
    /// The file syntax the partner sends.
    public enum Layout: Sendable {
        /// CSV with an optional fixed dialect (detected otherwise).
        case csv(CSVDialect)
        /// XML: each `record` element (streamed, at any depth) is one record; `items` selects the
        /// item nodes of a source document inside it.
        case xml(record: QualifiedName, items: XPathExpression?)
    }

    /// An element name with its namespace.
    public struct QualifiedName: Sendable, Hashable {
        /// The element's name without prefix.
        public var localName: String
        /// The element's namespace URI; nil for no namespace.
        public var namespace: String?
    }

    /// Where one canonical field's value comes from and how it is converted.
    public struct FieldRule: Sendable {
        /// The origin of the raw value.
        public indirect enum Source: Sendable {
            /// A CSV column by header name.
            case column(String)
            /// An XPath relative to the record (or item) element.
            case path(XPathExpression)
            /// The same value for every record.
            case constant(String)
            /// The values of several sources joined.
            case concat([Source])
        }

        /// Where the raw value comes from.
        public var source: Source
        /// Used when the source gives nothing.
        public var defaultValue: String?
        /// Code lookup: partner value → canonical value; a value not in the table is an error.
        public var lookup: [String: String]?
        /// Convert through the mapping's unit table (partner unit → UN/ECE Rec 20 code).
        public var isUnit: Bool
        /// The partner's date pattern, for date fields (`dd.MM.yyyy`).
        public var datePattern: String?
        /// Where the rule stands in the mapping file, for messages.
        public var line: Int
    }

    /// The mapping file's path, for messages.
    public var file: String
    /// The name of the partner layout.
    public var name: String
    /// The partner's file syntax and, for XML, where records and items are.
    public var layout: Layout
    /// The kind of canonical record each partner record becomes.
    public var target: RecordKind
    /// Canonical field (snake_case) → rule.
    public var fields: [String: FieldRule]
    /// Partner unit → UN/ECE Rec 20 code.
    public var units: [String: String]
    /// The decimal separator of numbers in the partner's file.
    public var decimalSeparator: Character
    /// The grouping separator of numbers, if the partner uses one.
    public var groupingSeparator: Character?
}
