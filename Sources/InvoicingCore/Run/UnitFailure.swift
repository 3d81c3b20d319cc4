/// Why one invoicing unit could not be invoiced; the unit stores nothing and uses no number.
public struct UnitFailure: Error, Sendable, Hashable, CustomStringConvertible {
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
        case arithmeticOverflow
    }

    public var code: Code
    public var message: String
    public var document: String?
    public var item: Int?

    public init(_ code: Code, _ message: String, document: String? = nil, item: Int? = nil) {
        self.code = code
        self.message = message
        self.document = document
        self.item = item
    }

    public var description: String {
        switch (document, item) {
        case let (document?, item?): return "document \(document) item \(item): \(message)"
        case let (document?, nil): return "document \(document): \(message)"
        default: return message
        }
    }
}
