extension InvoicingRun {
    /// The installments of `invoice` when its payment terms have an installment plan, else nil.
    func installments(of invoice: Invoice, document: String) throws(UnitFailure) -> [Installment]? {
        guard let terms = invoice.paymentTerms.installments, !terms.isEmpty else { return nil }
        do {
            return try InstallmentTerm.split(
                try invoice.amountDue, by: terms, invoiceDate: invoice.invoiceDate, rounding: configuration.rounding)
        } catch {
            throw UnitFailure(
                .unknownPaymentTerms, "payment terms \(invoice.paymentTerms.id): \(error)", document: document)
        }
    }
}
