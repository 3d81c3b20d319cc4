public import InvoicingCore

extension EInvoiceFormat {
    /// The end of the file name an invoice is written to in this format, e.g. `ubl.xml`.
    public var fileSuffix: String { "\(rawValue).xml" }

    /// The invoice in this format, after the EN 16931 check; throws the rule it breaks.
    public func render(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> String {
        switch self {
        case .ubl: return try UBLInvoice.render(invoice, check: check)
        case .cii: return try CIIInvoice.render(invoice, check: check)
        }
    }
}
