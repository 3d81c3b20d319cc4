/// The kinds of records the canonical formats carry; a CSV file holds one kind, recognised by
/// its header, an XML file any mix, named by element.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case companyCode = "CompanyCode"
    case paymentTerms = "PaymentTerms"
    case contractAccount = "ContractAccount"
    case material = "Material"
    case taxCode = "TaxCode"
    case taxDetermination = "TaxDetermination"
    case accountDetermination = "AccountDetermination"
    case priceCondition = "PriceCondition"
    case sourceDocument = "SourceDocument"

    /// The order in which a folder's records are stored, so every reference points backwards.
    public var importOrder: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Fields whose presence identifies the kind (normalized names), checked in `detectionOrder`.
    var signature: [String] {
        switch self {
        case .sourceDocument: return ["documentid", "itemnumber"]
        case .priceCondition: return ["conditionid"]
        case .accountDetermination: return ["accountkey", "glaccount"]
        case .taxDetermination: return ["accounttaxclassification", "materialtaxclassification"]
        case .taxCode: return ["taxcode", "rate", "category"]
        case .contractAccount: return ["account", "invoicingcategory"]
        case .companyCode: return ["companycode", "chartofaccounts", "iban"]
        case .paymentTerms: return ["paymentterms", "netdays"]
        case .material: return ["material", "materialgroup"]
        }
    }

    private static let detectionOrder: [RecordKind] = [
        .sourceDocument, .priceCondition, .accountDetermination, .taxDetermination, .taxCode, .contractAccount,
        .companyCode, .paymentTerms, .material,
    ]

    /// The kind whose signature fields are all among `header` (normalized or not), if any.
    public static func detect(header: [String]) -> RecordKind? {
        let names = Set(header.map(FieldRecord.normalize))
        return detectionOrder.first { $0.signature.allSatisfy(names.contains) }
    }
}
