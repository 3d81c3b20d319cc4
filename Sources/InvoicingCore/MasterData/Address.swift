/// A postal address as printed on invoices and sent in e-invoices.
public struct Address: Sendable, Codable, Hashable {
    /// The name of the person or organisation.
    public var name: String
    /// The street and house number.
    public var street: String
    /// The postal code.
    public var postalCode: String
    /// The city or town.
    public var city: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String

    /// Creates an address from its fields.
    public init(name: String, street: String, postalCode: String, city: String, country: String) {
        self.name = name
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }
}
