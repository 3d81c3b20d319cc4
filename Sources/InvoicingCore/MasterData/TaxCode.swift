/// A tax code: a rate of one tax category in one country, and the G/L account its tax posts to.
public struct TaxCode: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var country: String
    public var category: TaxCategory
    /// Rate in percent, e.g. 19 or 7.5.
    public var rate: FixedDecimal
    public var description: String
    public var glAccount: String
    /// Why no tax is charged (printed and sent for exempt categories).
    public var exemptionReason: String?

    public init(
        id: String, country: String, category: TaxCategory, rate: FixedDecimal, description: String,
        glAccount: String, exemptionReason: String? = nil
    ) {
        self.id = id
        self.country = country
        self.category = category
        self.rate = rate
        self.description = description
        self.glAccount = glAccount
        self.exemptionReason = exemptionReason
    }
}

/// VAT category codes of EN 16931 (UNCL 5305 subset).
public enum TaxCategory: String, Sendable, Codable, Hashable, CaseIterable {
    case standard = "S"
    case zeroRated = "Z"
    case exempt = "E"
    case reverseCharge = "AE"
    case intraCommunity = "K"
    case export = "G"
    case outOfScope = "O"
}

/// Which tax code applies to a country, customer class and material class.
public struct TaxDeterminationRule: Sendable, Codable, Hashable {
    public var country: String
    public var accountTaxClassification: String
    public var materialTaxClassification: String
    public var taxCode: String

    public init(country: String, accountTaxClassification: String, materialTaxClassification: String, taxCode: String) {
        self.country = country
        self.accountTaxClassification = accountTaxClassification
        self.materialTaxClassification = materialTaxClassification
        self.taxCode = taxCode
    }
}
