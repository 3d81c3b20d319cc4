/// A tax code: a rate of one tax category in one country, and the G/L account its tax posts to.
public struct TaxCode: Sendable, Codable, Hashable, Identifiable {
    /// The tax code's key.
    public var id: String
    /// The ISO 3166-1 alpha-2 code of the country whose tax the code is.
    public var country: String
    /// The VAT category of the tax.
    public var category: TaxCategory
    /// Rate in percent, e.g. 19 or 7.5.
    public var rate: FixedDecimal
    /// The text that describes the tax code.
    public var description: String
    /// The G/L account the tax posts to.
    public var glAccount: String
    /// Why no tax is charged (printed and sent for exempt categories).
    public var exemptionReason: String?

    /// Creates a tax code from its fields.
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
    /// The country whose tax law the rule applies to.
    public var country: String
    /// The customer tax classification the rule applies to.
    public var accountTaxClassification: String
    /// The material tax classification the rule applies to.
    public var materialTaxClassification: String
    /// The id of the tax code that applies.
    public var taxCode: String

    /// Creates a tax determination rule from its fields.
    public init(country: String, accountTaxClassification: String, materialTaxClassification: String, taxCode: String) {
        self.country = country
        self.accountTaxClassification = accountTaxClassification
        self.materialTaxClassification = materialTaxClassification
        self.taxCode = taxCode
    }
}
