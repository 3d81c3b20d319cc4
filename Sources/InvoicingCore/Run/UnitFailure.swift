/// Why one invoicing unit could not be invoiced; the unit stores nothing and uses no number.
public struct UnitFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure stopped the unit.
    public enum Code: String, Sendable, Hashable {
        case unknownAccount
        case unknownInvoicingType
        case unknownCompanyCode
        case unknownPaymentTerms
        case unknownMaterial
        case unitMismatch
        case missingPrice
        case invalidPriceUnit
        case currencyMismatch
        case missingTaxDetermination
        case unknownTaxCode
        case missingAccountDetermination
        case missingDIPProfile
        case unknownPlant
        case missingIntercompanyAgreement
        case arithmeticOverflow
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, in words a user can act on.
    public var message: String
    /// The id of the source document concerned, if one is.
    public var document: String?
    /// The number of the source item concerned, if one is.
    public var item: Int?

    /// Creates a failure of the given kind, with its message and the document and item concerned.
    public init(_ code: Code, _ message: String, document: String? = nil, item: Int? = nil) {
        self.code = code
        self.message = message
        self.document = document
        self.item = item
    }

    /// The failure as `document D item I: message`, naming only what is known.
    public var description: String {
        switch (document, item) {
        case let (document?, item?): return "document \(document) item \(item): \(message)"
        case let (document?, nil): return "document \(document): \(message)"
        default: return message
        }
    }
}
