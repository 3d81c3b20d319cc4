public import InvoicingCore

/// An e-invoice read into the canonical model, with the business terms it held that the model
/// cannot carry yet (reported, never dropped silently).
public struct EInvoiceReading: Sendable {
    /// The syntax the document was written in.
    public var format: EInvoiceFormat
    /// The invoice; a credit note comes back with negative amounts, as the run makes credits.
    public var invoice: Invoice
    /// The business terms present in the document that the canonical model does not carry.
    public var notCarried: [String]
    /// The specification identifier the document declared (BT-24), if any.
    public var specification: String? = nil

    /// Whether the document declared PEPPOL BIS Billing 3.0.
    public var declaresPEPPOL: Bool { specification?.contains("peppol.eu") ?? false }
}
