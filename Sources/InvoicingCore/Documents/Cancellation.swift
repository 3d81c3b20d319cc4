/// Builds the cancellation of an invoice: the same lines, taxes and totals with the opposite
/// signs, and an FI document that reverses the invoice's line by line.
///
/// Nothing is re-priced or re-rounded: every amount is the original's negated, so invoice and
/// cancellation net to exactly zero, line by line and tax code by tax code. Whether the invoice
/// was cancelled already is the store's to know; this checks what the documents themselves say.
public enum Cancellation {
    /// The draft cancellation of `original`, posted by `posting`, dated `date`; numbers are the store's.
    ///
    /// Invoices, credit memos and debit memos can be cancelled. Throws when `original` is a
    /// cancellation (a cancellation cannot itself be cancelled), is
    /// simulated, is not posted by `posting`, or is dated after `date`.
    public static func draft(
        cancelling original: Invoice, posting: FIDocument, on date: CalendarDate
    ) throws(DocumentFlowError) -> InvoiceDraft {
        guard original.kind != .cancellation else {
            throw DocumentFlowError(
                .notCancellable, "\(original.number) is a cancellation; a cancellation cannot be cancelled")
        }
        guard original.kind != .proForma else {
            throw DocumentFlowError(
                .notCancellable, "\(original.number) is a pro forma invoice; it was never posted, so nothing to cancel")
        }
        guard !original.simulated else {
            throw DocumentFlowError(.notCancellable, "\(original.number) is a simulation; it was never stored")
        }
        guard posting.number == original.postingNumber else {
            throw DocumentFlowError(
                .notCancellable, "FI document \(posting.number) does not post \(original.number)")
        }
        guard date >= original.invoiceDate else {
            throw DocumentFlowError(
                .dateBeforeOriginal,
                "the cancellation date \(date) is before the invoice date \(original.invoiceDate) of \(original.number)"
            )
        }
        var invoice = original
        invoice.number = ""
        invoice.kind = .cancellation
        invoice.runID = ""
        invoice.invoiceDate = date
        invoice.dueDate = date  // nothing is due on a cancellation
        invoice.postingNumber = ""
        invoice.reference = original.number
        invoice.negateAmounts()
        return InvoiceDraft(invoice: invoice, posting: reversal(of: posting, on: date))
    }

    /// `posting` reversed line by line: same lines, accounts and amounts on the other side.
    public static func reversal(of posting: FIDocument, on date: CalendarDate) -> FIDocument {
        var reversal = posting
        reversal.number = ""
        reversal.reference = ""
        reversal.postingDate = date
        reversal.documentDate = date
        reversal.lines = posting.lines.map { line in
            var line = line
            line.side = line.side.opposite
            return line
        }
        return reversal
    }

    /// A line with its quantity and every amount negated; the unit price stays as it was.
    static func reversed(_ line: InvoiceLine) -> InvoiceLine {
        var line = line
        line.quantity = line.quantity.negated
        line.baseAmount = line.baseAmount.negated
        line.netAmount = line.netAmount.negated
        line.conditions = line.conditions.map { condition in
            var condition = condition
            condition.amount = condition.amount.negated
            return condition
        }
        return line
    }
}

extension Invoice {
    /// Negates every quantity and amount (lines, conditions, taxes, totals); prices stay: a
    /// cancellation's or credit memo's amounts, and a credit of the same goods in tests.
    public mutating func negateAmounts() {
        lines = lines.map(Cancellation.reversed)
        taxes = taxes.map { tax in
            var tax = tax
            tax.taxableAmount = tax.taxableAmount.negated
            tax.taxAmount = tax.taxAmount.negated
            return tax
        }
        netTotal = netTotal.negated
        taxTotal = taxTotal.negated
        grossTotal = grossTotal.negated
        prepaidAmount = prepaidAmount?.negated
        advanceClearings = advanceClearings.map { $0.negated }
    }
}

/// A correction of a document that cannot be made, with the reason in a user's words.
public struct DocumentFlowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a correction is refused.
    public enum Code: String, Sendable, Hashable {
        /// The document is not of a kind that can be cancelled (a cancellation, a simulation).
        case notCancellable
        /// The document was cancelled before.
        case alreadyCancelled
        /// The correction would be dated before the document it corrects.
        case dateBeforeOriginal
    }

    /// Why the correction is refused.
    public var code: Code
    /// What was refused and why.
    public var message: String

    /// Creates an error of the given kind with its message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The error's message.
    public var description: String { message }
}
