public import InvoicingCore
public import XMLSupport

/// One invoice list as XML (`urn:invoicerun:invoicelist:1`, `Schemas/invoicelist.xsd`).
public enum InvoiceListXML {
    /// The XML namespace of the invoice list format.
    public static let namespace = "urn:invoicerun:invoicelist:1"

    /// The XML of `list` and the documents on it.
    public static func render(_ list: InvoiceList, documents: [Invoice]) throws(XMLWriterError) -> String {
        var xml = XMLWriter()
        try xml.startElement("InvoiceList", attributes: ["xmlns": namespace])
        try xml.element("number", list.number)
        try xml.element("kind", list.kind.rawValue)
        try xml.element("listDate", list.listDate)
        try xml.element("dueDate", list.dueDate)
        try xml.element("companyCode", list.companyCode)
        try xml.element("account", list.account)
        try xml.element("currency", list.currency.code)
        for document in documents {
            try xml.startElement("Document")
            try xml.element("number", document.number)
            try xml.element("date", document.invoiceDate)
            try xml.element("net", document.netTotal.decimal)
            try xml.element("tax", document.taxTotal.decimal)
            try xml.element("gross", document.grossTotal.decimal)
            xml.endElement()
        }
        try xml.element("netTotal", list.netTotal.decimal)
        try xml.element("taxTotal", list.taxTotal.decimal)
        try xml.element("grossTotal", list.grossTotal.decimal)
        if let discount = list.discount, let percent = list.discountPercent {
            try xml.element("discountPercent", percent)
            try xml.element("discount", discount.decimal)
            if let posting = list.discountPosting { try xml.element("discountPosting", posting) }
        }
        try xml.element("amountPayable", list.amountPayable.decimal)
        xml.endElement()
        return xml.finish()
    }
}
