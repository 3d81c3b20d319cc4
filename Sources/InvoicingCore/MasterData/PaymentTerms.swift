/// When an invoice falls due: a number of days net after the invoice date.
public struct PaymentTerms: Sendable, Codable, Hashable, Identifiable {
    /// The key of the payment terms, e.g. `NT30`.
    public var id: String
    /// The text printed on invoices, e.g. `30 days net`.
    public var description: String
    /// Days after the invoice date until payment is due.
    public var netDays: Int
    /// An installment plan: the invoice is paid in these installments; nil for one payment.
    public var installments: [InstallmentTerm]?

    /// Creates payment terms from their fields.
    public init(id: String, description: String, netDays: Int, installments: [InstallmentTerm]? = nil) {
        self.installments = installments
        self.id = id
        self.description = description
        self.netDays = netDays
    }

    /// The due date of an invoice dated `invoiceDate`; nil if it would be past 9999-12-31.
    public func dueDate(for invoiceDate: CalendarDate) -> CalendarDate? {
        invoiceDate.adding(days: netDays)
    }
}
