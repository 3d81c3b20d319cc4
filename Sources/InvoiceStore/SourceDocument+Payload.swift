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
        var json = PayloadWriter()
        json.bytes.reserveCapacity(160 + items.count * 96)
        json.raw("{")
        json.string("id", id)
        json.string("category", category.rawValue)
        json.string("type", type)
        json.string("companyCode", companyCode)
        json.string("account", account)
        json.string("currency", currency.code)
        json.date("documentDate", documentDate)
        json.date("billingDate", billingDate)
        json.string("referenceOrder", referenceOrder)
        json.string("referenceDelivery", referenceDelivery)
        json.string("paymentTerms", paymentTerms)
        json.string("invoicingType", invoicingType)
        json.key("billingBlock")
        json.raw(billingBlock ? "true" : "false")
        json.string("referenceInvoice", referenceInvoice)
        json.string("dipProfile", dipProfile)
        json.key("items")
        json.raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.key("number")
            json.integer(item.number)
            json.string("material", item.material)
            json.string("description", item.description)
            json.decimal("quantity", item.quantity)
            json.string("unit", item.unit)
            json.decimal("unitPrice", item.unitPrice)
            json.decimal("priceUnit", item.priceUnit)
            json.string("taxCode", item.taxCode)
            json.decimal("orderedQuantity", item.orderedQuantity)
            json.string("profitCenter", item.profitCenter)
            json.string("costCenter", item.costCenter)
            json.string("plant", item.plant)
            json.string("resourceType", item.resourceType?.rawValue)
            json.string("activityType", item.activityType)
            json.raw("}")
        }
        json.raw("]}")
        return json.bytes
    }
}

/// Appends JSON to a byte buffer: keys, RFC 8259 strings, whole numbers.
struct PayloadWriter {
    var bytes: [UInt8] = []

    /// Appends ASCII text as it is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `"name":`, after a comma unless it opens an object.
    mutating func key(_ name: StaticString) {
        if let last = bytes.last, last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends `"name":"value"` unless `value` is nil (an absent optional is left out).
    mutating func string(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        bytes.append(UInt8(ascii: "\""))
        // Nearly every value needs no escaping: copy it whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                func hex(_ nibble: UInt8) -> UInt8 {
                    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                }
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4),
                    hex(byte & 0xF),
                ])
            default: bytes.append(byte)  // UTF-8 passes through: JSON text is UTF-8
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `"name":"2026-11-24"` (the text of `CalendarDate.description`).
    mutating func date(_ name: StaticString, _ value: CalendarDate) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        digits(value.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(value.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(value.day, width: 2)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `"name":"-12.340"` (the text of `FixedDecimal.description`) unless `value` is nil.
    mutating func decimal(_ name: StaticString, _ value: FixedDecimal?) {
        guard let value else { return }
        key(name)
        bytes.append(UInt8(ascii: "\""))
        if value.significand < 0 { bytes.append(UInt8(ascii: "-")) }
        var divisor: UInt64 = 1
        for _ in 0..<value.scale { divisor *= 10 }
        let magnitude = value.significand.magnitude
        digits(magnitude / divisor, width: 1)
        if value.scale > 0 {
            bytes.append(UInt8(ascii: "."))
            digits(magnitude % divisor, width: value.scale)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` in decimal, zero-padded to `width` digits; most significant digit first,
    /// so nothing is written twice.
    private mutating func digits(_ value: some BinaryInteger, width: Int) {
        let value = UInt64(value)
        var power: UInt64 = 1
        var count = 1
        while value / power >= 10 {
            power *= 10
            count += 1
        }
        for _ in count..<max(count, width) { bytes.append(UInt8(ascii: "0")) }
        while power > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / power % 10))
            power /= 10
        }
    }

    /// Appends a whole number in decimal.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(value.magnitude, width: 1)
    }
}
