public import InvoicingCore
public import XMLSupport

/// Elements whose text is a number or a date, formatted straight into the writer's bytes: the
/// text is byte for byte what the value's `description` gives, without making a `String` of it
/// (an invoice line has half a dozen amounts, and every output writes them). Numbers go through
/// the writer's own decimal formatting, which needs nothing from InvoicingCore.
extension XMLWriter {
    /// Writes `<name>value</name>`, the value as `FixedDecimal.description` writes it (`-12.50`).
    public mutating func element(
        _ name: XMLName, _ value: FixedDecimal, attributes: KeyValuePairs<XMLName, String> = [:]
    ) throws(XMLWriterError) {
        try element(name, decimal: value.significand, scale: value.scale, attributes: attributes)
    }

    /// Writes `<name>value</name>`, the value in decimal digits as `String(value)` writes it.
    public mutating func element(_ name: XMLName, _ value: Int) throws(XMLWriterError) {
        guard let integer = Int64(exactly: value) else { return try element(name, String(value)) }
        try element(name, decimal: integer, scale: 0)
    }

    /// Writes `<name>date</name>`, the date as `CalendarDate.description` writes it (`2026-11-30`).
    public mutating func element(_ name: XMLName, _ date: CalendarDate) throws(XMLWriterError) {
        // `description` pads the year to four digits, as here; a year outside 1...9999, which
        // `CalendarDate.daysRange` does not allow, would take its way.
        guard (1...9_999).contains(date.year) else { return try element(name, date.description) }
        let error = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            Self.digits(date.year, width: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            Self.digits(date.month, width: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            Self.digits(date.day, width: 2, into: buffer, at: 8)
            return Result { () throws(XMLWriterError) in
                try element(name, utf8: UnsafeBufferPointer(buffer))
            }
        }
        try error.get()
    }

    /// Writes `number` (not negative, at most `width` digits) as `width` digits, zero-padded.
    private static func digits(_ number: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int)
    {
        var rest = number
        for index in (start..<start + width).reversed() {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
