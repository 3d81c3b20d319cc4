/// A postal address as printed on invoices and sent in e-invoices.
public struct Address: Sendable, Codable, Hashable {
    public var name: String
    public var street: String
    public var postalCode: String
    public var city: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String

    public init(name: String, street: String, postalCode: String, city: String, country: String) {
        self.name = name
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }
}
