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
    /// The numbers in `RecordKind.vocabulary` of the fields with a canonical name, and their
    /// values at the same index. A record has a dozen fields or so, so a linear scan of
    /// integers finds one faster than hashing its name; this runs for every field of every
    /// record. Rows of one CSV file share one `ids` array: only their values are their own.
    private var ids: [Int32] = []
    private var values: [Field] = []
    /// The numbers in `ids`, as bits: most lookups of optional fields miss, and a miss is
    /// then known without a scan.
    private var present = FieldNumbers()
    /// Fields whose names are not canonical (extra CSV columns): kept, found by normalized name.
    private var other: [String: Field] = [:]
    /// Child records (the items of a document in XML).
    public var children: [FieldRecord] = []

    /// Creates a record without fields that starts at the given position of `file`, with room
    /// for `capacity` fields (a CSV row knows how many it has).
    public init(file: String, line: Int, column: Int = 1, capacity: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
        if capacity > 0 {
            ids.reserveCapacity(capacity)
            values.reserveCapacity(capacity)
        }
    }

    /// Creates a record of canonical fields numbered `ids` (distinct, shared by the rows of a
    /// CSV file) with `values` at the same indices.
    init(file: String, line: Int, ids: [Int32], values: [Field]) {
        precondition(ids.count == values.count, "one value per field")
        self.file = file
        self.line = line
        self.column = 1
        self.ids = ids
        self.values = values
        for id in ids { present.insert(id) }
    }

    /// Sets a field; `name` is normalized.
    public mutating func set(_ name: String, _ field: Field) {
        set(FieldKey(name), field)
    }

    /// Sets a field by its key (a CSV header resolved once per file).
    mutating func set(_ key: FieldKey, _ field: Field) {
        guard let id = key.id else {
            other[key.normalized] = field
            return
        }
        if present.mayContain(id), let index = ids.firstIndex(of: id) {
            values[index] = field
        } else {
            ids.append(id)
            values.append(field)
            present.insert(id)
        }
    }

    /// Adds a field known not to be set yet (the distinct columns of a CSV header).
    mutating func append(_ key: FieldKey, _ field: Field) {
        guard let id = key.id else {
            other[key.normalized] = field
            return
        }
        ids.append(id)
        values.append(field)
        present.insert(id)
    }

    /// The field named `name` as it was set, empty or not.
    func rawField(_ name: FieldKey) -> Field? {
        guard let id = name.id else { return other[name.normalized] }
        guard present.mayContain(id), let index = ids.firstIndex(of: id) else { return nil }
        return values[index]
    }

    /// The field named `name`, if present (an empty value counts as absent).
    public func field(_ name: FieldKey) -> Field? {
        guard let field = rawField(name), !field.value.isEmpty else { return nil }
        return field
    }

    /// Whether every canonical field marked in `mask` (see `mask(of:)`) has the same value here
    /// as in `other`, an empty value counting as absent; nil when the two records do not hold
    /// the same canonical fields in the same order, so the caller must compare name by name.
    ///
    /// Rows of one CSV file always hold the same fields in the same order: the document header
    /// fields repeated on each item row are compared in one pass over both records.
    func sameValues(as other: FieldRecord, marked mask: [Bool]) -> Bool? {
        guard ids == other.ids else { return nil }  // the same array for rows of one file: no scan
        for index in ids.indices where mask[Int(ids[index])] {
            if values[index].value != other.values[index].value { return false }
        }
        return true
    }

    /// A table of the vocabulary's numbers with those of `keys` set, for `sameValues(as:marked:)`.
    static func mask(of keys: [FieldKey]) -> [Bool] {
        var mask = [Bool](repeating: false, count: RecordKind.vocabulary.count)
        for key in keys {
            guard let id = key.id else { preconditionFailure("\(key.name) is not a canonical field") }
            mask[Int(id)] = true
        }
        return mask
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

/// A field name as written (for messages) with its normalized form (for lookups), computed once.
///
/// Decoders keep their keys in `static let`s, so the name is normalized once per process rather
/// than on every lookup; a string literal is a key too, for code off the hot path.
public struct FieldKey: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as the layouts spell it (`company_code`), used in messages.
    public let name: String
    /// The name as `FieldRecord.normalize` makes it (`companycode`).
    public let normalized: String
    /// The name's number in the canonical vocabulary; nil for a name outside it.
    let id: Int32?

    /// Creates a key from a field name in any of its spellings.
    public init(_ name: String) {
        self.name = name
        self.normalized = FieldRecord.normalize(name)
        self.id = RecordKind.vocabulary[normalized]
    }

    /// Creates a key from a string literal.
    public init(stringLiteral name: String) {
        self.init(name)
    }

    /// The name as written.
    public var description: String { name }
}

/// A set of field numbers below 128 as bits; a number from 128 up may always be contained.
private struct FieldNumbers {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    mutating func insert(_ id: Int32) {
        if id < 64 {
            low |= 1 << UInt64(id)
        } else if id < 128 {
            high |= 1 << UInt64(id - 64)
        }
    }

    func mayContain(_ id: Int32) -> Bool {
        if id < 64 { return low & 1 << UInt64(id) != 0 }
        if id < 128 { return high & 1 << UInt64(id - 64) != 0 }
        return true
    }
}
