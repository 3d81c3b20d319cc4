internal import InvoicingCore

/// Writes JSON straight into one byte buffer, value by value, in exactly the bytes
/// `StreamingJSONEncoder` (and so `JSONEncoder` with its default options) gives for the same
/// values: strings escaped as they escape them, integers in decimal, and amounts, decimals and
/// dates as the text their `encode(to:)` writes.
///
/// The stored invoice is written with it (`Invoice+StoreJSON.swift`), member by member, without
/// `Codable`'s containers: the run commits every invoice on one thread, and encoding it through
/// `Encoder` was the largest cost left there. Nothing here rounds: decimals and amounts are
/// written with the digits they hold.
struct InvoiceJSONWriter: ~Copyable {
    /// Where the JSON is written: memory of its own, appended to through a pointer. (Appending to
    /// an `[UInt8]` checked its uniqueness and capacity on every byte and copied it for slices.)
    private var base: UnsafeMutablePointer<UInt8>
    /// The bytes `base` holds room for.
    private var capacity: Int
    /// The bytes written so far.
    private(set) var count = 0
    /// The currency whose code ``currencyCode`` holds: an invoice's amounts are nearly all in one
    /// currency, and `Currency.code` makes a new `String` each time it is asked.
    private var codeCurrency: Currency?
    /// The escaped bytes of `codeCurrency`'s code.
    private var currencyCode: [UInt8] = []

    /// A writer whose memory holds `capacity` bytes before it grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The JSON written so far, UTF-8.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// The JSON written so far as text.
    var text: String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// Forgets the bytes written and keeps the memory, so one writer serves many values in turn
    /// (the contract accounts of an import).
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes written so far, where they lie: valid only during the call.
    func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Makes room for `more` bytes after those written, doubling the memory when it is short.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    /// Moves the bytes into memory of at least `needed` bytes (twice the old, at least).
    private mutating func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    /// Appends one byte.
    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `source` as it is.
    @inline(__always)
    private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        (base + count).initialize(from: start, count: source.count)
        count += source.count
    }

    /// Appends `text` as it is: punctuation and keys, which never need escaping.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends `true` or `false`.
    mutating func bool(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    /// Appends `key` and the string `value` when there is one: a nil optional is left out, as
    /// `encodeIfPresent` leaves it.
    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        raw(key)
        string(value)
    }

    /// Appends `text` as a JSON string, escaped as `JSONEncoder` escapes it: quote, backslash
    /// and slash with a backslash, the short forms for backspace, form feed, newline, return
    /// and tab, `\u00xx` (lower-case hex) for the other control characters below U+0020, and
    /// every other character as its UTF-8 bytes (DEL, U+2028 and emoji included).
    mutating func string(_ text: String) {
        append(UInt8(ascii: "\""))
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { escaped($0) }
        if written == nil {
            var copy = text
            copy.withUTF8 { escaped($0) }
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends `utf8` with the characters JSON strings cannot hold as they are escaped; runs
    /// that need no escape (nearly every string) go in with one copy.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
            else { continue }
            if start < index {
                append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            }
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "/"): raw("\\/")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            default:
                raw("\\u00")
                append(Self.hexDigit(byte >> 4))
                append(Self.hexDigit(byte & 0x0F))
            }
        }
        if start < utf8.count {
            append(UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    /// The lower-case hex digit of `nibble` (0...15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends `value` as a JSON number, as `Int.description` spells it.
    mutating func integer(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        digits(UInt64(value.magnitude), minimumCount: 1)
    }

    /// Appends the decimal digits of `value`, with leading zeros up to `minimumCount` digits.
    private mutating func digits(_ value: UInt64, minimumCount: Int) {
        let length = max(decimalDigitCount(value), minimumCount)
        reserve(length)
        // Written from the last digit back.
        var rest = value
        var index = count + length
        while index > count {
            index -= 1
            base[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += length
    }

    /// Appends `significand × 10^-scale` with exactly `scale` decimals, as
    /// `FixedDecimal.description` writes it (`-12.50`), without quotes.
    private mutating func decimalDigits(significand: Int64, scale: Int) {
        if significand < 0 { append(UInt8(ascii: "-")) }
        let magnitude = significand.magnitude
        guard scale > 0 else {
            digits(magnitude, minimumCount: 1)
            return
        }
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        digits(magnitude / divisor, minimumCount: 1)
        append(UInt8(ascii: "."))
        digits(magnitude % divisor, minimumCount: scale)
    }

    /// Appends a decimal as its `encode(to:)` writes it: its text as a JSON string, `"19.5"`.
    mutating func decimal(_ value: FixedDecimal) {
        // A scale is 0...9 (FixedDecimal's own precondition); anything else takes the slow,
        // always-right way rather than a power of ten that could overflow.
        guard (0...18).contains(value.scale) else {
            string(value.description)
            return
        }
        append(UInt8(ascii: "\""))
        decimalDigits(significand: value.significand, scale: value.scale)
        append(UInt8(ascii: "\""))
    }

    /// Appends an amount as its `encode(to:)` writes it: `"12.50 EUR"`, decimals as the
    /// currency has minor units.
    mutating func money(_ value: Money) {
        let scale = value.currency.minorUnits
        guard (0...18).contains(scale) else {
            string(value.description)
            return
        }
        append(UInt8(ascii: "\""))
        decimalDigits(significand: value.minorUnits, scale: scale)
        append(UInt8(ascii: " "))
        appendCode(of: value.currency)
        append(UInt8(ascii: "\""))
    }

    /// Appends a currency as its `encode(to:)` writes it: its ISO 4217 code as a JSON string.
    mutating func currency(_ value: Currency) {
        append(UInt8(ascii: "\""))
        appendCode(of: value)
        append(UInt8(ascii: "\""))
    }

    /// Appends the escaped code of `currency`, made once per change of currency.
    private mutating func appendCode(of currency: Currency) {
        if currency != codeCurrency {
            var code = InvoiceJSONWriter(capacity: 16)
            code.string(currency.code)
            // The code's bytes without the quotes `string` put around them.
            currencyCode = Array(code.bytes.dropFirst().dropLast())
            codeCurrency = currency
        }
        currencyCode.withUnsafeBufferPointer { append($0) }
    }

    /// Appends a date as its `encode(to:)` writes it: ISO 8601 as a JSON string, `"2026-11-24"`.
    mutating func date(_ value: CalendarDate) {
        // A date's year is 1...9999 (CalendarDate's own check); anything else takes the slow,
        // always-right way, as `description` pads it.
        guard (1...9999).contains(value.year), (1...99).contains(value.month), (1...99).contains(value.day) else {
            string(value.description)
            return
        }
        append(UInt8(ascii: "\""))
        digits(UInt64(value.year), minimumCount: 4)
        append(UInt8(ascii: "-"))
        digits(UInt64(value.month), minimumCount: 2)
        append(UInt8(ascii: "-"))
        digits(UInt64(value.day), minimumCount: 2)
        append(UInt8(ascii: "\""))
    }

    /// Appends `items` as a JSON array, each written by `element`.
    @inline(__always)
    mutating func array<Element>(_ items: [Element], _ element: (inout InvoiceJSONWriter, Element) -> Void) {
        append(UInt8(ascii: "["))
        // Each element is read in place: `for item in items` copied each one, retaining and
        // releasing every string of a line once more.
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                if index > 0 { append(UInt8(ascii: ",")) }
                element(&self, items[index])
            }
        }
        append(UInt8(ascii: "]"))
    }
}

/// How many decimal digits `value` has (1 for zero): the JSON writers count a number's digits
/// first and then write them from the last.
func decimalDigitCount(_ value: UInt64) -> Int {
    var length = 1
    var rest = value / 10
    while rest > 0 {
        length += 1
        rest /= 10
    }
    return length
}
