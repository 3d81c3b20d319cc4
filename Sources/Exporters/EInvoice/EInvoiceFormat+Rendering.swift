public import InvoicingCore

extension EInvoiceFormat {
    /// The end of the file name an invoice is written to in this format: `ubl.xml`, `cii.xml`,
    /// `edi` or `x12`.
    public var fileSuffix: String {
        switch self {
        case .ubl, .cii: return "\(rawValue).xml"
        case .edifact: return "edi"
        case .x12: return "x12"
        }
    }

    /// The invoice in this format as text, after the EN 16931 check; throws the rule it breaks.
    public func render(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> String {
        switch self {
        case .ubl: return try UBLInvoice.render(invoice, check: check)
        case .cii: return try CIIInvoice.render(invoice, check: check)
        case .edifact: return try EDIFACTInvoic.render(invoice, check: check)
        case .x12: return try X12Invoice810.render(invoice, check: check)
        }
    }

    /// The bytes of the file: UTF-8 XML for UBL and CII, ISO 8859-1 for EDIFACT (UNOC), ASCII for X12.
    public func encoded(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> [UInt8] {
        switch self {
        case .ubl: return try UBLInvoice.encoded(invoice, check: check)
        case .cii: return try CIIInvoice.encoded(invoice, check: check)
        case .edifact: return try EDIFACTInvoic.interchange(invoice, check: check).bytes
        case .x12: return try X12Invoice810.interchange(invoice, check: check).bytes
        }
    }
}
