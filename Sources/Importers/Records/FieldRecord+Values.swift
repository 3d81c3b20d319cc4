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
        do {
            return try FixedDecimal.parse(text, maxScale: maxScale)
        } catch {
            throw problem(name, error.description)
        }
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
