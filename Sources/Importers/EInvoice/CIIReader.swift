internal import InvoicingCore
internal import XMLSupport

/// Reads a UN/CEFACT Cross Industry Invoice D16B (EN 16931) into the canonical ``Invoice``, with
/// the same model and the same limits as ``UBLReader``: what ``CIIInvoice`` writes comes back whole.
public enum CIIReader {
    static let namespaces = [
        "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
        "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
        "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    ]

    static let transaction = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/"
    static let agreement = transaction + "ram:ApplicableHeaderTradeAgreement/"
    static let settlement = transaction + "ram:ApplicableHeaderTradeSettlement/"
    static let lineItem = transaction + "ram:IncludedSupplyChainTradeLineItem/"

    /// Terms the canonical model does not carry, by the element that holds them.
    static let notCarriedTerms: [(String, String)] = [
        ("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote", "invoice note (BT-22)"),
        (settlement + "ram:TaxCurrencyCode", "VAT accounting currency (BT-6)"),
        (settlement + "ram:BillingSpecifiedPeriod", "invoicing period (BG-14)"),
        (settlement + "ram:PayeeTradeParty", "payee (BG-10)"),
        (settlement + "ram:ReceivableSpecifiedTradeAccountingAccount", "buyer accounting reference (BT-19)"),
        (
            settlement + "ram:SpecifiedTradeSettlementPaymentMeans/ram:ApplicableTradeSettlementFinancialCard",
            "payment card (BG-18)"
        ),
        (settlement + "ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID", "direct debit (BG-19)"),
        (agreement + "ram:ContractReferencedDocument", "contract reference (BT-12)"),
        (agreement + "ram:AdditionalReferencedDocument", "supporting documents (BG-24)"),
        (agreement + "ram:SpecifiedProcuringProject", "project reference (BT-11)"),
        (agreement + "ram:SellerTaxRepresentativeTradeParty", "seller tax representative (BG-11)"),
        (agreement + "ram:SellerTradeParty/ram:ID[2]", "seller identifiers (BT-29) after the first"),
        (agreement + "ram:SellerTradeParty/ram:GlobalID[2]", "seller identifiers (BT-29) after the first"),
        (agreement + "ram:SellerTradeParty[ram:ID]/ram:GlobalID", "seller identifiers (BT-29) after the first"),
        (
            agreement + "ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:TradingBusinessName",
            "seller trading name (BT-28)"
        ),
        (agreement + "ram:SellerTradeParty/ram:Description", "seller legal form (BT-33)"),
        (settlement + "ram:CreditorReferenceID", "bank assigned creditor identifier (BT-90)"),
        (agreement + "ram:BuyerTradeParty/ram:ID", "buyer identifier (BT-46)"),
        (agreement + "ram:BuyerTradeParty/ram:GlobalID", "buyer identifier (BT-46)"),
        (agreement + "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization", "buyer legal registration (BT-47)"),
        (agreement + "ram:BuyerTradeParty/ram:DefinedTradeContact", "buyer contact (BG-9)"),
        (transaction + "ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty", "delivery (BG-13)"),
        (transaction + "ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent", "delivery (BG-13)"),
        (lineItem + "ram:AssociatedDocumentLineDocument/ram:IncludedNote", "invoice line note (BT-127)"),
        (lineItem + "ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod", "invoice line period (BG-26)"),
        (
            lineItem + "ram:SpecifiedLineTradeAgreement/ram:BuyerOrderReferencedDocument",
            "referenced purchase order line (BT-132)"
        ),
        (lineItem + "ram:SpecifiedTradeProduct/ram:Description", "item description (BT-154)"),
        (lineItem + "ram:SpecifiedTradeProduct/ram:GlobalID", "item standard identifier (BT-157)"),
        (lineItem + "ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic", "item attributes (BG-32)"),
        (
            lineItem + "ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice",
            "item price discount and gross price (BT-147, BT-148)"
        ),
    ]

    /// Reads the CII document in `text`; `fileName` names it in diagnostics.
    public static func read(_ text: String, fileName: String) throws(ImportDiagnostic) -> EInvoiceReading {
        let tree: XMLTree
        do {
            tree = try XMLTree(text: text, fileName: fileName)
        } catch {
            throw ImportDiagnostic(file: fileName, line: error.line, column: error.column, message: error.message)
        }
        let query = XMLQuery(tree: tree, namespaces: namespaces)
        guard let root = tree.root, try query.exists("/rsm:CrossIndustryInvoice", in: root) else {
            throw ImportDiagnostic(
                file: fileName, line: 0, column: 0, message: "not a UN/CEFACT CrossIndustryInvoice (D16B)")
        }
        return try CIIDocumentReader(query: query, root: root).read()
    }
}

/// One CII document being read.
struct CIIDocumentReader {
    let query: XMLQuery
    let root: XMLTree.Node

    func read() throws(ImportDiagnostic) -> EInvoiceReading {
        let settlement = CIIReader.settlement
        let currencyCode = try query.required(settlement + "ram:InvoiceCurrencyCode", in: root, field: "BT-5")
        guard let currency = Currency(code: currencyCode) else {
            throw query.problem(root, "BT-5", "unknown currency \(currencyCode)")
        }
        let document = "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/"
        let typeCode = try query.required(document + "ram:TypeCode", in: root, field: "BT-3")
        let credit = typeCode == "381"
        let sign: (Money) -> Money = { credit ? $0.negated : $0 }
        let number = try query.required(document + "ram:ID", in: root, field: "BT-1")
        guard
            let issued = try query.date(
                try query.text(document + "ram:IssueDateTime/udt:DateTimeString", in: root), node: root, field: "BT-2")
        else {
            throw query.problem(root, "BT-2", "IssueDateTime is missing")
        }
        let due =
            try query.date(
                try query.text(
                    settlement + "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString", in: root),
                node: root, field: "BT-9") ?? issued
        var notCarried: [String] = []
        for (path, term) in CIIReader.notCarriedTerms where try query.exists(path, in: root) {
            if !notCarried.contains(term) { notCarried.append(term) }
        }
        let summation = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
        let documentLevel = try (try query.nodes(settlement + "ram:SpecifiedTradeAllowanceCharge", in: root)).map {
            (node) throws(ImportDiagnostic) in
            let isCharge = try query.text("ram:ChargeIndicator/udt:Indicator", in: node) == "true"
            let amount = try query.requiredMoney("ram:ActualAmount", in: node, currency: currency, field: "BT-92")
            return DocumentAllowanceCharge(
                isCharge: isCharge != credit, amount: sign(isCharge ? amount : amount.negated),
                reason: try query.text("ram:Reason", in: node),
                reasonCode: try query.text("ram:ReasonCode", in: node),
                percentage: try query.decimal("ram:CalculationPercent", in: node, field: "BT-94"),
                baseAmount: try query.money("ram:BasisAmount", in: node, currency: currency, field: "BT-93"),
                category: try self.category(
                    try query.required("ram:CategoryTradeTax/ram:CategoryCode", in: node, field: "BT-95"), node),
                rate: try query.decimal("ram:CategoryTradeTax/ram:RateApplicablePercent", in: node, field: "BT-96")
                    ?? .zero)
        }
        let lines = try (try query.nodes(CIIReader.transaction + "ram:IncludedSupplyChainTradeLineItem", in: root))
            .enumerated().map { (index, node) throws(ImportDiagnostic) in
                try line(node, index: index, currency: currency, credit: credit)
            }
        let taxes = try (try query.nodes(settlement + "ram:ApplicableTradeTax", in: root)).map {
            (node) throws(ImportDiagnostic) in
            let category = try self.category(try query.required("ram:CategoryCode", in: node, field: "BT-118"), node)
            let rate = try query.decimal("ram:RateApplicablePercent", in: node, field: "BT-119") ?? .zero
            return TaxSubtotal(
                taxCode: UBLDocumentReader.taxCode(category, rate), category: category, rate: rate,
                taxableAmount: sign(
                    try query.requiredMoney("ram:BasisAmount", in: node, currency: currency, field: "BT-116")),
                taxAmount: sign(
                    try query.requiredMoney("ram:CalculatedAmount", in: node, currency: currency, field: "BT-117")),
                exemptionReason: try query.text("ram:ExemptionReason", in: node), glAccount: "",
                exemptionReasonCode: try query.text("ram:ExemptionReasonCode", in: node))
        }
        let terms = try query.text(settlement + "ram:SpecifiedTradePaymentTerms/ram:Description", in: root) ?? ""
        let invoice = Invoice(
            number: number, kind: Invoice.Kind(eInvoiceTypeCode: typeCode), runID: "", process: "", invoicingType: "",
            invoiceDate: issued,
            dueDate: due, seller: try seller(currency: currency), buyer: try buyer(currency: currency),
            currency: currency,
            paymentTerms: PaymentTerms(id: "", description: terms, netDays: due.daysSinceEpoch - issued.daysSinceEpoch),
            lines: lines, taxes: taxes.sorted { $0.taxCode < $1.taxCode },  // code order, as the run makes them
            netTotal: sign(
                try query.requiredMoney(
                    summation + "ram:LineTotalAmount", in: root, currency: currency, field: "BT-106")),
            taxTotal: sign(
                try query.money(
                    summation + "ram:TaxTotalAmount[@currencyID='\(currency.code)']", in: root, currency: currency,
                    field: "BT-110")
                    ?? .zero(currency)),
            grossTotal: sign(
                try query.requiredMoney(
                    summation + "ram:GrandTotalAmount", in: root, currency: currency, field: "BT-112")),
            postingNumber: "", simulated: false, documentAllowanceCharges: documentLevel,
            prepaidAmount: try query.money(
                summation + "ram:TotalPrepaidAmount", in: root, currency: currency, field: "BT-113"
            ).flatMap { $0.isZero ? nil : sign($0) },
            roundingAmount: try query.money(
                summation + "ram:RoundingAmount", in: root, currency: currency, field: "BT-114"
            )
            .flatMap { $0.isZero ? nil : sign($0) },
            reference: try query.text(
                settlement + "ram:InvoiceReferencedDocument/ram:IssuerAssignedID", in: root))
        try EInvoiceTotals.verify(
            invoice, node: root, query: query,
            taxExclusive: sign(
                try query.requiredMoney(
                    summation + "ram:TaxBasisTotalAmount", in: root, currency: currency, field: "BT-109")),
            payable: sign(
                try query.requiredMoney(
                    summation + "ram:DuePayableAmount", in: root, currency: currency, field: "BT-115")))
        return EInvoiceReading(format: .cii, invoice: invoice, notCarried: notCarried)
    }

    private func line(
        _ node: XMLTree.Node, index: Int, currency: Currency, credit: Bool
    ) throws(ImportDiagnostic) -> InvoiceLine {
        let sign: (Money) -> Money = { credit ? $0.negated : $0 }
        let quantityPath = "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"
        guard var quantity = try query.decimal(quantityPath, in: node, field: "BT-129") else {
            throw query.problem(node, "BT-129", "BilledQuantity is missing")
        }
        if credit { quantity = quantity.negated }
        let settlement = "ram:SpecifiedLineTradeSettlement/"
        let net = sign(
            try query.requiredMoney(
                settlement + "ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", in: node,
                currency: currency, field: "BT-131"))
        var conditions: [AppliedCondition] = []
        var base = net
        for charge in try query.nodes(settlement + "ram:SpecifiedTradeAllowanceCharge", in: node) {
            let isCharge = try query.text("ram:ChargeIndicator/udt:Indicator", in: charge) == "true"
            let written = try query.requiredMoney("ram:ActualAmount", in: charge, currency: currency, field: "BT-136")
            let amount = sign(isCharge ? written : written.negated)
            do {
                base = try base.subtracting(amount)
            } catch {
                throw query.problem(charge, "BT-136", "\(error)")
            }
            conditions.append(
                UBLDocumentReader.condition(
                    reason: try query.text("ram:Reason", in: charge) ?? "", isCharge: isCharge != credit,
                    amount: amount, percent: try query.decimal("ram:CalculationPercent", in: charge, field: "BT-138"),
                    base: try query.money("ram:BasisAmount", in: charge, currency: currency, field: "BT-137")))
        }
        let category = try self.category(
            try query.required(settlement + "ram:ApplicableTradeTax/ram:CategoryCode", in: node, field: "BT-151"), node)
        let rate =
            try query.decimal(
                settlement + "ram:ApplicableTradeTax/ram:RateApplicablePercent", in: node, field: "BT-152")
            ?? .zero
        let (document, item) = UBLDocumentReader.invoicedObject(
            try query.text(
                settlement + "ram:AdditionalReferencedDocument[ram:TypeCode='130']/ram:IssuerAssignedID", in: node))
        let price = "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/"
        return InvoiceLine(
            number: Int(try query.required("ram:AssociatedDocumentLineDocument/ram:LineID", in: node, field: "BT-126"))
                ?? (index + 1),
            sourceDocument: document, sourceItem: item,
            referenceOrder: try query.text(
                CIIReader.agreement + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID", in: node),
            referenceDelivery: try query.text(
                CIIReader.transaction
                    + "ram:ApplicableHeaderTradeDelivery/ram:DespatchAdviceReferencedDocument/ram:IssuerAssignedID",
                in: node),
            material: try query.text("ram:SpecifiedTradeProduct/ram:SellerAssignedID", in: node) ?? "",
            description: try query.text("ram:SpecifiedTradeProduct/ram:Name", in: node) ?? "", quantity: quantity,
            unit: try query.text(quantityPath + "/@unitCode", in: node) ?? "C62",
            unitPrice: try query.decimal(price + "ram:ChargeAmount", in: node, field: "BT-146") ?? .zero,
            priceUnit: try query.decimal(price + "ram:BasisQuantity", in: node, field: "BT-149") ?? .one,
            priceSource: .document, baseAmount: base, conditions: conditions, netAmount: net,
            taxCode: UBLDocumentReader.taxCode(category, rate), taxCategory: category, taxRate: rate,
            revenueAccount: "")
    }

    private func seller(currency: Currency) throws(ImportDiagnostic) -> CompanyCode {
        let party = CIIReader.agreement + "ram:SellerTradeParty/"
        let contactPath = party + "ram:DefinedTradeContact/"
        let contact: Contact? =
            try query.exists(party + "ram:DefinedTradeContact", in: root)
            ? Contact(
                name: try query.text(contactPath + "ram:PersonName", in: root) ?? "",
                phone: try query.text(contactPath + "ram:TelephoneUniversalCommunication/ram:CompleteNumber", in: root)
                    ?? "",
                email: try query.text(contactPath + "ram:EmailURIUniversalCommunication/ram:URIID", in: root) ?? "")
            : nil
        let means = CIIReader.settlement + "ram:SpecifiedTradeSettlementPaymentMeans/"
        var sellerIdentifier = try identifier(party + "ram:ID")
        if sellerIdentifier == nil { sellerIdentifier = try identifier(party + "ram:GlobalID") }
        return CompanyCode(
            id: "", address: try address(party), currency: currency,
            vatID: try query.text(party + "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']", in: root) ?? "",
            bankAccount: BankAccount(
                iban: try query.text(means + "ram:PayeePartyCreditorFinancialAccount/ram:IBANID", in: root) ?? "",
                bic: try query.text(means + "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID", in: root) ?? "",
                bankName: ""),
            chartOfAccounts: "", salesOrganisation: "", contact: contact,
            electronicAddress: try endpoint(party),
            identifier: sellerIdentifier,
            legalRegistration: try identifier(party + "ram:SpecifiedLegalOrganization/ram:ID"))
    }

    /// The first identifier at `path` with its `schemeID`, nil when absent or empty.
    private func identifier(_ path: String) throws(ImportDiagnostic) -> PartyIdentifier? {
        guard let id = try query.text(path, in: root), !id.isEmpty else { return nil }
        return PartyIdentifier(identifier: id, scheme: try query.text(path + "/@schemeID", in: root))
    }

    private func buyer(currency: Currency) throws(ImportDiagnostic) -> ContractAccount {
        let party = CIIReader.agreement + "ram:BuyerTradeParty/"
        return ContractAccount(
            id: try query.text(CIIReader.agreement + "ram:BuyerReference", in: root) ?? "", companyCode: "",
            address: try address(party),
            vatID: try query.text(party + "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']", in: root),
            language: "en", currency: currency, paymentTerms: "", invoicingCategory: "", taxClassification: "",
            accountAssignmentGroup: "", electronicAddress: try endpoint(party))
    }

    private func endpoint(_ party: String) throws(ImportDiagnostic) -> ElectronicAddress? {
        guard let id = try query.text(party + "ram:URIUniversalCommunication/ram:URIID", in: root),
            let scheme = try query.text(party + "ram:URIUniversalCommunication/ram:URIID/@schemeID", in: root)
        else { return nil }
        return ElectronicAddress(scheme: scheme, identifier: id)
    }

    private func address(_ party: String) throws(ImportDiagnostic) -> Address {
        let postal = party + "ram:PostalTradeAddress/"
        return Address(
            name: try query.text(party + "ram:Name", in: root) ?? "",
            street: try query.text(postal + "ram:LineOne", in: root) ?? "",
            postalCode: try query.text(postal + "ram:PostcodeCode", in: root) ?? "",
            city: try query.text(postal + "ram:CityName", in: root) ?? "",
            country: try query.text(postal + "ram:CountryID", in: root) ?? "")
    }

    private func category(_ code: String, _ node: XMLTree.Node) throws(ImportDiagnostic) -> TaxCategory {
        guard let category = TaxCategory(rawValue: code) else {
            throw query.problem(
                node, "BT-151", "VAT category \(code) is not supported (\(TaxCategory.codeList))")
        }
        return category
    }
}
