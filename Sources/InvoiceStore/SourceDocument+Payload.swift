public import InvoicingCore

extension SourceDocument {
    /// The document as the JSON the store keeps, written directly: `JSONEncoder` took a third of
    /// an import for this one call. The keys and value forms are those of the synthesized
    /// `Codable` conformance (absent optionals left out), so `JSONDecoder` reads it back unchanged;
    /// a test holds the two together.
    public var storePayload: String {
        var json = "{"
        func key(_ name: String) {
            if json.utf8.count > 1 { json += "," }
            json += "\"" + name + "\":"
        }
        func string(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            Self.appendJSONString(value, to: &json)
        }
        string("id", id)
        string("category", category.rawValue)
        string("type", type)
        string("companyCode", companyCode)
        string("account", account)
        string("currency", currency.code)
        string("documentDate", documentDate.description)
        string("billingDate", billingDate.description)
        string("referenceOrder", referenceOrder)
        string("referenceDelivery", referenceDelivery)
        string("paymentTerms", paymentTerms)
        string("invoicingType", invoicingType)
        key("billingBlock")
        json += billingBlock ? "true" : "false"
        key("items")
        json += "["
        for (index, item) in items.enumerated() {
            if index > 0 { json += "," }
            var itemJSON = "{\"number\":\(item.number)"
            func field(_ name: String, _ value: String?) {
                guard let value else { return }
                itemJSON += ",\"" + name + "\":"
                Self.appendJSONString(value, to: &itemJSON)
            }
            field("material", item.material)
            field("description", item.description)
            field("quantity", item.quantity.description)
            field("unit", item.unit)
            field("unitPrice", item.unitPrice?.description)
            field("priceUnit", item.priceUnit?.description)
            field("taxCode", item.taxCode)
            json += itemJSON + "}"
        }
        return json + "]}"
    }

    /// Appends `value` as a JSON string literal (RFC 8259 escaping).
    static func appendJSONString(_ value: String, to json: inout String) {
        json += "\""
        // Nearly every value needs no escaping: append it whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            json += value
            json += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}
