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
    case billingPlan = "BillingPlan"
    case milestonePlan = "MilestonePlan"
    case milestoneConfirmation = "MilestoneConfirmation"
    case rebateAgreement = "RebateAgreement"
    case sourceDocument = "SourceDocument"

    /// The order in which a folder's records are stored, so every reference points backwards.
    public var importOrder: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Fields whose presence identifies the kind (normalized names), checked in `detectionOrder`.
    var signature: [String] {
        switch self {
        case .sourceDocument: return ["documentid", "itemnumber"]
        case .priceCondition: return ["conditionid"]
        case .billingPlan: return ["planid", "period"]
        case .milestonePlan: return ["planid", "milestone", "total"]
        case .milestoneConfirmation: return ["planid", "milestone", "reachedon"]
        case .rebateAgreement: return ["agreementid", "scalebasis"]
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
        .sourceDocument, .rebateAgreement, .milestonePlan, .milestoneConfirmation, .billingPlan, .priceCondition,
        .accountDetermination,
        .taxDetermination, .taxCode,
        .contractAccount, .companyCode, .paymentTerms, .material,
    ]

    /// The kind whose signature fields are all among `header` (normalized or not), if any.
    public static func detect(header: [String]) -> RecordKind? {
        let names = Set(header.map(FieldRecord.normalize))
        return detectionOrder.first { $0.signature.allSatisfy(names.contains) }
    }

    /// Every field the decoders read for this kind (snake_case), for checking partner mappings.
    public var fields: [String] {
        let address = ["name", "street", "postal_code", "city", "country"]
        switch self {
        case .companyCode:
            return ["company_code"] + address + [
                "currency", "vat_id", "iban", "bic", "bank_name", "chart_of_accounts", "sales_organisation",
                "contact_name", "contact_phone", "contact_email", "electronic_address", "legal_registration",
                "legal_registration_scheme",
            ]
        case .paymentTerms: return ["payment_terms", "description", "net_days", "installments"]
        case .contractAccount:
            return ["account", "company_code"] + address + [
                "vat_id", "language", "currency", "payment_terms", "invoicing_category", "tax_classification",
                "account_assignment_group", "electronic_address", "invoice_formats", "invoice_list_calendar",
            ]
        case .material:
            return [
                "material", "description", "unit", "material_group", "tax_classification", "account_assignment_group",
            ]
        case .taxCode:
            return [
                "tax_code", "country", "category", "rate", "description", "gl_account", "exemption_reason",
                "exemption_reason_code",
            ]
        case .taxDetermination:
            return ["country", "account_tax_classification", "material_tax_classification", "tax_code"]
        case .accountDetermination:
            return [
                "chart_of_accounts", "sales_organisation", "company_code", "account_group", "material_group",
                "account_key", "gl_account",
            ]
        case .priceCondition:
            return [
                "condition_id", "kind", "calculation", "material", "account", "valid_from", "valid_to", "currency",
                "value", "price_unit", "scale_from",
            ]
        case .billingPlan:
            return [
                "plan_id", "company_code", "account", "currency", "material", "description", "period", "timing",
                "start_date", "end_date", "valid_from", "price",
            ]
        case .milestonePlan:
            return [
                "plan_id", "company_code", "account", "currency", "material", "description", "total", "milestone",
                "milestone_description", "percent", "amount",
            ]
        case .milestoneConfirmation: return ["plan_id", "milestone", "reached_on"]
        case .rebateAgreement:
            return [
                "agreement_id", "description", "company_code", "recipient", "currency", "valid_from", "valid_to",
                "tax_code", "condition", "material", "material_group", "scale_basis", "calculation", "scale_from",
                "rate",
            ]
        case .sourceDocument:
            return ["document_id"] + Self.documentHeaderFields + Self.itemFields
        }
    }

    /// The header fields of a source document, which must agree on every CSV row of one document.
    public static let documentHeaderFields = [
        "category", "type", "company_code", "account", "currency", "document_date", "billing_date",
        "reference_order", "reference_delivery", "payment_terms", "invoicing_type", "billing_block",
        "reference_invoice", "dip_profile",
    ]

    /// The canonical field names of every kind, normalized, each with a small number: the
    /// vocabulary records are keyed by, so looking a field up compares integers, not strings.
    static let vocabulary: [String: Int32] = {
        var names: [String: Int32] = [:]
        for name in allCases.flatMap(\.fields) + itemFields {
            let normalized = FieldRecord.normalize(name)
            if names[normalized] == nil { names[normalized] = Int32(names.count) }
        }
        return names
    }()

    /// The fields of one source document item (an `Item` child in XML, the item columns in CSV).
    public static let itemFields = [
        "item_number", "material", "description", "quantity", "unit", "unit_price", "price_unit", "tax_code",
        "ordered_quantity", "profit_center", "cost_center", "plant", "resource_type", "activity_type",
        "item_payment_terms",
    ]

    /// Fields holding decimal numbers (converted from a partner's number format).
    static let numberFields: Set<String> = [
        "quantity", "unit_price", "price_unit", "value", "rate", "scale_from", "ordered_quantity", "price", "total",
        "percent", "amount",
    ]
    /// Fields holding dates (converted from a partner's date format).
    static let dateFields: Set<String> = [
        "document_date", "billing_date", "valid_from", "valid_to", "start_date", "end_date", "reached_on",
    ]
}
