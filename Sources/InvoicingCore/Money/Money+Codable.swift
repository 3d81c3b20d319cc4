// Exact values travel as text: a JSON number would pass through a binary floating point somewhere.

extension FixedDecimal: Codable {
    /// Decodes a value from its decimal text, e.g. `"19.5"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try FixedDecimal.parse(text)
    }

    /// Encodes the value as its decimal text, e.g. `"19.5"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Currency: Codable {
    /// Decodes a currency from its ISO 4217 code; throws for an unknown code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown currency \(code)")
        }
        self = currency
    }

    /// Encodes the currency as its ISO 4217 code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

extension Money: Codable {
    /// Encoded as `"12.50 EUR"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: " ")
        guard parts.count == 2, let currency = Currency(code: String(parts[1])) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an amount: \(text)")
        }
        self = try Money.parse(parts[0], currency: currency)
    }

    /// Encodes the amount as `"12.50 EUR"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
