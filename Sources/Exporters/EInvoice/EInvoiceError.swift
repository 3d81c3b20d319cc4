/// Why an invoice was not written as an e-invoice: the EN 16931 rule it breaks.
public struct EInvoiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The number of the invoice refused.
    public var invoice: String
    /// The rule broken, e.g. `BR-CO-15` or `PEPPOL-EN16931-R010`.
    public var rule: String
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates the refusal of `invoice` for breaking `rule`.
    public init(invoice: String, rule: String, message: String) {
        self.invoice = invoice
        self.rule = rule
        self.message = message
    }

    /// `RULE: message`; the invoice number is in ``invoice``.
    public var description: String { "\(rule): \(message)" }
}
