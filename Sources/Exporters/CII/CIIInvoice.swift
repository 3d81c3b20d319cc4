public import InvoicingCore
internal import XMLSupport

/// UN/CEFACT Cross Industry Invoice D16B following EN 16931 (`Schemas/cii-d16b/`), the syntax
/// of XRechnung and Factur-X. Same business terms and the same check as ``UBLInvoice``; the
/// specification identifier is plain EN 16931 (`urn:cen.eu:en16931:2017`).
public enum CIIInvoice {
    /// The specification identifier (BT-24) of a plain EN 16931 invoice.
    public static let guideline = "urn:cen.eu:en16931:2017"
    static let namespaces: [(XMLName, String)] = [
        ("xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"),
        ("xmlns:ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"),
        ("xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"),
    ]

    /// The CII XML of `invoice` (type 380, or 381 with positive amounts when the amount due is negative).
    public static func render(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> String {
        String(decoding: try encoded(invoice, check: check), as: UTF8.self)
    }

    /// The CII XML of `invoice` as the UTF-8 bytes of its file, without making a `String` of it.
    static func encoded(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> [UInt8] {
        let document = try EInvoiceDocument(invoice, check: check)
        do {
            return try encoded(document)
        } catch {
            throw EInvoiceError(invoice: invoice.number, rule: "XML", message: error.description)
        }
    }

    static func encoded(_ document: EInvoiceDocument) throws(XMLWriterError) -> [UInt8] {
        var xml = XMLWriter(capacity: min(1 << 22, 8_192 + 1_536 * document.lines.count))
        let invoice = document.invoice
        try xml.startElement("rsm:CrossIndustryInvoice", attributes: namespaces)
        try xml.startElement("rsm:ExchangedDocumentContext")
        try xml.startElement("ram:GuidelineSpecifiedDocumentContextParameter")
        try xml.element("ram:ID", guideline)
        xml.endElement()
        xml.endElement()
        try xml.startElement("rsm:ExchangedDocument")
        try xml.element("ram:ID", invoice.number)
        try xml.element("ram:TypeCode", document.typeCode)
        try date("ram:IssueDateTime", invoice.invoiceDate, &xml)
        xml.endElement()
        try xml.startElement("rsm:SupplyChainTradeTransaction")
        for line in document.lines { try self.line(line, &xml) }
        try agreement(document, &xml)
        try xml.startElement("ram:ApplicableHeaderTradeDelivery")
        if let delivery = document.deliveryReference {
            try xml.startElement("ram:DespatchAdviceReferencedDocument")
            try xml.element("ram:IssuerAssignedID", delivery)
            xml.endElement()
        }
        xml.endElement()
        try settlement(document, &xml)
        xml.endElement()
        xml.endElement()
        return xml.finishedBytes()
    }

    private static func agreement(_ document: EInvoiceDocument, _ xml: inout XMLWriter) throws(XMLWriterError) {
        let invoice = document.invoice
        try xml.startElement("ram:ApplicableHeaderTradeAgreement")
        if !invoice.buyer.id.isEmpty { try xml.element("ram:BuyerReference", invoice.buyer.id) }
        try party(
            "ram:SellerTradeParty", invoice.seller.address, document.sellerAddress, vatID: invoice.seller.vatID,
            contact: invoice.seller.contact, identifier: invoice.seller.identifier,
            legalRegistration: invoice.seller.legalRegistration, &xml)
        try party(
            "ram:BuyerTradeParty", invoice.buyer.address, document.buyerAddress, vatID: invoice.buyer.vatID,
            contact: nil, &xml)
        if let order = document.orderReference {
            try xml.startElement("ram:BuyerOrderReferencedDocument")
            try xml.element("ram:IssuerAssignedID", order)
            xml.endElement()
        }
        xml.endElement()
    }

    private static func settlement(_ document: EInvoiceDocument, _ xml: inout XMLWriter) throws(XMLWriterError) {
        let invoice = document.invoice
        let amounts = document.amounts
        try xml.startElement("ram:ApplicableHeaderTradeSettlement")
        try xml.element("ram:PaymentReference", document.paymentReference)
        try xml.element("ram:InvoiceCurrencyCode", invoice.currency.code)
        try xml.startElement("ram:SpecifiedTradeSettlementPaymentMeans")
        try xml.element("ram:TypeCode", document.paymentMeansCode)
        if !invoice.seller.bankAccount.iban.isEmpty {
            let bank = invoice.seller.bankAccount
            try xml.startElement("ram:PayeePartyCreditorFinancialAccount")
            try xml.element("ram:IBANID", bank.iban)
            xml.endElement()
            if !bank.bic.isEmpty {
                try xml.startElement("ram:PayeeSpecifiedCreditorFinancialInstitution")
                try xml.element("ram:BICID", bank.bic)
                xml.endElement()
            }
        }
        xml.endElement()
        for group in amounts.vatBreakdown {
            try xml.startElement("ram:ApplicableTradeTax")
            try xml.element("ram:CalculatedAmount", group.taxAmount.decimal.description)
            try xml.element("ram:TypeCode", "VAT")
            if let reason = group.exemptionReason { try xml.element("ram:ExemptionReason", reason) }
            try xml.element("ram:BasisAmount", group.taxableAmount.decimal.description)
            try xml.element("ram:CategoryCode", group.category.rawValue)
            if let code = group.exemptionReasonCode { try xml.element("ram:ExemptionReasonCode", code) }
            if group.category != .outOfScope {
                try xml.element("ram:RateApplicablePercent", group.rate.normalized.description)
            }
            xml.endElement()
        }
        for item in amounts.allowanceCharges {
            try xml.startElement("ram:SpecifiedTradeAllowanceCharge")
            try indicator(item.isCharge, &xml)
            if let percentage = item.percentage {
                try xml.element("ram:CalculationPercent", percentage.normalized.description)
            }
            if let base = item.baseAmount { try xml.element("ram:BasisAmount", base.decimal.description) }
            try xml.element("ram:ActualAmount", item.amount.decimal.description)
            if let code = item.reasonCode { try xml.element("ram:ReasonCode", code) }
            if let reason = item.reason ?? (item.reasonCode == nil ? (item.isCharge ? "Charge" : "Allowance") : nil) {
                try xml.element("ram:Reason", reason)
            }
            try xml.startElement("ram:CategoryTradeTax")
            try xml.element("ram:TypeCode", "VAT")
            try xml.element("ram:CategoryCode", item.category.rawValue)
            if item.category != .outOfScope {
                try xml.element("ram:RateApplicablePercent", item.rate.normalized.description)
            }
            xml.endElement()
            xml.endElement()
        }
        try xml.startElement("ram:SpecifiedTradePaymentTerms")
        if !invoice.paymentTerms.description.isEmpty {
            try xml.element("ram:Description", invoice.paymentTerms.description)
        }
        try date("ram:DueDateDateTime", invoice.dueDate, &xml)
        xml.endElement()
        let totals = amounts.totals
        try xml.startElement("ram:SpecifiedTradeSettlementHeaderMonetarySummation")
        try xml.element("ram:LineTotalAmount", totals.lineNetTotal.decimal.description)
        if amounts.allowanceCharges.contains(where: \.isCharge) {
            try xml.element("ram:ChargeTotalAmount", totals.chargeTotal.decimal.description)
        }
        if amounts.allowanceCharges.contains(where: { !$0.isCharge }) {
            try xml.element("ram:AllowanceTotalAmount", totals.allowanceTotal.decimal.description)
        }
        try xml.element("ram:TaxBasisTotalAmount", totals.taxExclusive.decimal.description)
        try xml.element(
            "ram:TaxTotalAmount", totals.taxTotal.decimal.description, attributes: ["currencyID": invoice.currency.code]
        )
        if !totals.rounding.isZero { try xml.element("ram:RoundingAmount", totals.rounding.decimal.description) }
        try xml.element("ram:GrandTotalAmount", totals.taxInclusive.decimal.description)
        if !totals.prepaid.isZero { try xml.element("ram:TotalPrepaidAmount", totals.prepaid.decimal.description) }
        try xml.element("ram:DuePayableAmount", totals.payable.decimal.description)
        xml.endElement()
        if let preceding = invoice.reference {
            // BG-3: the invoice a credit memo, debit memo or cancellation corrects.
            try xml.startElement("ram:InvoiceReferencedDocument")
            try xml.element("ram:IssuerAssignedID", preceding)
            xml.endElement()
        }
        xml.endElement()
    }

    private static func line(_ written: EInvoiceDocument.Line, _ xml: inout XMLWriter) throws(XMLWriterError) {
        let line = written.line
        try xml.startElement("ram:IncludedSupplyChainTradeLineItem")
        try xml.startElement("ram:AssociatedDocumentLineDocument")
        try xml.element("ram:LineID", String(line.number))
        xml.endElement()
        try xml.startElement("ram:SpecifiedTradeProduct")
        if !line.material.isEmpty { try xml.element("ram:SellerAssignedID", line.material) }
        try xml.element("ram:Name", line.description.isEmpty ? line.material : line.description)
        xml.endElement()
        try xml.startElement("ram:SpecifiedLineTradeAgreement")
        try xml.startElement("ram:NetPriceProductTradePrice")
        try xml.element("ram:ChargeAmount", written.price.normalized.description)
        if line.priceUnit != .one {
            try xml.element(
                "ram:BasisQuantity", line.priceUnit.normalized.description, attributes: ["unitCode": line.unit])
        }
        xml.endElement()
        xml.endElement()
        try xml.startElement("ram:SpecifiedLineTradeDelivery")
        try xml.element(
            "ram:BilledQuantity", written.quantity.normalized.description, attributes: ["unitCode": line.unit])
        xml.endElement()
        try xml.startElement("ram:SpecifiedLineTradeSettlement")
        try xml.startElement("ram:ApplicableTradeTax")
        try xml.element("ram:TypeCode", "VAT")
        try xml.element("ram:CategoryCode", line.taxCategory.rawValue)
        if line.taxCategory != .outOfScope {
            try xml.element("ram:RateApplicablePercent", line.taxRate.normalized.description)
        }
        xml.endElement()
        for item in written.allowanceCharges {
            try xml.startElement("ram:SpecifiedTradeAllowanceCharge")
            try indicator(item.isCharge, &xml)
            if let percentage = item.percentage {
                try xml.element("ram:CalculationPercent", percentage.rate.normalized.description)
                try xml.element("ram:BasisAmount", percentage.base.decimal.description)
            }
            try xml.element("ram:ActualAmount", item.amount.decimal.description)
            try xml.element("ram:Reason", item.reason)
            xml.endElement()
        }
        try xml.startElement("ram:SpecifiedTradeSettlementLineMonetarySummation")
        try xml.element("ram:LineTotalAmount", written.netAmount.decimal.description)
        xml.endElement()
        if let object = written.invoicedObject {
            try xml.startElement("ram:AdditionalReferencedDocument")
            try xml.element("ram:IssuerAssignedID", object)
            try xml.element("ram:TypeCode", "130")
            xml.endElement()
        }
        xml.endElement()
        xml.endElement()
    }

    private static func party(
        _ role: XMLName, _ address: Address, _ endpoint: ElectronicAddress?, vatID: String?, contact: Contact?,
        identifier: PartyIdentifier? = nil, legalRegistration: PartyIdentifier? = nil, _ xml: inout XMLWriter
    ) throws(XMLWriterError) {
        try xml.startElement(role)
        if let identifier {
            // BT-29: ram:GlobalID when the scheme is stated, ram:ID otherwise.
            try xml.element(
                identifier.scheme == nil ? "ram:ID" : "ram:GlobalID", identifier.identifier,
                attributes: identifier.scheme.map { [("schemeID" as XMLName, $0)] } ?? [])
        }
        try xml.element("ram:Name", address.name)
        if let legalRegistration {
            try xml.startElement("ram:SpecifiedLegalOrganization")
            try xml.element(
                "ram:ID", legalRegistration.identifier,
                attributes: legalRegistration.scheme.map { [("schemeID" as XMLName, $0)] } ?? [])
            xml.endElement()
        }
        if let contact {
            try xml.startElement("ram:DefinedTradeContact")
            if !contact.name.isEmpty { try xml.element("ram:PersonName", contact.name) }
            if !contact.phone.isEmpty {
                try xml.startElement("ram:TelephoneUniversalCommunication")
                try xml.element("ram:CompleteNumber", contact.phone)
                xml.endElement()
            }
            if !contact.email.isEmpty {
                try xml.startElement("ram:EmailURIUniversalCommunication")
                try xml.element("ram:URIID", contact.email)
                xml.endElement()
            }
            xml.endElement()
        }
        try xml.startElement("ram:PostalTradeAddress")
        if !address.postalCode.isEmpty { try xml.element("ram:PostcodeCode", address.postalCode) }
        if !address.street.isEmpty { try xml.element("ram:LineOne", address.street) }
        if !address.city.isEmpty { try xml.element("ram:CityName", address.city) }
        try xml.element("ram:CountryID", address.country)
        xml.endElement()
        if let endpoint {
            try xml.startElement("ram:URIUniversalCommunication")
            try xml.element("ram:URIID", endpoint.identifier, attributes: ["schemeID": endpoint.scheme])
            xml.endElement()
        }
        if let vatID, !vatID.isEmpty {
            try xml.startElement("ram:SpecifiedTaxRegistration")
            try xml.element("ram:ID", vatID, attributes: ["schemeID": "VA"])
            xml.endElement()
        }
        xml.endElement()
    }

    private static func indicator(_ isCharge: Bool, _ xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.startElement("ram:ChargeIndicator")
        try xml.element("udt:Indicator", isCharge ? "true" : "false")
        xml.endElement()
    }

    private static func date(_ name: XMLName, _ date: CalendarDate, _ xml: inout XMLWriter) throws(XMLWriterError) {
        let digits = date.description.filter { $0 != "-" }
        try xml.startElement(name)
        try xml.element("udt:DateTimeString", digits, attributes: ["format": "102"])
        xml.endElement()
    }
}
