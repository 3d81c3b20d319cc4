public import InvoicingCore
public import XMLSupport

/// The installment schedule of one invoice as XML (`urn:invoicerun:installments:1`,
/// `Schemas/installments.xsd`).
public enum InstallmentScheduleXML {
    /// The XML namespace of the installment schedule format.
    public static let namespace = "urn:invoicerun:installments:1"

    /// The XML of the schedule of `invoice`; nil when it is not paid in installments.
    public static func render(_ invoice: Invoice) throws(XMLWriterError) -> String? {
        guard let installments = invoice.installments, !installments.isEmpty else { return nil }
        var xml = XMLWriter()
        try xml.startElement("InstallmentSchedule", attributes: ["xmlns": namespace])
        try xml.element("invoiceNumber", invoice.number)
        try xml.element("companyCode", invoice.seller.id)
        try xml.element("account", invoice.buyer.id)
        try xml.element("currency", invoice.currency.code)
        try xml.element("invoiceDate", invoice.invoiceDate)
        try xml.element("paymentTerms", invoice.paymentTerms.id)
        try xml.element("grossTotal", invoice.grossTotal.decimal)
        for installment in installments {
            try xml.startElement("Installment")
            try xml.element("number", installment.number)
            try xml.element("percent", installment.percent)
            try xml.element("dueDate", installment.dueDate)
            try xml.element("amount", installment.amount.decimal)
            xml.endElement()
        }
        xml.endElement()
        return xml.finish()
    }
}
