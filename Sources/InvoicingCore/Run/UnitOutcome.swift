/// What became of one invoicing unit.
public enum UnitOutcome: Sendable, Hashable {
    /// Priced, taxed and posted; waits for its numbers.
    case invoiced(InvoiceDraft)
    /// Left open on purpose (e.g. below the minimum amount); not an error.
    case postponed(reason: String)
    /// Could not be invoiced; its orders stay open.
    case failed(UnitFailure)
}

/// An invoice and its FI document before the store numbers them.
public struct InvoiceDraft: Sendable, Hashable {
    /// The invoice, not yet numbered.
    public var invoice: Invoice
    /// The FI document that posts the invoice, not yet numbered.
    public var posting: FIDocument
    /// On an intercompany invoice: the FI document of the selling company code that receives it
    /// (intercompany expense and input tax against the payable), not yet numbered.
    public var receiverPosting: FIDocument? = nil
    /// On a customer invoice: the intercompany invoices of the company codes that delivered for it.
    public var intercompany: [InvoiceDraft] = []

    /// Pairs an invoice with the FI document that posts it (a stored one, to render it again).
    public init(invoice: Invoice, posting: FIDocument) {
        self.invoice = invoice
        self.posting = posting
    }

    /// The draft with its numbers filled in everywhere they appear.
    public func numbered(invoiceNumber: String, postingNumber: String) -> InvoiceDraft {
        var copy = self
        copy.invoice.number = invoiceNumber
        copy.invoice.postingNumber = postingNumber
        copy.posting.number = postingNumber
        copy.posting.reference = invoiceNumber
        return copy
    }
}
