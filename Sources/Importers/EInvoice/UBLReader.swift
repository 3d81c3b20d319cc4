internal import InvoicingCore
internal import XMLSupport

/// Reads a UBL 2.1 Invoice or CreditNote (EN 16931) into the canonical ``Invoice``: what
/// ``UBLInvoice`` writes comes back whole, so writing it again gives the same document.
///
/// Tax codes are named after the VAT category and rate (`S19`, `Z0`); G/L accounts, chart of
/// accounts and the like are empty, because a partner's invoice does not carry them. Business
/// terms the model cannot carry are listed in ``EInvoiceReading/notCarried``; totals that do not
/// follow from the amounts read (BR-CO-13, BR-CO-16) refuse the file.
public enum UBLReader {
    static let namespaces = [
        "inv": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
        "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
        "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    ]

    /// Terms the canonical model does not carry, by the element that holds them.
    static let notCarriedTerms: [(String, String)] = [
        ("cbc:Note", "invoice note (BT-22)"), ("cbc:TaxPointDate", "VAT point date (BT-7)"),
        ("cbc:TaxCurrencyCode", "VAT accounting currency (BT-6)"),
        ("cbc:AccountingCost", "buyer accounting reference (BT-19)"),
        ("cac:InvoicePeriod", "invoicing period (BG-14)"),
        ("cac:ContractDocumentReference", "contract reference (BT-12)"),
        ("cac:AdditionalDocumentReference", "supporting documents (BG-24)"),
        ("cac:ProjectReference", "project reference (BT-11)"),
        ("cac:ReceiptDocumentReference", "receiving advice (BT-15)"),
        ("cac:OriginatorDocumentReference", "tender or lot (BT-17)"), ("cac:PayeeParty", "payee (BG-10)"),
        ("cac:TaxRepresentativeParty", "seller tax representative (BG-11)"), ("cac:Delivery", "delivery (BG-13)"),
        ("cac:PaymentMeans/cac:PaymentMandate", "direct debit (BG-19)"),
        ("cac:PaymentMeans/cac:CardAccount", "payment card (BG-18)"),
        (
            "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification[cbc:ID/@schemeID='SEPA']",
            "bank assigned creditor identifier (BT-90)"
        ),
        (
            "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification[not(cbc:ID/@schemeID='SEPA')][2]",
            "seller identifiers (BT-29) after the first"
        ),
        (
            "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm",
            "seller legal form (BT-33)"
        ),
        ("cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification", "buyer identifier (BT-46)"),
        (
            "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
            "buyer legal registration (BT-47)"
        ),
        ("cac:AccountingCustomerParty/cac:Party/cac:Contact", "buyer contact (BG-9)"),
        ("*/cac:InvoicePeriod", "invoice line period (BG-26)"), ("*/cbc:Note", "invoice line note (BT-127)"),
        ("*/cac:OrderLineReference", "referenced purchase order line (BT-132)"),
        ("*/cac:Item/cbc:Description", "item description (BT-154)"),
        ("*/cac:Item/cac:StandardItemIdentification", "item standard identifier (BT-157)"),
        ("*/cac:Item/cac:AdditionalItemProperty", "item attributes (BG-32)"),
        ("*/cac:Price/cac:AllowanceCharge", "item price discount and gross price (BT-147, BT-148)"),
    ]

    /// Reads the UBL document in `text`; `fileName` names it in diagnostics.
    public static func read(_ text: String, fileName: String) throws(ImportDiagnostic) -> EInvoiceReading {
        let tree: XMLTree
        do {
            tree = try XMLTree(text: text, fileName: fileName)
        } catch {
            throw ImportDiagnostic(file: fileName, line: error.line, column: error.column, message: error.message)
        }
        let query = XMLQuery(tree: tree, namespaces: namespaces)
        guard let root = tree.root else {
            throw ImportDiagnostic(file: fileName, line: 0, column: 0, message: "the document is empty")
        }
        let credit: Bool
        if try query.exists("/cn:CreditNote", in: root) {
            credit = true
        } else if try query.exists("/inv:Invoice", in: root) {
            credit = false
        } else {
            throw query.problem(root, "root", "not a UBL 2.1 Invoice or CreditNote")
        }
        return try UBLDocumentReader(query: query, root: root, credit: credit).read()
    }
}

/// One UBL document being read.
struct UBLDocumentReader {
    let query: XMLQuery
    let root: XMLTree.Node
    let credit: Bool

    func read() throws(ImportDiagnostic) -> EInvoiceReading {
        let currencyCode = try query.required("cbc:DocumentCurrencyCode", in: root, field: "BT-5")
        guard let currency = Currency(code: currencyCode) else {
            throw query.problem(root, "BT-5", "unknown currency \(currencyCode)")
        }
        let sign: (Money) -> Money = { [credit] in credit ? $0.negated : $0 }
        let number = try query.required("cbc:ID", in: root, field: "BT-1")
        guard let issued = try query.date(try query.text("cbc:IssueDate", in: root), node: root, field: "BT-2") else {
            throw query.problem(root, "BT-2", "cbc:IssueDate is missing")
        }
        var dueText = try query.text("cbc:DueDate", in: root)
        if dueText == nil { dueText = try query.text("cac:PaymentMeans/cbc:PaymentDueDate", in: root) }
        let due = try query.date(dueText, node: root, field: "BT-9") ?? issued
        var notCarried: [String] = []
        for (path, term) in UBLReader.notCarriedTerms {
            let full =
                path.hasPrefix("*/") ? (credit ? "cac:CreditNoteLine" : "cac:InvoiceLine") + path.dropFirst(1) : path
            if try query.exists(full, in: root) { notCarried.append(term) }
        }
        let documentLevel = try documentAllowanceCharges(currency: currency, sign: sign)

        let lines = try (try query.nodes(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine", in: root)).enumerated()
            .map { (index, node) throws(ImportDiagnostic) in
                try line(node, index: index, currency: currency, sign: sign)
            }
        let taxes = try (try query.nodes("cac:TaxTotal[cac:TaxSubtotal]/cac:TaxSubtotal", in: root)).map {
            (node) throws(ImportDiagnostic) in
            let category = try self.category(
                try query.required("cac:TaxCategory/cbc:ID", in: node, field: "BT-118"), node)
            let rate = try query.decimal("cac:TaxCategory/cbc:Percent", in: node, field: "BT-119") ?? .zero
            return TaxSubtotal(
                taxCode: Self.taxCode(category, rate), category: category, rate: rate,
                taxableAmount: sign(
                    try query.requiredMoney("cbc:TaxableAmount", in: node, currency: currency, field: "BT-116")),
                taxAmount: sign(
                    try query.requiredMoney("cbc:TaxAmount", in: node, currency: currency, field: "BT-117")),
                exemptionReason: try query.text("cac:TaxCategory/cbc:TaxExemptionReason", in: node), glAccount: "",
                exemptionReasonCode: try query.text("cac:TaxCategory/cbc:TaxExemptionReasonCode", in: node))
        }
        let totals = "cac:LegalMonetaryTotal/"
        let terms = try query.text("cac:PaymentTerms/cbc:Note", in: root) ?? ""
        let invoice = Invoice(
            number: number, kind: Invoice.Kind(eInvoiceTypeCode: try query.text("cbc:InvoiceTypeCode", in: root)),
            runID: "", process: "", invoicingType: "", invoiceDate: issued,
            dueDate: due, seller: try seller(currency: currency), buyer: try buyer(currency: currency),
            currency: currency,
            paymentTerms: PaymentTerms(id: "", description: terms, netDays: due.daysSinceEpoch - issued.daysSinceEpoch),
            lines: lines, taxes: taxes.sorted { $0.taxCode < $1.taxCode },  // code order, as the run makes them
            netTotal: sign(
                try query.requiredMoney(
                    totals + "cbc:LineExtensionAmount", in: root, currency: currency, field: "BT-106")),
            taxTotal: sign(
                try query.money(
                    "cac:TaxTotal[cac:TaxSubtotal]/cbc:TaxAmount", in: root, currency: currency, field: "BT-110")
                    ?? .zero(currency)),
            grossTotal: sign(
                try query.requiredMoney(
                    totals + "cbc:TaxInclusiveAmount", in: root, currency: currency, field: "BT-112")),
            postingNumber: "", simulated: false, documentAllowanceCharges: documentLevel,
            prepaidAmount: try query.money(totals + "cbc:PrepaidAmount", in: root, currency: currency, field: "BT-113")
                .flatMap { $0.isZero ? nil : sign($0) },
            roundingAmount: try query.money(
                totals + "cbc:PayableRoundingAmount", in: root, currency: currency, field: "BT-114"
            ).flatMap { $0.isZero ? nil : sign($0) },
            reference: try query.text("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", in: root))
        try EInvoiceTotals.verify(
            invoice, node: root, query: query,
            taxExclusive: sign(
                try query.requiredMoney(
                    totals + "cbc:TaxExclusiveAmount", in: root, currency: currency, field: "BT-109")),
            payable: sign(
                try query.requiredMoney(totals + "cbc:PayableAmount", in: root, currency: currency, field: "BT-115")))
        return EInvoiceReading(format: .ubl, invoice: invoice, notCarried: notCarried)
    }

    private func documentAllowanceCharges(currency: Currency, sign: (Money) -> Money) throws(ImportDiagnostic)
        -> [DocumentAllowanceCharge]
    {
        try (try query.nodes("cac:AllowanceCharge", in: root)).map { (node) throws(ImportDiagnostic) in
            let isCharge = try query.text("cbc:ChargeIndicator", in: node) == "true"
            let amount = try query.requiredMoney("cbc:Amount", in: node, currency: currency, field: "BT-92")
            let category = try self.category(
                try query.required("cac:TaxCategory/cbc:ID", in: node, field: "BT-95"), node)
            return DocumentAllowanceCharge(
                isCharge: isCharge != credit, amount: sign(isCharge ? amount : amount.negated),
                reason: try query.text("cbc:AllowanceChargeReason", in: node),
                reasonCode: try query.text("cbc:AllowanceChargeReasonCode", in: node),
                percentage: try query.decimal("cbc:MultiplierFactorNumeric", in: node, field: "BT-94"),
                baseAmount: try query.money("cbc:BaseAmount", in: node, currency: currency, field: "BT-93"),
                category: category,
                rate: try query.decimal("cac:TaxCategory/cbc:Percent", in: node, field: "BT-96") ?? .zero)
        }
    }

    private func line(
        _ node: XMLTree.Node, index: Int, currency: Currency, sign: (Money) -> Money
    ) throws(ImportDiagnostic) -> InvoiceLine {
        let quantityPath = credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"
        guard var quantity = try query.decimal(quantityPath, in: node, field: "BT-129") else {
            throw query.problem(node, "BT-129", "\(quantityPath) is missing")
        }
        if credit { quantity = quantity.negated }
        let net = sign(
            try query.requiredMoney("cbc:LineExtensionAmount", in: node, currency: currency, field: "BT-131"))
        var conditions: [AppliedCondition] = []
        var base = net
        for charge in try query.nodes("cac:AllowanceCharge", in: node) {
            let isCharge = try query.text("cbc:ChargeIndicator", in: charge) == "true"
            let written = try query.requiredMoney("cbc:Amount", in: charge, currency: currency, field: "BT-136")
            let amount = sign(isCharge ? written : written.negated)
            do {
                base = try base.subtracting(amount)
            } catch {
                throw query.problem(charge, "BT-136", "\(error)")
            }
            let percent = try query.decimal("cbc:MultiplierFactorNumeric", in: charge, field: "BT-138")
            let reason = try query.text("cbc:AllowanceChargeReason", in: charge) ?? ""
            conditions.append(
                Self.condition(
                    reason: reason, isCharge: isCharge != credit, amount: amount, percent: percent,
                    base: try query.money("cbc:BaseAmount", in: charge, currency: currency, field: "BT-137")))
        }
        let category = try self.category(
            try query.required("cac:Item/cac:ClassifiedTaxCategory/cbc:ID", in: node, field: "BT-151"), node)
        let rate =
            try query.decimal("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", in: node, field: "BT-152") ?? .zero
        let (document, item) = Self.invoicedObject(
            try query.text("cac:DocumentReference[cbc:DocumentTypeCode='130']/cbc:ID", in: node))
        return InvoiceLine(
            number: Int(try query.required("cbc:ID", in: node, field: "BT-126")) ?? (index + 1),
            sourceDocument: document, sourceItem: item,
            referenceOrder: try query.text("/*/cac:OrderReference/cbc:ID", in: node),
            referenceDelivery: try query.text("/*/cac:DespatchDocumentReference/cbc:ID", in: node),
            material: try query.text("cac:Item/cac:SellersItemIdentification/cbc:ID", in: node) ?? "",
            description: try query.text("cac:Item/cbc:Name", in: node) ?? "", quantity: quantity,
            unit: try query.text(quantityPath + "/@unitCode", in: node) ?? "C62",
            unitPrice: try query.decimal("cac:Price/cbc:PriceAmount", in: node, field: "BT-146") ?? .zero,
            priceUnit: try query.decimal("cac:Price/cbc:BaseQuantity", in: node, field: "BT-149") ?? .one,
            priceSource: .document, baseAmount: base, conditions: conditions, netAmount: net,
            taxCode: Self.taxCode(category, rate), taxCategory: category, taxRate: rate, revenueAccount: "")
    }

    private func seller(currency: Currency) throws(ImportDiagnostic) -> CompanyCode {
        let party = "cac:AccountingSupplierParty/cac:Party/"
        let contact: Contact? =
            try query.exists(party + "cac:Contact", in: root)
            ? Contact(
                name: try query.text(party + "cac:Contact/cbc:Name", in: root) ?? "",
                phone: try query.text(party + "cac:Contact/cbc:Telephone", in: root) ?? "",
                email: try query.text(party + "cac:Contact/cbc:ElectronicMail", in: root) ?? "") : nil
        let account = "cac:PaymentMeans/cac:PayeeFinancialAccount/"
        return CompanyCode(
            id: "", address: try address(party), currency: currency,
            vatID: try query.text(party + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID", in: root)
                ?? "",
            bankAccount: BankAccount(
                iban: try query.text(account + "cbc:ID", in: root) ?? "",
                bic: try query.text(account + "cac:FinancialInstitutionBranch/cbc:ID", in: root) ?? "",
                bankName: ""),
            chartOfAccounts: "", salesOrganisation: "", contact: contact,
            electronicAddress: try endpoint(party),
            identifier: try identifier(
                party + "cac:PartyIdentification[not(cbc:ID/@schemeID='SEPA')]/cbc:ID"),
            legalRegistration: try identifier(party + "cac:PartyLegalEntity/cbc:CompanyID"))
    }

    /// The first identifier at `path` with its `schemeID`, nil when absent or empty.
    private func identifier(_ path: String) throws(ImportDiagnostic) -> PartyIdentifier? {
        guard let id = try query.text(path, in: root), !id.isEmpty else { return nil }
        return PartyIdentifier(identifier: id, scheme: try query.text(path + "/@schemeID", in: root))
    }

    private func buyer(currency: Currency) throws(ImportDiagnostic) -> ContractAccount {
        let party = "cac:AccountingCustomerParty/cac:Party/"
        return ContractAccount(
            id: try query.text("cbc:BuyerReference", in: root) ?? "", companyCode: "", address: try address(party),
            vatID: try query.text(party + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID", in: root),
            language: "en", currency: currency, paymentTerms: "", invoicingCategory: "", taxClassification: "",
            accountAssignmentGroup: "", electronicAddress: try endpoint(party))
    }

    private func endpoint(_ party: String) throws(ImportDiagnostic) -> ElectronicAddress? {
        guard let id = try query.text(party + "cbc:EndpointID", in: root),
            let scheme = try query.text(party + "cbc:EndpointID/@schemeID", in: root)
        else { return nil }
        return ElectronicAddress(scheme: scheme, identifier: id)
    }

    private func address(_ party: String) throws(ImportDiagnostic) -> Address {
        var name = try query.text(party + "cac:PartyLegalEntity/cbc:RegistrationName", in: root)
        if name == nil { name = try query.text(party + "cac:PartyName/cbc:Name", in: root) }
        return Address(
            name: name ?? "",
            street: try query.text(party + "cac:PostalAddress/cbc:StreetName", in: root) ?? "",
            postalCode: try query.text(party + "cac:PostalAddress/cbc:PostalZone", in: root) ?? "",
            city: try query.text(party + "cac:PostalAddress/cbc:CityName", in: root) ?? "",
            country: try query.text(party + "cac:PostalAddress/cac:Country/cbc:IdentificationCode", in: root) ?? "")
    }

    private func category(_ code: String, _ node: XMLTree.Node) throws(ImportDiagnostic) -> TaxCategory {
        guard let category = TaxCategory(rawValue: code) else {
            throw query.problem(
                node, "BT-151", "VAT category \(code) is not supported (\(TaxCategory.codeList))")
        }
        return category
    }

    /// `S19`, `Z0`, `S7.5`: the tax code a read VAT category and rate stand for.
    static func taxCode(_ category: TaxCategory, _ rate: FixedDecimal) -> String {
        category.rawValue + rate.normalized.description
    }

    /// `DOCUMENT/ITEM` as InvoiceRun writes the invoiced object (BT-128); anything else is a document id.
    static func invoicedObject(_ text: String?) -> (String, Int) {
        guard let text else { return ("", 0) }
        if let slash = text.lastIndex(of: "/"), let item = Int(text[text.index(after: slash)...]) {
            return (String(text[..<slash]), item)
        }
        return (text, 0)
    }

    /// A line allowance or charge as a condition: `discount ID` / `surcharge ID` as InvoiceRun writes them.
    static func condition(
        reason: String, isCharge: Bool, amount: Money, percent: FixedDecimal?, base: Money?
    ) -> AppliedCondition {
        var kind: PriceCondition.Kind = (amount.isZero ? !isCharge : amount.isNegative) ? .discount : .surcharge
        var id = reason
        for candidate in [PriceCondition.Kind.discount, .surcharge] where reason.hasPrefix(candidate.rawValue + " ") {
            kind = candidate
            id = String(reason.dropFirst(candidate.rawValue.count + 1))
        }
        return AppliedCondition(
            conditionID: id, kind: kind, calculation: percent == nil ? .amount : .percent,
            value: percent ?? amount.magnitude.decimal, amount: amount,
            accountKey: kind == .discount ? .deductions : .surcharges, glAccount: "", baseAmount: base)
    }
}
