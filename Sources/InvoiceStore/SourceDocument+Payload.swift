public import InvoicingCore

extension SourceDocument {
    /// The document as the JSON the store keeps. The keys and value forms are those of the
    /// synthesized `Codable` conformance (absent optionals left out), so `JSONDecoder` reads it
    /// back unchanged; a test holds the two together.
    public var storePayload: String {
        String(decoding: storePayloadBytes, as: UTF8.self)
    }

    /// The payload as UTF-8 bytes, written straight into one buffer. Written by hand because it
    /// runs once per imported document: `JSONEncoder` took a third of an import, and building
    /// the text from interpolated strings still took a sixth.
    public var storePayloadBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: storePayloadCapacity) { buffer, count in
            // swift-format-ignore: NeverForceUnwrap
            count = writeStorePayload(to: buffer.baseAddress!, capacity: buffer.count)
        }
    }

    /// The most bytes the payload can take: names, punctuation and numbers have a longest
    /// form, and a text byte takes at most 6 (`\u001f`).
    var storePayloadCapacity: Int {
        func text(_ value: String?) -> Int { value.map { 2 + 6 * $0.utf8.count } ?? 0 }
        // Summed one by one: an array of the texts would be allocated for each document.
        var capacity = PayloadWriter.documentCapacity + items.count * PayloadWriter.itemCapacity
        capacity += text(id) + text(category.rawValue) + text(type) + text(companyCode) + text(account) + 2 + 6 * 3
        capacity += text(referenceOrder) + text(referenceDelivery) + text(paymentTerms) + text(invoicingType)
        capacity += text(referenceInvoice) + text(dipProfile)
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                capacity += text(items[index].material) + text(items[index].description)
                capacity += text(items[index].unit) + text(items[index].taxCode)
                capacity += text(items[index].profitCenter) + text(items[index].costCenter)
                capacity += text(items[index].plant) + text(items[index].resourceType?.rawValue)
                capacity += text(items[index].activityType) + text(items[index].paymentTerms)
            }
        }
        return capacity
    }

    /// Writes the payload at `base`, which has room for `capacity` (at least
    /// `storePayloadCapacity`) bytes; returns its length.
    func writeStorePayload(to base: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        var json = PayloadWriter(base: base, capacity: capacity)
        json.raw("{")
        json.string(PayloadKey.id, id)
        json.string(PayloadKey.category, category.rawValue)
        json.string(PayloadKey.type, type)
        json.string(PayloadKey.companyCode, companyCode)
        json.string(PayloadKey.account, account)
        json.string(PayloadKey.currency, currency.code)
        json.date(PayloadKey.documentDate, documentDate)
        json.date(PayloadKey.billingDate, billingDate)
        json.string(PayloadKey.referenceOrder, referenceOrder)
        json.string(PayloadKey.referenceDelivery, referenceDelivery)
        json.string(PayloadKey.paymentTerms, paymentTerms)
        json.string(PayloadKey.invoicingType, invoicingType)
        json.bool(PayloadKey.billingBlock, billingBlock)
        json.string(PayloadKey.referenceInvoice, referenceInvoice)
        json.string(PayloadKey.dipProfile, dipProfile)
        json.key(PayloadKey.items)
        json.raw("[")
        // Items read in place: a copy of each (`for item in items`) retained and released all
        // its strings once more.
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                if index > 0 { json.raw(",") }
                json.raw("{")
                json.integer(SourceItem.PayloadKey.number, items[index].number)
                json.string(SourceItem.PayloadKey.material, items[index].material)
                json.string(SourceItem.PayloadKey.description, items[index].description)
                json.decimal(SourceItem.PayloadKey.quantity, items[index].quantity)
                json.string(SourceItem.PayloadKey.unit, items[index].unit)
                json.decimal(SourceItem.PayloadKey.unitPrice, items[index].unitPrice)
                json.decimal(SourceItem.PayloadKey.priceUnit, items[index].priceUnit)
                json.string(SourceItem.PayloadKey.taxCode, items[index].taxCode)
                json.decimal(SourceItem.PayloadKey.orderedQuantity, items[index].orderedQuantity)
                json.string(SourceItem.PayloadKey.profitCenter, items[index].profitCenter)
                json.string(SourceItem.PayloadKey.costCenter, items[index].costCenter)
                json.string(SourceItem.PayloadKey.plant, items[index].plant)
                json.string(SourceItem.PayloadKey.resourceType, items[index].resourceType?.rawValue)
                json.string(SourceItem.PayloadKey.activityType, items[index].activityType)
                json.string(SourceItem.PayloadKey.paymentTerms, items[index].paymentTerms)
                json.raw("}")
            }
        }
        json.raw("]}")
        return json.count
    }
}

/// Writes JSON into memory sized beforehand (`SourceDocument.storePayloadCapacity`): keys,
/// RFC 8259 strings, whole numbers. Stores through a pointer: appending to an array byte by byte
/// checked uniqueness and capacity on every byte, a fifth of storing a document.
///
/// Its keys are only those of ``StorePayloadKey``, the list ``PayloadReader`` reads.
struct PayloadWriter {
    /// The longest the fixed parts of a document can take: its keys with `,"":` around each,
    /// two dates of three 20-digit numbers, `false` and the brackets.
    static let documentCapacity = SourceDocument.PayloadKey.capacity + 2 * 64 + 5 + 8
    /// The same for an item: its keys, a whole number, 4 decimals of two 20-digit parts each.
    static let itemCapacity = SourceItem.PayloadKey.capacity + 24 + 4 * 48 + 3

    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// Bytes written.
    private(set) var count = 0
    /// Whether the next key opens its object (no comma before it).
    private var opensObject = false

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        precondition(count < capacity, "payload capacity exceeded")
        base[count] = value
        count += 1
    }

    private mutating func bytes(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        precondition(count + source.count <= capacity, "payload capacity exceeded")
        (base + count).update(from: start, count: source.count)
        count += source.count
    }

    /// Appends ASCII text as it is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes($0) }
        opensObject = text.utf8Start[text.utf8CodeUnitCount - 1] == UInt8(ascii: "{")
    }

    // Each method that writes a key takes the key and is inlined, so that its name is a constant
    // where it is written; the private method it calls takes the name. Passed on as a key, the
    // name was looked up again for every member written.

    /// Appends `"key":`, after a comma unless it opens an object.
    @inline(__always)
    mutating func key(_ key: some StorePayloadKey) {
        self.key(named: key.name)
    }

    private mutating func key(named name: StaticString) {
        let length = name.utf8CodeUnitCount
        precondition(count + length + 4 <= capacity, "payload capacity exceeded")
        if !opensObject {
            base[count] = UInt8(ascii: ",")
            count += 1
        }
        opensObject = false
        base[count] = UInt8(ascii: "\"")
        (base + count + 1).update(from: name.utf8Start, count: length)
        base[count + 1 + length] = UInt8(ascii: "\"")
        base[count + 2 + length] = UInt8(ascii: ":")
        count += length + 3
    }

    /// Appends `"key":"value"` unless `value` is nil (an absent optional is left out).
    @inline(__always)
    mutating func string(_ key: some StorePayloadKey, _ value: String?) {
        string(named: key.name, value)
    }

    private mutating func string(named name: StaticString, _ value: String?) {
        guard var value else { return }
        key(named: name)
        byte(UInt8(ascii: "\""))
        value.withUTF8 { text in
            // Nearly every value needs no escaping: copy it whole.
            if !text.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes(text)
            } else {
                for character in text { escaped(character) }
            }
        }
        byte(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ character: UInt8) {
        switch character {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            byte(UInt8(ascii: "\\"))
            byte(character)
        case UInt8(ascii: "\n"):
            byte(UInt8(ascii: "\\"))
            byte(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"):
            byte(UInt8(ascii: "\\"))
            byte(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"):
            byte(UInt8(ascii: "\\"))
            byte(UInt8(ascii: "t"))
        case 0..<0x20:
            func hex(_ nibble: UInt8) -> UInt8 {
                nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            for part in [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")] { byte(part) }
            byte(hex(character >> 4))
            byte(hex(character & 0xF))
        default: byte(character)  // UTF-8 passes through: JSON text is UTF-8
        }
    }

    /// Appends `"key":"2026-11-24"` (the text of `CalendarDate.description`).
    @inline(__always)
    mutating func date(_ key: some StorePayloadKey, _ value: CalendarDate) {
        date(named: key.name, value)
    }

    private mutating func date(named name: StaticString, _ value: CalendarDate) {
        key(named: name)
        byte(UInt8(ascii: "\""))
        dateText(value)
        byte(UInt8(ascii: "\""))
    }

    /// Appends `2026-11-24` (`CalendarDate.description`, at most 62 bytes); returns where it lies.
    @discardableResult
    mutating func dateText(_ value: CalendarDate) -> Range<Int> {
        let start = count
        digits(UInt64(value.year), width: 4)
        byte(UInt8(ascii: "-"))
        digits(UInt64(value.month), width: 2)
        byte(UInt8(ascii: "-"))
        digits(UInt64(value.day), width: 2)
        return start..<count
    }

    /// Appends the UTF-8 of `value` as it is (not JSON: a column of its own); returns where it lies.
    mutating func text(_ value: String) -> Range<Int> {
        let start = count
        var value = value
        value.withUTF8 { bytes($0) }
        return start..<count
    }

    /// Appends `"key":"-12.340"` (the text of `FixedDecimal.description`) unless `value` is nil.
    @inline(__always)
    mutating func decimal(_ key: some StorePayloadKey, _ value: FixedDecimal?) {
        decimal(named: key.name, value)
    }

    private mutating func decimal(named name: StaticString, _ value: FixedDecimal?) {
        guard let value else { return }
        key(named: name)
        byte(UInt8(ascii: "\""))
        if value.significand < 0 { byte(UInt8(ascii: "-")) }
        var divisor: UInt64 = 1
        for _ in 0..<value.scale { divisor *= 10 }
        let magnitude = value.significand.magnitude
        digits(magnitude / divisor, width: 1)
        if value.scale > 0 {
            byte(UInt8(ascii: "."))
            digits(magnitude % divisor, width: value.scale)
        }
        byte(UInt8(ascii: "\""))
    }

    /// Appends `value` in decimal, zero-padded to `width` digits (at most 20, or 20 more than
    /// the value has): the digits are counted first and written from the last, so each costs
    /// one division by the constant 10.
    private mutating func digits(_ value: UInt64, width: Int) {
        let length = decimalDigitCount(value)
        let total = max(length, width)
        precondition(count + total <= capacity, "payload capacity exceeded")
        var end = count + total
        count = end
        var rest = value
        for _ in 0..<length {
            end -= 1
            base[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        while end > count - total {
            end -= 1
            base[end] = UInt8(ascii: "0")
        }
    }

    /// Appends `"key":true` or `"key":false`.
    @inline(__always)
    mutating func bool(_ key: some StorePayloadKey, _ value: Bool) {
        self.key(named: key.name)
        raw(value ? "true" : "false")
    }

    /// Appends `"key":` and a whole number in decimal.
    @inline(__always)
    mutating func integer(_ key: some StorePayloadKey, _ value: Int) {
        self.key(named: key.name)
        if value < 0 { byte(UInt8(ascii: "-")) }
        digits(UInt64(value.magnitude), width: 1)
    }
}
