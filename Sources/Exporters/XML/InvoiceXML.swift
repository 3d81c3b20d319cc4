public import InvoicingCore
public import XMLSupport

/// The canonical invoice XML (`urn:invoicerun:invoice:1`, `Schemas/invoice.xsd`): every field
/// the engine knows, so an invoice can be re-read, audited and reprinted exactly.
///
/// Naming: elements that hold elements are PascalCase, elements that hold text camelCase.
public enum InvoiceXML {
    /// The XML namespace of the invoice format.
    public static let namespace = "urn:invoicerun:invoice:1"

    /// The canonical XML of `invoice`.
    public static func render(_ invoice: Invoice) throws(XMLWriterError) -> String {
        String(decoding: try renderBytes(invoice), as: UTF8.self)
    }

    /// The same XML as UTF-8 bytes, without making a `String` (a run writes them to a file).
    public static func renderBytes(_ invoice: Invoice) throws(XMLWriterError) -> [UInt8] {
        var xml = XMLWriter(capacity: min(1 << 22, 4_096 + 1_024 * invoice.lines.count))
        try xml.startElement("Invoice", attributes: ["xmlns": namespace])
        try xml.element("number", invoice.number)
        try xml.element("kind", invoice.kind.rawValue)
        try xml.element("invoiceDate", invoice.invoiceDate)
        try xml.element("dueDate", invoice.dueDate)
        try xml.element("currency", invoice.currency.code)
        try xml.element("runId", invoice.runID)
        try xml.element("process", invoice.process)
        try xml.element("invoicingType", invoice.invoicingType)
        try xml.element("postingNumber", invoice.postingNumber)
        try xml.element("simulated", invoice.simulated ? "true" : "false")
        if let reference = invoice.reference { try xml.element("reference", reference) }
        try seller(invoice.seller, &xml)
        try buyer(invoice.buyer, &xml)
        try xml.startElement("PaymentTerms")
        try xml.element("id", invoice.paymentTerms.id)
        try xml.element("description", invoice.paymentTerms.description)
        try xml.element("netDays", invoice.paymentTerms.netDays)
        xml.endElement()
        for line in invoice.lines { try self.line(line, &xml) }
        for item in invoice.documentAllowanceCharges {
            try xml.startElement("DocumentAllowanceCharge")
            try xml.element("charge", item.isCharge ? "true" : "false")
            try xml.element("amount", item.amount.decimal)
            if let reason = item.reason { try xml.element("reason", reason) }
            if let code = item.reasonCode { try xml.element("reasonCode", code) }
            if let percentage = item.percentage { try xml.element("percentage", percentage) }
            if let base = item.baseAmount { try xml.element("baseAmount", base.decimal) }
            try xml.element("category", item.category.rawValue)
            try xml.element("rate", item.rate)
            xml.endElement()
        }
        for tax in invoice.taxes {
            try xml.startElement("TaxSubtotal")
            try xml.element("taxCode", tax.taxCode)
            try xml.element("category", tax.category.rawValue)
            try xml.element("rate", tax.rate)
            try xml.element("taxableAmount", tax.taxableAmount.decimal)
            try xml.element("taxAmount", tax.taxAmount.decimal)
            if let reason = tax.exemptionReason { try xml.element("exemptionReason", reason) }
            if let code = tax.exemptionReasonCode { try xml.element("exemptionReasonCode", code) }
            xml.endElement()
        }
        try xml.startElement("Totals")
        try xml.element("netAmount", invoice.netTotal.decimal)
        try xml.element("taxAmount", invoice.taxTotal.decimal)
        try xml.element("grossAmount", invoice.grossTotal.decimal)
        if invoice.prepaidAmount != nil || invoice.roundingAmount != nil {
            if let prepaid = invoice.prepaidAmount { try xml.element("prepaidAmount", prepaid.decimal) }
            if let rounding = invoice.roundingAmount { try xml.element("roundingAmount", rounding.decimal) }
            // An amount due that does not fit in Int64 cannot come from amounts that do.
            let due = (try? invoice.amountDue) ?? invoice.grossTotal
            try xml.element("amountDue", due.decimal)
        }
        xml.endElement()
        xml.endElement()
        return xml.finishedBytes()
    }

    private static func address(_ address: Address, _ xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.element("name", address.name)
        try xml.element("street", address.street)
        try xml.element("postalCode", address.postalCode)
        try xml.element("city", address.city)
        try xml.element("country", address.country)
    }

    private static func seller(_ company: CompanyCode, _ xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.startElement("Seller")
        try xml.element("companyCode", company.id)
        try address(company.address, &xml)
        try xml.element("vatId", company.vatID)
        try xml.element("iban", company.bankAccount.iban)
        try xml.element("bic", company.bankAccount.bic)
        try xml.element("bankName", company.bankAccount.bankName)
        let identifiers: [(XMLName, PartyIdentifier?)] = [
            ("identifier", company.identifier), ("legalRegistration", company.legalRegistration),
        ]
        for (name, identifier) in identifiers {
            guard let identifier else { continue }
            try xml.element(
                name, identifier.identifier, attributes: identifier.scheme.map { [("scheme" as XMLName, $0)] } ?? [])
        }
        xml.endElement()
    }

    private static func buyer(_ account: ContractAccount, _ xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.startElement("Buyer")
        try xml.element("account", account.id)
        try address(account.address, &xml)
        if let vatID = account.vatID { try xml.element("vatId", vatID) }
        try xml.element("language", account.language)
        xml.endElement()
    }

    private static func line(_ line: InvoiceLine, _ xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.startElement("Line")
        try xml.element("number", line.number)
        try xml.element("sourceDocument", line.sourceDocument)
        try xml.element("sourceItem", line.sourceItem)
        if let order = line.referenceOrder { try xml.element("referenceOrder", order) }
        if let delivery = line.referenceDelivery { try xml.element("referenceDelivery", delivery) }
        try xml.element("material", line.material)
        try xml.element("description", line.description)
        try xml.element("quantity", line.quantity)
        try xml.element("unit", line.unit)
        try xml.element("unitPrice", line.unitPrice)
        try xml.element("priceUnit", line.priceUnit)
        switch line.priceSource {
        case .document: try xml.element("priceSource", "document")
        case .condition(let id): try xml.element("priceSource", "condition:\(id)")
        }
        try xml.element("baseAmount", line.baseAmount.decimal)
        for condition in line.conditions {
            try xml.startElement("Condition")
            try xml.element("conditionId", condition.conditionID)
            try xml.element("kind", condition.kind.rawValue)
            try xml.element("calculation", condition.calculation.rawValue)
            try xml.element("value", condition.value)
            try xml.element("amount", condition.amount.decimal)
            try xml.element("glAccount", condition.glAccount)
            xml.endElement()
        }
        try xml.element("netAmount", line.netAmount.decimal)
        try xml.element("taxCode", line.taxCode)
        try xml.element("taxCategory", line.taxCategory.rawValue)
        try xml.element("taxRate", line.taxRate)
        try xml.element("revenueAccount", line.revenueAccount)
        xml.endElement()
    }
}
