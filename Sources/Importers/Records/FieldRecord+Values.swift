public import InvoicingCore

extension FieldRecord {
    /// A diagnostic about field `name` (or the record when the field is absent).
    public func problem(_ name: FieldKey, _ message: String) -> ImportDiagnostic {
        let field = rawField(name)
        return ImportDiagnostic(
            file: file, line: field?.line ?? line, column: field?.column ?? column, field: name.name, message: message,
            value: field?.value)
    }

    /// The text of the required field `name`; throws when it is missing or empty.
    public func string(_ name: FieldKey) throws(ImportDiagnostic) -> String {
        guard let field = field(name) else { throw problem(name, "required field is missing or empty") }
        return field.value
    }

    /// The text of field `name`, or nil when it is missing or empty.
    public func optionalString(_ name: FieldKey) -> String? {
        field(name)?.value
    }

    /// The required field `name` as a decimal with at most `maxScale` decimal places.
    public func decimal(_ name: FieldKey, maxScale: Int = FixedDecimal.maxScale) throws(ImportDiagnostic)
        -> FixedDecimal
    {
        let text = try string(name)
        if let plain = Self.plainDecimal(text, maxScale: maxScale) { return plain }
        do {
            return try FixedDecimal.parse(text, maxScale: maxScale)
        } catch {
            throw problem(name, error.description)
        }
    }

    /// `text` as a decimal when it has the plain form nearly every field has: 1 to 18 digits
    /// with at most one `.` inside or in front of them, at most `maxScale` decimals, no sign.
    /// Nil for anything else, which `FixedDecimal.parse` then reads (or refuses, with its
    /// message); for the plain form both give the same value, and a test holds them together.
    ///
    /// It exists for speed: the general parser is generic over `StringProtocol` in another
    /// module and copies the text twice, which made it a tenth of a CSV import's reading.
    static func plainDecimal(_ text: String, maxScale: Int) -> FixedDecimal? {
        // A buffer, not the view's iterator, which decodes a small string byte by byte.
        text.utf8.withContiguousStorageIfAvailable { plainDecimal($0, maxScale: maxScale) } ?? nil
    }

    private static func plainDecimal(_ text: UnsafeBufferPointer<UInt8>, maxScale: Int) -> FixedDecimal? {
        var significand: Int64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                guard digits < 18 else { return nil }  // 18 digits always fit in an Int64
                significand = significand * 10 + Int64(digit)
                digits += 1
                if seenPoint { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard digits > 0, decimals <= maxScale, !seenPoint || decimals > 0 else { return nil }
        return FixedDecimal(significand: significand, scale: decimals)
    }

    /// The field `name` as a decimal with at most `maxScale` decimal places, or nil when it is absent.
    public func optionalDecimal(_ name: FieldKey, maxScale: Int = FixedDecimal.maxScale) throws(ImportDiagnostic)
        -> FixedDecimal?
    {
        field(name) == nil ? nil : try decimal(name, maxScale: maxScale)
    }

    /// The required field `name` as a whole number that is zero or more.
    public func integer(_ name: FieldKey) throws(ImportDiagnostic) -> Int {
        let text = try string(name)
        guard let value = Int(text), value >= 0 else { throw problem(name, "\"\(text)\" is not a whole number") }
        return value
    }

    /// The required field `name` as a date written `YYYY-MM-DD`.
    public func date(_ name: FieldKey) throws(ImportDiagnostic) -> CalendarDate {
        let text = try string(name)
        guard let date = CalendarDate(iso: text) else {
            throw problem(name, "\"\(text)\" is not a date (expected YYYY-MM-DD)")
        }
        return date
    }

    /// The field `name` as a date written `YYYY-MM-DD`, or nil when it is absent.
    public func optionalDate(_ name: FieldKey) throws(ImportDiagnostic) -> CalendarDate? {
        field(name) == nil ? nil : try date(name)
    }

    /// The required field `name` as an ISO 4217 currency.
    public func currency(_ name: FieldKey) throws(ImportDiagnostic) -> Currency {
        let text = try string(name)
        guard let currency = Currency(code: text) else {
            throw problem(name, "unknown currency \"\(text)\" (ISO 4217)")
        }
        return currency
    }

    /// The field `name` as an ISO 4217 currency, or nil when it is absent.
    public func optionalCurrency(_ name: FieldKey) throws(ImportDiagnostic) -> Currency? {
        field(name) == nil ? nil : try currency(name)
    }

    /// `true`, `X`, `1`, `yes` are true; `false`, `0`, `no` or absent are false.
    public func flag(_ name: FieldKey) throws(ImportDiagnostic) -> Bool {
        guard let text = optionalString(name) else { return false }
        switch text.lowercased() {
        case "true", "x", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw problem(name, "\"\(text)\" is not a flag (true/false)")
        }
    }

    /// The required field `name` as one of the raw values of `type`; the message lists the allowed ones.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: FieldKey, _ type: T.Type) throws(ImportDiagnostic)
        -> T
    where T.RawValue == String {
        let text = try string(name)
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw problem(name, "\"\(text)\" is not one of \(allowed)")
        }
        return value
    }
}
