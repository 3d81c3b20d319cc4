public import InvoicingCore
public import XMLSupport

/// FI documents as XML (`urn:invoicerun:postings:1`, `Schemas/postings.xsd`).
public enum PostingXML {
    /// The XML namespace of the postings format.
    public static let namespace = "urn:invoicerun:postings:1"

    /// The XML of `documents`, posted by the run `runID`.
    public static func render(_ documents: [FIDocument], runID: String) throws(XMLWriterError) -> String {
        var xml = XMLWriter(capacity: min(1 << 22, 4_096 + 2_048 * documents.count))
        try xml.startElement("Postings", attributes: ["xmlns": namespace])
        try xml.element("runId", runID)
        for document in documents {
            try xml.startElement("Document")
            try xml.element("number", document.number)
            try xml.element("companyCode", document.companyCode)
            try xml.element("postingDate", document.postingDate.description)
            try xml.element("documentDate", document.documentDate.description)
            try xml.element("reference", document.reference)
            try xml.element("currency", document.currency.code)
            try xml.element("held", document.held ? "true" : "false")
            for line in document.lines {
                try xml.startElement("Line")
                try xml.element("number", String(line.number))
                try xml.element("glAccount", line.glAccount)
                try xml.element("side", line.side.rawValue)
                try xml.element("amount", line.amount.decimal.description)
                if let key = line.accountKey { try xml.element("accountKey", key.rawValue) }
                if let taxCode = line.taxCode { try xml.element("taxCode", taxCode) }
                if let account = line.contractAccount { try xml.element("contractAccount", account) }
                try xml.element("text", line.text)
                if let profitCenter = line.profitCenter { try xml.element("profitCenter", profitCenter) }
                if let costCenter = line.costCenter { try xml.element("costCenter", costCenter) }
                xml.endElement()
            }
            xml.endElement()
        }
        xml.endElement()
        return xml.finish()
    }
}
