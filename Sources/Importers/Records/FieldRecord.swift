/// One record of an input file as named text fields, whatever the file's syntax (CSV row, XML
/// element), with the position of each field for error messages.
///
/// Field names are matched loosely: `company_code`, `companyCode` and `CompanyCode` are one name,
/// so CSV headers and XML element names share one vocabulary.
public struct FieldRecord: Sendable {
    /// A field's text and where it starts.
    public struct Field: Sendable, Hashable {
        /// The field's text as written in the file.
        public var value: String
        /// The line where the field's value starts.
        public var line: Int
        /// The column where the field's value starts.
        public var column: Int

        /// Creates a field from its text and position.
        public init(value: String, line: Int, column: Int) {
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// The path of the file the record was read from.
    public let file: String
    /// The line where the record starts.
    public let line: Int
    /// The column where the record starts.
    public let column: Int
    private(set) var fields: [String: Field] = [:]
    /// Child records (the items of a document in XML).
    public var children: [FieldRecord] = []

    /// Creates a record without fields that starts at the given position of `file`.
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Sets a field; `name` is normalized.
    public mutating func set(_ name: String, _ field: Field) {
        fields[Self.normalize(name)] = field
    }

    /// The value of a field by its already normalized name; empty or absent is nil.
    func value(normalized name: String) -> String? {
        guard let field = fields[name], !field.value.isEmpty else { return nil }
        return field.value
    }

    /// Sets a field whose name is already normalized (a CSV header normalized once per file).
    mutating func set(normalized name: String, _ field: Field) {
        fields[name] = field
    }

    /// The field named `name`, if present (an empty value counts as absent).
    public func field(_ name: String) -> Field? {
        guard let field = fields[Self.normalize(name)], !field.value.isEmpty else { return nil }
        return field
    }

    /// `companyCode`, `company_code` and `Company-Code` all become `companycode`.
    public static func normalize(_ name: String) -> String {
        // Byte level: this runs for every field of every record (it was 60% of a CSV import
        // through Unicode scalar views). Field names are ASCII; other bytes pass through unchanged.
        func isDropped(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
        }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        guard name.utf8.contains(where: { isDropped($0) || isUpper($0) }) else { return name }
        return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
            var count = 0
            for byte in name.utf8 where !isDropped(byte) {
                buffer[count] = isUpper(byte) ? byte + 32 : byte
                count += 1
            }
            return count
        }
    }
}
