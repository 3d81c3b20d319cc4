public import InvoicingCore
internal import XMLSupport

/// OASIS UBL 2.1 Invoice and CreditNote following EN 16931 and PEPPOL BIS Billing 3.0
/// (`Schemas/ubl-2.1/`). The invoice is checked against the EN 16931 arithmetic first and
/// refused, naming the rule, when it breaks one.
///
/// Business terms written: number, dates, type, currency, buyer reference (the contract
/// account), order and delivery references, seller and buyer with electronic addresses, VAT
/// numbers and addresses, payment means with IBAN and BIC, payment terms, VAT breakdown with
/// exemption reasons, document totals, and per line the quantity in UN/ECE Rec 20 units, the
/// source document as the invoiced object, allowances and charges, item, VAT and price.
public enum UBLInvoice {
    /// The namespace of the UBL 2.1 Invoice document.
    public static let invoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    /// The namespace of the UBL 2.1 CreditNote document.
    public static let creditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    static let aggregateNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    static let basicNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"

    /// The rules a UBL document declares it follows (BT-24) besides the XSD.
    public enum Profile: String, Sendable, CaseIterable {
        /// PEPPOL BIS Billing 3.0 (the default): electronic addresses of both parties are required.
        case peppol
        /// Plain EN 16931, for partners outside PEPPOL.
        case en16931

        /// The specification identifier (BT-24).
        var customizationID: String {
            switch self {
            case .peppol: return EInvoiceDocument.customizationID
            case .en16931: return CIIInvoice.guideline
            }
        }
    }

    /// The UBL XML of `invoice`: an Invoice, or a CreditNote when the amount due is negative.
    public static func render(
        _ invoice: Invoice, check: EN16931Check, profile: Profile = .peppol
    ) throws(EInvoiceError) -> String {
        String(decoding: try encoded(invoice, check: check, profile: profile), as: UTF8.self)
    }

    /// The UBL XML of `invoice` as the UTF-8 bytes of its file, without making a `String` of it.
    static func encoded(
        _ invoice: Invoice, check: EN16931Check, profile: Profile = .peppol
    ) throws(EInvoiceError) -> [UInt8] {
        let document = try EInvoiceDocument(invoice, check: check)
        do {
            if profile == .en16931 { return try encoded(document, profile: profile) }
        } catch {
            throw EInvoiceError(invoice: invoice.number, rule: "XML", message: error.description)
        }
        if document.sellerAddress == nil {
            throw EInvoiceError(
                invoice: invoice.number, rule: "PEPPOL-EN16931-R020",
                message:
                    "the seller has no electronic address, and its VAT number '\(invoice.seller.vatID)' has no EAS scheme"
            )
        }
        if document.buyerAddress == nil {
            throw EInvoiceError(
                invoice: invoice.number, rule: "PEPPOL-EN16931-R010",
                message:
                    "the buyer has no electronic address: give the account an electronic_address or a VAT number")
        }
        do {
            return try encoded(document, profile: profile)
        } catch {
            throw EInvoiceError(invoice: invoice.number, rule: "XML", message: error.description)
        }
    }

    static func encoded(_ document: EInvoiceDocument, profile: Profile) throws(XMLWriterError) -> [UInt8] {
        var xml = XMLWriter(capacity: min(1 << 22, 8_192 + 1_536 * document.lines.count))
        let invoice = document.invoice
        let credit = document.isCreditNote
        let currency = invoice.currency
        func amount(_ name: XMLName, _ money: Money) throws(XMLWriterError) {
            try xml.element(name, money.decimal, attributes: ["currencyID": currency.code])
        }
        try xml.startElement(
            credit ? "CreditNote" : "Invoice",
            attributes: [
                "xmlns": credit ? creditNoteNamespace : invoiceNamespace, "xmlns:cac": aggregateNamespace,
                "xmlns:cbc": basicNamespace,
            ])
        try xml.element("cbc:CustomizationID", profile.customizationID)
        if profile == .peppol { try xml.element("cbc:ProfileID", EInvoiceDocument.profileID) }
        try xml.element("cbc:ID", invoice.number)
        try xml.element("cbc:IssueDate", invoice.invoiceDate)
        if !credit { try xml.element("cbc:DueDate", invoice.dueDate) }
        try xml.element(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", document.typeCode)
        try xml.element("cbc:DocumentCurrencyCode", currency.code)
        try optional("cbc:BuyerReference", invoice.buyer.id, &xml)
        if let order = document.orderReference {
            try xml.startElement("cac:OrderReference")
            try xml.element("cbc:ID", order)
            xml.endElement()
        }
        if let preceding = invoice.reference {
            // BG-3: the invoice a credit memo, debit memo or cancellation corrects.
            try xml.startElement("cac:BillingReference")
            try xml.startElement("cac:InvoiceDocumentReference")
            try xml.element("cbc:ID", preceding)
            xml.endElement()
            xml.endElement()
        }
        if let delivery = document.deliveryReference {
            try xml.startElement("cac:DespatchDocumentReference")
            try xml.element("cbc:ID", delivery)
            xml.endElement()
        }
        try party(
            "cac:AccountingSupplierParty", address: invoice.seller.address, endpoint: document.sellerAddress,
            vatID: invoice.seller.vatID, contact: invoice.seller.contact, identifier: invoice.seller.identifier,
            legalRegistration: invoice.seller.legalRegistration, &xml)
        try party(
            "cac:AccountingCustomerParty", address: invoice.buyer.address, endpoint: document.buyerAddress,
            vatID: invoice.buyer.vatID, contact: nil, &xml)
        try xml.startElement("cac:PaymentMeans")
        try xml.element("cbc:PaymentMeansCode", document.paymentMeansCode)
        // A credit note has no DueDate of its own: BT-9 goes here (EN 16931 UBL binding).
        if credit { try xml.element("cbc:PaymentDueDate", invoice.dueDate) }
        try xml.element("cbc:PaymentID", document.paymentReference)
        if !invoice.seller.bankAccount.iban.isEmpty {
            let bank = invoice.seller.bankAccount
            try xml.startElement("cac:PayeeFinancialAccount")
            try xml.element("cbc:ID", bank.iban)
            try optional("cbc:Name", invoice.seller.address.name, &xml)
            if !bank.bic.isEmpty {
                try xml.startElement("cac:FinancialInstitutionBranch")
                try xml.element("cbc:ID", bank.bic)
                xml.endElement()
            }
            xml.endElement()
        }
        xml.endElement()
        if !invoice.paymentTerms.description.isEmpty {
            try xml.startElement("cac:PaymentTerms")
            try xml.element("cbc:Note", invoice.paymentTerms.description)
            xml.endElement()
        }
        for item in document.amounts.allowanceCharges {
            try xml.startElement("cac:AllowanceCharge")
            try xml.element("cbc:ChargeIndicator", item.isCharge ? "true" : "false")
            if let code = item.reasonCode { try xml.element("cbc:AllowanceChargeReasonCode", code) }
            // A reason or its code is required (BR-33, BR-38).
            if let reason = item.reason ?? (item.reasonCode == nil ? (item.isCharge ? "Charge" : "Allowance") : nil) {
                try xml.element("cbc:AllowanceChargeReason", reason)
            }
            if let percentage = item.percentage {
                try xml.element("cbc:MultiplierFactorNumeric", percentage.normalized)
            }
            try amount("cbc:Amount", item.amount)
            if let base = item.baseAmount { try amount("cbc:BaseAmount", base) }
            try taxCategory("cac:TaxCategory", item.category, item.rate, reason: nil, &xml)
            xml.endElement()
        }
        let amounts = document.amounts
        try xml.startElement("cac:TaxTotal")
        try amount("cbc:TaxAmount", amounts.totals.taxTotal)
        for group in amounts.vatBreakdown {
            try xml.startElement("cac:TaxSubtotal")
            try amount("cbc:TaxableAmount", group.taxableAmount)
            try amount("cbc:TaxAmount", group.taxAmount)
            try taxCategory("cac:TaxCategory", group.category, group.rate, reason: group, &xml)
            xml.endElement()
        }
        xml.endElement()
        let totals = amounts.totals
        try xml.startElement("cac:LegalMonetaryTotal")
        try amount("cbc:LineExtensionAmount", totals.lineNetTotal)
        try amount("cbc:TaxExclusiveAmount", totals.taxExclusive)
        try amount("cbc:TaxInclusiveAmount", totals.taxInclusive)
        if !amounts.allowanceCharges.filter({ !$0.isCharge }).isEmpty {
            try amount("cbc:AllowanceTotalAmount", totals.allowanceTotal)
        }
        if !amounts.allowanceCharges.filter(\.isCharge).isEmpty {
            try amount("cbc:ChargeTotalAmount", totals.chargeTotal)
        }
        if !totals.prepaid.isZero { try amount("cbc:PrepaidAmount", totals.prepaid) }
        if !totals.rounding.isZero { try amount("cbc:PayableRoundingAmount", totals.rounding) }
        try amount("cbc:PayableAmount", totals.payable)
        xml.endElement()
        for line in document.lines {
            try self.line(line, credit: credit, currency: currency, &xml)
        }
        xml.endElement()
        return xml.finishedBytes()
    }

    private static func line(
        _ written: EInvoiceDocument.Line, credit: Bool, currency: Currency, _ xml: inout XMLWriter
    ) throws(XMLWriterError) {
        let line = written.line
        let money: KeyValuePairs<XMLName, String> = ["currencyID": currency.code]
        try xml.startElement(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine")
        try xml.element("cbc:ID", line.number)
        try xml.element(
            credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", written.quantity.normalized,
            attributes: ["unitCode": line.unit])
        try xml.element("cbc:LineExtensionAmount", written.netAmount.decimal, attributes: money)
        if let object = written.invoicedObject {
            try xml.startElement("cac:DocumentReference")
            try xml.element("cbc:ID", object)
            try xml.element("cbc:DocumentTypeCode", "130")
            xml.endElement()
        }
        for item in written.allowanceCharges {
            try xml.startElement("cac:AllowanceCharge")
            try xml.element("cbc:ChargeIndicator", item.isCharge ? "true" : "false")
            try xml.element("cbc:AllowanceChargeReason", item.reason)
            if let percentage = item.percentage {
                try xml.element("cbc:MultiplierFactorNumeric", percentage.rate.normalized)
            }
            try xml.element("cbc:Amount", item.amount.decimal, attributes: money)
            if let percentage = item.percentage {
                try xml.element("cbc:BaseAmount", percentage.base.decimal, attributes: money)
            }
            xml.endElement()
        }
        try xml.startElement("cac:Item")
        try xml.element("cbc:Name", line.description.isEmpty ? line.material : line.description)
        if !line.material.isEmpty {
            try xml.startElement("cac:SellersItemIdentification")
            try xml.element("cbc:ID", line.material)
            xml.endElement()
        }
        try taxCategory("cac:ClassifiedTaxCategory", line.taxCategory, line.taxRate, reason: nil, &xml)
        xml.endElement()
        try xml.startElement("cac:Price")
        try xml.element("cbc:PriceAmount", written.price.normalized, attributes: money)
        if line.priceUnit != .one {
            try xml.element(
                "cbc:BaseQuantity", line.priceUnit.normalized, attributes: ["unitCode": line.unit])
        }
        xml.endElement()
        xml.endElement()
    }

    private static func party(
        _ role: XMLName, address: Address, endpoint: ElectronicAddress?, vatID: String?, contact: Contact?,
        identifier: PartyIdentifier? = nil, legalRegistration: PartyIdentifier? = nil, _ xml: inout XMLWriter
    ) throws(XMLWriterError) {
        try xml.startElement(role)
        try xml.startElement("cac:Party")
        if let endpoint {
            try xml.element("cbc:EndpointID", endpoint.identifier, attributes: ["schemeID": endpoint.scheme])
        }
        if let identifier {
            try xml.startElement("cac:PartyIdentification")
            try self.identifier("cbc:ID", identifier, &xml)
            xml.endElement()
        }
        try xml.startElement("cac:PartyName")
        try xml.element("cbc:Name", address.name)
        xml.endElement()
        try xml.startElement("cac:PostalAddress")
        try optional("cbc:StreetName", address.street, &xml)
        try optional("cbc:CityName", address.city, &xml)
        try optional("cbc:PostalZone", address.postalCode, &xml)
        try xml.startElement("cac:Country")
        try xml.element("cbc:IdentificationCode", address.country)
        xml.endElement()
        xml.endElement()
        if let vatID, !vatID.isEmpty {
            try xml.startElement("cac:PartyTaxScheme")
            try xml.element("cbc:CompanyID", vatID)
            try taxScheme(&xml)
            xml.endElement()
        }
        try xml.startElement("cac:PartyLegalEntity")
        try xml.element("cbc:RegistrationName", address.name)
        if let legalRegistration { try self.identifier("cbc:CompanyID", legalRegistration, &xml) }
        xml.endElement()
        if let contact {
            try xml.startElement("cac:Contact")
            try optional("cbc:Name", contact.name, &xml)
            try optional("cbc:Telephone", contact.phone, &xml)
            try optional("cbc:ElectronicMail", contact.email, &xml)
            xml.endElement()
        }
        xml.endElement()
        xml.endElement()
    }

    /// An identifier with its `schemeID` when it has one.
    private static func identifier(
        _ name: XMLName, _ identifier: PartyIdentifier, _ xml: inout XMLWriter
    ) throws(XMLWriterError) {
        try xml.element(
            name, identifier.identifier, attributes: identifier.scheme.map { [("schemeID" as XMLName, $0)] } ?? [])
    }

    private static func taxCategory(
        _ name: XMLName, _ category: TaxCategory, _ rate: FixedDecimal, reason: VATBreakdown?, _ xml: inout XMLWriter
    ) throws(XMLWriterError) {
        try xml.startElement(name)
        try xml.element("cbc:ID", category.rawValue)
        // Category O (not subject to VAT) has no rate (BR-O-05, BR-O-14).
        if category != .outOfScope { try xml.element("cbc:Percent", rate.normalized) }
        if let code = reason?.exemptionReasonCode { try xml.element("cbc:TaxExemptionReasonCode", code) }
        if let text = reason?.exemptionReason { try xml.element("cbc:TaxExemptionReason", text) }
        try taxScheme(&xml)
        xml.endElement()
    }

    private static func taxScheme(_ xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.startElement("cac:TaxScheme")
        try xml.element("cbc:ID", "VAT")
        xml.endElement()
    }

    /// Writes the element only when it has text: PEPPOL forbids empty elements (PEPPOL-EN16931-R008).
    private static func optional(_ name: XMLName, _ text: String, _ xml: inout XMLWriter) throws(XMLWriterError) {
        guard !text.isEmpty else { return }
        try xml.element(name, text)
    }
}
