import InvoicingCore

/// A member of the JSON the store keeps for a source document or one of its items: the one list
/// of keys that ``PayloadWriter`` may write and ``PayloadReader`` must read.
///
/// The writer takes only such keys, and the reader answers each of them in a `switch` without a
/// `default`, so a key cannot be written that the reader does not know, nor added without a
/// reader. The raw values give the order in which the writer writes them, which is the order
/// the reader tries first.
protocol StorePayloadKey: RawRepresentable<Int>, CaseIterable {
    /// The key's text, as the synthesized `Codable` conformance names the property.
    var name: StaticString { get }
}

extension StorePayloadKey {
    /// The room the keys take in a payload at most: each once, with `,"":` around it.
    static var capacity: Int {
        allCases.reduce(0) { $0 + $1.name.utf8CodeUnitCount + 4 }
    }

    /// Whether `text` is this key's name, byte for byte.
    @inline(__always)
    func isNamed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let name = name
        guard text.count == name.utf8CodeUnitCount else { return false }
        for offset in 0..<text.count where text[offset] != name.utf8Start[offset] { return false }
        return true
    }

    /// The key named `text`: first the one after `previous` (the store writes them in order),
    /// then each in turn; nil when none is.
    static func named(_ text: UnsafeBufferPointer<UInt8>, after previous: Self?) -> Self? {
        if let next = Self(rawValue: (previous?.rawValue ?? -1) + 1), next.isNamed(text) { return next }
        var raw = 0
        while let key = Self(rawValue: raw) {
            if key.isNamed(text) { return key }
            raw += 1
        }
        return nil
    }
}

extension SourceDocument {
    /// The keys of a stored document's JSON, in the order the store writes them.
    enum PayloadKey: Int, StorePayloadKey {
        case id, category, type, companyCode, account, currency, documentDate, billingDate
        case referenceOrder, referenceDelivery, paymentTerms, invoicingType, billingBlock
        case referenceInvoice, dipProfile, items

        @inline(__always) var name: StaticString {
            switch self {
            case .id: "id"
            case .category: "category"
            case .type: "type"
            case .companyCode: "companyCode"
            case .account: "account"
            case .currency: "currency"
            case .documentDate: "documentDate"
            case .billingDate: "billingDate"
            case .referenceOrder: "referenceOrder"
            case .referenceDelivery: "referenceDelivery"
            case .paymentTerms: "paymentTerms"
            case .invoicingType: "invoicingType"
            case .billingBlock: "billingBlock"
            case .referenceInvoice: "referenceInvoice"
            case .dipProfile: "dipProfile"
            case .items: "items"
            }
        }
    }
}

extension SourceItem {
    /// The keys of a stored item's JSON, in the order the store writes them.
    enum PayloadKey: Int, StorePayloadKey {
        case number, material, description, quantity, unit, unitPrice, priceUnit, taxCode, orderedQuantity
        case profitCenter, costCenter, plant, resourceType, activityType, paymentTerms

        @inline(__always) var name: StaticString {
            switch self {
            case .number: "number"
            case .material: "material"
            case .description: "description"
            case .quantity: "quantity"
            case .unit: "unit"
            case .unitPrice: "unitPrice"
            case .priceUnit: "priceUnit"
            case .taxCode: "taxCode"
            case .orderedQuantity: "orderedQuantity"
            case .profitCenter: "profitCenter"
            case .costCenter: "costCenter"
            case .plant: "plant"
            case .resourceType: "resourceType"
            case .activityType: "activityType"
            case .paymentTerms: "paymentTerms"
            }
        }
    }
}
