public import InvoicingCore

extension SourceDocument {
    /// The document whose stored JSON is `payload`, as `JSONDecoder` reads it.
    ///
    /// Read by hand because a run reads every open document's JSON, and `JSONDecoder`, which
    /// first builds a map of the whole text and then answers `Codable`'s questions key by key,
    /// took about a fifteenth of a run's instructions. ``PayloadReader`` reads the members in any
    /// order, every JSON escape and whitespace; what it does not expect (a key it does not know,
    /// a number with a fraction, a value of the wrong kind, invalid UTF-8) it leaves to
    /// `JSONDecoder`, which reads it or says what is wrong. A test holds the two together.
    public init(storePayload payload: String) throws(StoreError) {
        var payload = payload
        if let document = payload.withUTF8({ bytes in
            var reader = PayloadReader(bytes)
            return reader.document()
        }) {
            self = document
        } else {
            self = try InvoiceStore.decode(SourceDocument.self, payload)
        }
    }
}

/// Reads the JSON the store keeps for a source document (and, with the same primitives, for a
/// contract account: `ContractAccount+PayloadReading.swift`); nil for what it leaves to
/// `JSONDecoder`.
struct PayloadReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether the whole text has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// The whole text as one document, or nil.
    mutating func document() -> SourceDocument? {
        var id: String?
        var category: SourceCategory?
        var type: String?
        var companyCode: String?
        var account: String?
        var currency: Currency?
        var documentDate: CalendarDate?
        var billingDate: CalendarDate?
        var referenceOrder: String?
        var referenceDelivery: String?
        var paymentTerms: String?
        var invoicingType: String?
        var billingBlock: Bool?
        var referenceInvoice: String?
        var dipProfile: String?
        var items: [SourceItem]?
        let complete = members { (key: SourceDocument.PayloadKey, reader: inout PayloadReader) in
            switch key {
            case .id: return reader.text(into: &id)
            case .category: return reader.value(into: &category) { SourceCategory(rawValue: $0) }
            case .type: return reader.text(into: &type)
            case .companyCode: return reader.text(into: &companyCode)
            case .account: return reader.text(into: &account)
            case .currency: return reader.value(into: &currency) { Currency(code: $0) }
            case .documentDate: return reader.value(into: &documentDate) { CalendarDate(iso: $0) }
            case .billingDate: return reader.value(into: &billingDate) { CalendarDate(iso: $0) }
            case .referenceOrder: return reader.text(into: &referenceOrder)
            case .referenceDelivery: return reader.text(into: &referenceDelivery)
            case .paymentTerms: return reader.text(into: &paymentTerms)
            case .invoicingType: return reader.text(into: &invoicingType)
            case .billingBlock: return reader.bool(into: &billingBlock)
            case .referenceInvoice: return reader.text(into: &referenceInvoice)
            case .dipProfile: return reader.text(into: &dipProfile)
            case .items: return reader.list(into: &items) { $0.item() }
            }
        }
        skipSpace()
        guard complete, isAtEnd, let id, let category, let type, let companyCode, let account,
            let currency, let documentDate, let billingDate, let billingBlock, let items
        else { return nil }
        return SourceDocument(
            id: id, category: category, type: type, companyCode: companyCode, account: account, currency: currency,
            documentDate: documentDate, billingDate: billingDate, referenceOrder: referenceOrder,
            referenceDelivery: referenceDelivery, paymentTerms: paymentTerms, invoicingType: invoicingType,
            billingBlock: billingBlock, referenceInvoice: referenceInvoice, dipProfile: dipProfile, items: items)
    }

    private mutating func item() -> SourceItem? {
        var number: Int?
        var material: String?
        var description: String?
        var quantity: FixedDecimal?
        var unit: String?
        var unitPrice: FixedDecimal?
        var priceUnit: FixedDecimal?
        var taxCode: String?
        var orderedQuantity: FixedDecimal?
        var profitCenter: String?
        var costCenter: String?
        var plant: String?
        var resourceType: ResourceType?
        var activityType: String?
        var paymentTerms: String?
        let complete = members { (key: SourceItem.PayloadKey, reader: inout PayloadReader) in
            switch key {
            case .number: return reader.integer(into: &number)
            case .material: return reader.text(into: &material)
            case .description: return reader.text(into: &description)
            case .quantity: return reader.decimal(into: &quantity)
            case .unit: return reader.text(into: &unit)
            case .unitPrice: return reader.decimal(into: &unitPrice)
            case .priceUnit: return reader.decimal(into: &priceUnit)
            case .taxCode: return reader.text(into: &taxCode)
            case .orderedQuantity: return reader.decimal(into: &orderedQuantity)
            case .profitCenter: return reader.text(into: &profitCenter)
            case .costCenter: return reader.text(into: &costCenter)
            case .plant: return reader.text(into: &plant)
            case .resourceType: return reader.value(into: &resourceType) { ResourceType(rawValue: $0) }
            case .activityType: return reader.text(into: &activityType)
            case .paymentTerms: return reader.text(into: &paymentTerms)
            }
        }
        guard complete, let number, let material, let quantity else { return nil }
        return SourceItem(
            number: number, material: material, description: description, quantity: quantity, unit: unit,
            unitPrice: unitPrice, priceUnit: priceUnit, taxCode: taxCode, orderedQuantity: orderedQuantity,
            profitCenter: profitCenter, costCenter: costCenter, plant: plant, resourceType: resourceType,
            activityType: activityType, paymentTerms: paymentTerms)
    }

    /// An object read by `read`, or `null` for none.
    mutating func object<Value>(into field: inout Value?, _ read: (inout PayloadReader) -> Value?) -> Bool {
        guard field == nil else { return false }
        if takeNull() { return true }
        guard let value = read(&self) else { return false }
        field = value
        return true
    }

    /// `[element, …]`, each element read by `element`, or `null` for none.
    mutating func list<Element>(
        into field: inout [Element]?, _ element: (inout PayloadReader) -> Element?
    ) -> Bool {
        guard field == nil else { return false }
        if takeNull() { return true }
        guard take(UInt8(ascii: "[")) else { return false }
        var read: [Element] = []
        skipSpace()
        if !take(UInt8(ascii: "]")) {
            repeat {
                skipSpace()
                guard let next = element(&self) else { return false }
                read.append(next)
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")) else { return false }
        }
        field = read
        return true
    }

    /// Reads `{"key": value, …}`, each value by `member`, which returns false to give up; a
    /// key that is not a `Key` gives up too.
    mutating func members<Key: StorePayloadKey>(_ member: (Key, inout PayloadReader) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        var previous: Key?
        repeat {
            skipSpace()
            guard let key = self.key(after: previous) else { return false }
            previous = key
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard member(key, &self) else { return false }
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// A member's key, matched in place against `Key`'s names (no `String` made for it); one
    /// with an escape is read as any text first. Nil for a key that is not a `Key`.
    mutating func key<Key: StorePayloadKey>(after previous: Key?) -> Key? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
        guard position < bytes.count else { return nil }
        guard bytes[position] == UInt8(ascii: "\"") else {
            position = start - 1
            guard var text = string() else { return nil }
            return text.withUTF8 { Key.named($0, after: previous) }
        }
        position += 1
        return Key.named(UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), after: previous)
    }

    // Each reader of a member's value refuses a key seen twice (JSONDecoder keeps one of them).

    /// A text, or `null` for none.
    mutating func text(into field: inout String?) -> Bool {
        value(into: &field) { $0 }
    }

    /// A text made into a value by `make`, or `null` for none.
    mutating func value<Value>(into field: inout Value?, _ make: (String) -> Value?) -> Bool {
        guard field == nil else { return false }
        if takeNull() { return true }
        guard let text = string(), let value = make(text) else { return false }
        field = value
        return true
    }

    mutating func decimal(into field: inout FixedDecimal?) -> Bool {
        value(into: &field) { try? FixedDecimal.parse($0) }
    }

    mutating func bool(into field: inout Bool?) -> Bool {
        guard field == nil else { return false }
        if take(literal: "true") {
            field = true
        } else if take(literal: "false") {
            field = false
        } else {
            return false
        }
        return true
    }

    /// A whole number of digits with an optional minus; a fraction or exponent is left to
    /// JSONDecoder.
    mutating func integer(into field: inout Int?) -> Bool {
        guard field == nil else { return false }
        let negative = take(UInt8(ascii: "-"))
        var value = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowed) = times.addingReportingOverflow(Int(bytes[position] - UInt8(ascii: "0")))
            guard !overflow, !overflowed else { return false }
            value = sum
            digits += 1
            position += 1
        }
        guard digits > 0, position < bytes.count,
            bytes[position] != UInt8(ascii: "."), bytes[position] | 0x20 != UInt8(ascii: "e")
        else { return false }
        field = negative ? -value : value
        return true
    }

    /// A JSON string with every escape, as valid UTF-8; nil for anything else.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        // Nearly every text has no escape: it is taken as it stands.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            position += 1
        }
        var text = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default: text.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `XXXX` after `\u`, with the low half of a surrogate pair when one follows.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    mutating func takeNull() -> Bool {
        take(literal: "null")
    }

    mutating func take(literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
        position += count
        return true
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }
}
