public import InvoicingCore

/// Turns master data records into domain values; collects price-condition scale rows.
public struct MasterDataDecoder: Sendable {
    /// The master data decoded so far.
    public private(set) var batch = MasterDataBatch()
    private var conditions: [String: PriceCondition] = [:]
    private var conditionOrder: [String] = []
    private var billingPlans = BillingPlanCollector()
    private var milestonePlans = MilestonePlanCollector()
    private var rebateAgreements = RebateAgreementCollector()

    /// Creates a decoder with an empty batch.
    public init() {}

    /// Decodes one record of `kind` into the batch.
    public mutating func add(_ record: FieldRecord, as kind: RecordKind) throws(ImportDiagnostic) {
        switch kind {
        case .companyCode:
            batch.companyCodes.append(
                CompanyCode(
                    id: try record.string("company_code"), address: try address(record),
                    currency: try record.currency("currency"), vatID: try record.string("vat_id"),
                    bankAccount: BankAccount(
                        iban: try record.string("iban"), bic: try record.string("bic"),
                        bankName: try record.string("bank_name")),
                    chartOfAccounts: try record.string("chart_of_accounts"),
                    salesOrganisation: try record.string("sales_organisation"), contact: contact(record),
                    electronicAddress: try electronicAddress(record),
                    legalRegistration: record.optionalString("legal_registration").map {
                        PartyIdentifier(identifier: $0, scheme: record.optionalString("legal_registration_scheme"))
                    }))
        case .paymentTerms:
            batch.paymentTerms.append(
                PaymentTerms(
                    id: try record.string("payment_terms"), description: try record.string("description"),
                    netDays: try record.integer("net_days"), installments: try Self.installments(record)))
        case .contractAccount:
            batch.accounts.append(
                ContractAccount(
                    id: try record.string(Key.account), companyCode: try record.string(Key.companyCode),
                    address: try address(record), vatID: record.optionalString(Key.vatID),
                    language: try language(record), currency: try record.currency(Key.currency),
                    paymentTerms: try record.string(Key.paymentTerms),
                    invoicingCategory: try record.string(Key.invoicingCategory),
                    taxClassification: try record.string(Key.taxClassification),
                    accountAssignmentGroup: try record.string(Key.accountAssignmentGroup),
                    electronicAddress: try electronicAddress(record), invoiceFormats: try invoiceFormats(record),
                    invoiceListCalendar: record.optionalString(Key.invoiceListCalendar) == nil
                        ? nil : try record.choice(Key.invoiceListCalendar, InvoiceListCalendar.self)))
        case .material:
            batch.materials.append(
                Material(
                    id: try record.string("material"), description: try record.string("description"),
                    unit: try record.string("unit"), materialGroup: try record.string("material_group"),
                    taxClassification: try record.string("tax_classification"),
                    accountAssignmentGroup: try record.string("account_assignment_group")))
        case .taxCode:
            let rate = try record.decimal("rate", maxScale: 4)
            guard !rate.isNegative && rate <= .hundred else {
                throw record.problem("rate", "rate \(rate) is not between 0 and 100")
            }
            batch.taxCodes.append(
                TaxCode(
                    id: try record.string("tax_code"), country: try record.string("country"),
                    category: try record.choice("category", TaxCategory.self), rate: rate,
                    description: try record.string("description"), glAccount: try record.string("gl_account"),
                    exemptionReason: record.optionalString("exemption_reason"),
                    exemptionReasonCode: record.optionalString("exemption_reason_code")))
        case .taxDetermination:
            batch.taxDetermination.append(
                TaxDeterminationRule(
                    country: try record.string("country"),
                    accountTaxClassification: try record.string("account_tax_classification"),
                    materialTaxClassification: try record.string("material_tax_classification"),
                    taxCode: try record.string("tax_code")))
        case .accountDetermination:
            batch.accountDetermination.append(
                AccountDeterminationRule(
                    chartOfAccounts: try record.string("chart_of_accounts"),
                    salesOrganisation: try record.string("sales_organisation"),
                    companyCode: record.optionalString("company_code") ?? AccountDeterminationRule.wildcard,
                    accountGroup: try record.string("account_group"),
                    materialGroup: try record.string("material_group"),
                    accountKey: try record.choice("account_key", AccountKey.self),
                    glAccount: try record.string("gl_account")))
        case .priceCondition:
            try addPriceCondition(record)
        case .billingPlan:
            try billingPlans.add(record)
        case .milestonePlan:
            try milestonePlans.add(record)
        case .milestoneConfirmation:
            try milestonePlans.addConfirmation(record)
        case .rebateAgreement:
            try rebateAgreements.add(record)
        case .sourceDocument:
            preconditionFailure("source documents are not master data")
        }
    }

    /// Where each milestone confirmation of `finish()` stands in its file, in the same order.
    public var milestoneConfirmationSites: [MilestoneConfirmationSite] { milestonePlans.confirmationSites }

    /// The batch with the collected price conditions.
    public func finish() -> MasterDataBatch {
        var result = batch
        result.priceConditions = conditionOrder.compactMap { conditions[$0] }
        result.billingPlans = billingPlans.plansInOrder
        result.milestonePlans = milestonePlans.plansInOrder
        result.milestoneConfirmations = milestonePlans.confirmations
        result.rebateAgreements = rebateAgreements.agreementsInOrder
        return result
    }

    /// One row per scale level: rows with the same condition id add levels to one condition.
    private mutating func addPriceCondition(_ record: FieldRecord) throws(ImportDiagnostic) {
        let id = try record.string("condition_id")
        let kind = try record.choice("kind", PriceCondition.Kind.self)
        let calculation = try record.choice("calculation", PriceCondition.Calculation.self)
        if kind == .price && calculation != .amount {
            throw record.problem("calculation", "a price is an amount, not a percentage")
        }
        let validFrom = try record.date("valid_from")
        let validTo = try record.date("valid_to")
        guard validFrom <= validTo else {
            throw record.problem("valid_to", "valid_to \(validTo) is before valid_from \(validFrom)")
        }
        let currency = try record.optionalCurrency("currency")
        if calculation == .amount && currency == nil {
            throw record.problem("currency", "an amount condition needs a currency")
        }
        let value = try record.decimal("value", maxScale: 6)
        let priceUnit = try record.optionalDecimal("price_unit", maxScale: 3) ?? .one
        guard priceUnit.significand > 0 else { throw record.problem("price_unit", "price unit must be positive") }
        let level = PriceCondition.ScaleLevel(
            fromQuantity: try record.optionalDecimal("scale_from") ?? .zero, value: value)
        let condition = PriceCondition(
            id: id, kind: kind, calculation: calculation, material: record.optionalString("material"),
            account: record.optionalString("account"), validFrom: validFrom, validTo: validTo, currency: currency,
            priceUnit: priceUnit, scale: [level])
        guard var existing = conditions[id] else {
            conditions[id] = condition
            conditionOrder.append(id)
            return
        }
        var comparable = existing
        comparable.scale = condition.scale
        guard comparable == condition else {
            throw record.problem("condition_id", "rows of condition \(id) differ in more than scale_from and value")
        }
        guard !existing.scale.contains(where: { $0.fromQuantity == level.fromQuantity }) else {
            throw record.problem("scale_from", "condition \(id) has two levels from \(level.fromQuantity)")
        }
        existing.scale = (existing.scale + [level]).sorted { $0.fromQuantity < $1.fromQuantity }
        conditions[id] = existing
    }

    /// The contact point of a company code, when any of its three fields is given.
    private func contact(_ record: FieldRecord) -> Contact? {
        let fields = ["contact_name", "contact_phone", "contact_email"].map { record.optionalString($0) }
        guard fields.contains(where: { $0 != nil }) else { return nil }
        return Contact(name: fields[0] ?? "", phone: fields[1] ?? "", email: fields[2] ?? "")
    }

    private func electronicAddress(_ record: FieldRecord) throws(ImportDiagnostic) -> ElectronicAddress? {
        guard let text = record.optionalString(Key.electronicAddress) else { return nil }
        guard let address = Self.electronicAddress(text) else {
            throw record.problem(
                Key.electronicAddress,
                "'\(text)' is not SCHEME:IDENTIFIER with an EAS scheme, e.g. 9930:DE811907980")
        }
        return address
    }

    /// `ElectronicAddress(text)`, read byte by byte when `text` is ASCII (nearly always): the
    /// initializer works on `Character`s, which cost 18,000 instructions an account. For ASCII
    /// the two agree: a character is one byte (CR LF aside, which neither rule lets through),
    /// the letters and digits are `A-Z`, `a-z`, `0-9`, and the white space is tab, line feed,
    /// vertical tab, form feed, return and space. A test holds them together.
    static func electronicAddress(_ text: String) -> ElectronicAddress? {
        // The scheme's length in bytes, 0 when the text is no address; nil when it is not ASCII.
        let schemeLength: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return 0 }
            let scheme = bytes[..<colon]
            let identifier = bytes[(colon + 1)...]
            let isLetterOrDigit = { (byte: UInt8) in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            }
            let isWhitespace = { (byte: UInt8) in byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) }
            guard (2...4).contains(scheme.count), scheme.allSatisfy(isLetterOrDigit), !identifier.isEmpty,
                !identifier.contains(where: isWhitespace)
            else { return 0 }
            return scheme.count
        }
        // Not ASCII, or not contiguous UTF-8: the initializer decides.
        guard let schemeLength, let schemeLength else { return ElectronicAddress(text) }
        guard schemeLength > 0 else { return nil }
        let utf8 = text.utf8
        let colon = utf8.index(utf8.startIndex, offsetBy: schemeLength)
        return ElectronicAddress(scheme: String(text[..<colon]), identifier: String(text[utf8.index(after: colon)...]))
    }

    /// `ubl`, `cii`, `edifact`, `x12` or several, separated by spaces, commas or `|`; empty for none.
    private func invoiceFormats(_ record: FieldRecord) throws(ImportDiagnostic) -> [EInvoiceFormat] {
        guard let text = record.optionalString(Key.invoiceFormats) else { return [] }
        // One format as its name is the common case, and needs no splitting.
        if let format = EInvoiceFormat(rawValue: text) { return [format] }
        var formats: [EInvoiceFormat] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" }) {
            guard let format = EInvoiceFormat(rawValue: word.lowercased()) else {
                throw record.problem(
                    "invoice_formats", "unknown e-invoice format '\(word)'; expected ubl, cii, edifact or x12")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    private func address(_ record: FieldRecord) throws(ImportDiagnostic) -> Address {
        let country = try record.string(Key.country)
        // Two characters, each an upper-case ASCII letter: two bytes `A-Z`.
        let isUpperLetter = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        guard country.utf8.count == 2, country.utf8.allSatisfy(isUpperLetter) else {
            throw record.problem(Key.country, "\"\(country)\" is not an ISO 3166 alpha-2 country code")
        }
        return Address(
            name: try record.string(Key.name), street: try record.string(Key.street),
            postalCode: try record.string(Key.postalCode), city: try record.string(Key.city), country: country)
    }

    private func language(_ record: FieldRecord) throws(ImportDiagnostic) -> String {
        let language = try record.string(Key.language)
        guard language == "en" || language == "de" else {
            throw record.problem(Key.language, "language \"\(language)\" has no print layout (en, de)")
        }
        return language
    }
}

extension MasterDataDecoder {
    /// The fields of contract accounts and addresses, named once per process: a key made from
    /// a literal is normalized and looked up on every use, which cost 1,600 instructions a field.
    enum Key {
        static let account: FieldKey = "account"
        static let companyCode: FieldKey = "company_code"
        static let vatID: FieldKey = "vat_id"
        static let language: FieldKey = "language"
        static let currency: FieldKey = "currency"
        static let paymentTerms: FieldKey = "payment_terms"
        static let invoicingCategory: FieldKey = "invoicing_category"
        static let taxClassification: FieldKey = "tax_classification"
        static let accountAssignmentGroup: FieldKey = "account_assignment_group"
        static let electronicAddress: FieldKey = "electronic_address"
        static let invoiceFormats: FieldKey = "invoice_formats"
        static let invoiceListCalendar: FieldKey = "invoice_list_calendar"
        static let country: FieldKey = "country"
        static let name: FieldKey = "name"
        static let street: FieldKey = "street"
        static let postalCode: FieldKey = "postal_code"
        static let city: FieldKey = "city"
    }
}
