/// When an invoice falls due: a number of days net after the invoice date.
public struct PaymentTerms: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var description: String
    public var netDays: Int

    public init(id: String, description: String, netDays: Int) {
        self.id = id
        self.description = description
        self.netDays = netDays
    }

    /// The due date of an invoice dated `invoiceDate`; nil if it would be past 9999-12-31.
    public func dueDate(for invoiceDate: CalendarDate) -> CalendarDate? {
        invoiceDate.adding(days: netDays)
    }
}
