public import InvoicingCore
public import XMLSupport

/// FI documents as XML (`urn:invoicerun:postings:1`, `Schemas/postings.xsd`).
public enum PostingXML {
    /// The XML namespace of the postings format.
    public static let namespace = "urn:invoicerun:postings:1"

    /// The XML of `documents`, posted by the run `runID`.
    public static func render(_ documents: [FIDocument], runID: String) throws(XMLWriterError) -> String {
        var stream = try Stream(runID: runID)
        var xml = try stream.add(documents)
        xml += stream.finish()
        return xml
    }

    /// The same XML written in parts, for a run that posts documents a window at a time: the
    /// parts, concatenated, are the bytes `render` makes of all the documents at once.
    public struct Stream: Sendable {
        private var xml = XMLWriter()

        /// Opens the postings of run `runID`.
        public init(runID: String) throws(XMLWriterError) {
            try xml.startElement("Postings", attributes: ["xmlns": PostingXML.namespace])
            try xml.element("runId", runID)
        }

        /// The XML of `documents` and what came before it not yet taken. A document that cannot
        /// be written (a character XML does not allow) throws, and the stream is unusable after.
        public mutating func add(_ documents: some Sequence<FIDocument>) throws(XMLWriterError) -> String {
            for document in documents { try PostingXML.write(document, to: &xml) }
            return xml.take()
        }

        /// Closes the postings: the last part.
        public mutating func finish() -> String {
            xml.endElement()
            return xml.take()
        }
    }

    private static func write(_ document: FIDocument, to xml: inout XMLWriter) throws(XMLWriterError) {
        try xml.startElement("Document")
        try xml.element("number", document.number)
        try xml.element("companyCode", document.companyCode)
        try xml.element("postingDate", document.postingDate)
        try xml.element("documentDate", document.documentDate)
        try xml.element("reference", document.reference)
        try xml.element("currency", document.currency.code)
        try xml.element("held", document.held ? "true" : "false")
        for line in document.lines {
            try xml.startElement("Line")
            try xml.element("number", line.number)
            try xml.element("glAccount", line.glAccount)
            try xml.element("side", line.side.rawValue)
            try xml.element("amount", line.amount.decimal)
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
}
