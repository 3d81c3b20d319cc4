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
    /// The VATEX code of the exemption reason (e.g. `VATEX-EU-G`), sent in e-invoices.
    public var exemptionReasonCode: String?

    /// Creates a tax code from its fields.
    public init(
        id: String, country: String, category: TaxCategory, rate: FixedDecimal, description: String,
        glAccount: String, exemptionReason: String? = nil, exemptionReasonCode: String? = nil
    ) {
        self.id = id
        self.country = country
        self.category = category
        self.rate = rate
        self.description = description
        self.glAccount = glAccount
        self.exemptionReason = exemptionReason
        self.exemptionReasonCode = exemptionReasonCode
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
    /// Italian split payment: VAT charged at the standard rate but paid by the buyer (a public
    /// body) to the tax authority; domestic Italian invoices only (BR-B-01).
    case splitPayment = "B"
    /// IGIC, the Canary Islands general indirect tax (BR-AF rules).
    case canaryIslands = "L"
    /// IPSI, the tax on production, services and importation in Ceuta and Melilla (BR-AG rules).
    case ceutaMelilla = "M"
}

extension TaxCategory {
    /// What EN 16931 says about an exemption reason (BT-120, BT-121) in a category's VAT breakdown.
    public enum ExemptionReasonRule: Sendable, Hashable {
        /// A reason text or code is required (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10).
        case required
        /// A reason must not be given (BR-S-10, BR-Z-10, BR-AF-10, BR-AG-10).
        case forbidden
        /// No rule either way (B, split payment).
        case free
    }

    /// What EN 16931 says about the category's rate (BT-119, BT-152).
    public enum RateRule: Sendable, Hashable {
        /// Above zero (BR-S-05).
        case positive
        /// Zero (BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05; category O has none, written as none).
        case zero
        /// Zero or above (BR-AF-05, BR-AG-05).
        case nonNegative
        /// No rule (B).
        case free
    }

    /// The category's rule on exemption reasons.
    public var exemptionReasonRule: ExemptionReasonRule {
        switch self {
        case .standard, .zeroRated, .canaryIslands, .ceutaMelilla: return .forbidden
        case .exempt, .reverseCharge, .intraCommunity, .export, .outOfScope: return .required
        case .splitPayment: return .free
        }
    }

    /// The category's rule on rates.
    public var rateRule: RateRule {
        switch self {
        case .standard: return .positive
        case .zeroRated, .exempt, .reverseCharge, .intraCommunity, .export, .outOfScope: return .zero
        case .canaryIslands, .ceutaMelilla: return .nonNegative
        case .splitPayment: return .free
        }
    }

    /// Whether EN 16931 asks for an exemption reason (text or code) in this category's VAT
    /// breakdown (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10).
    public var needsExemptionReason: Bool { exemptionReasonRule == .required }

    /// The VATEX code that says why a category is not taxed when the category alone decides it;
    /// nil for exemptions (E), whose reason is a particular article of law, and for taxed categories.
    public var defaultExemptionReasonCode: String? {
        switch self {
        case .reverseCharge: return "VATEX-EU-AE"
        case .intraCommunity: return "VATEX-EU-IC"
        case .export: return "VATEX-EU-G"
        case .outOfScope: return "VATEX-EU-O"
        case .standard, .zeroRated, .exempt, .splitPayment, .canaryIslands, .ceutaMelilla: return nil
        }
    }

    /// Whether the category's rate must be zero.
    public var isZeroRated: Bool { rateRule == .zero }

    /// The codes, for messages: `S, Z, E, AE, K, G, O, B, L, M`.
    public static var codeList: String { allCases.map(\.rawValue).joined(separator: ", ") }
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
