/// The marker that a source document waits to be invoiced.
public struct InvoicingOrder: Sendable, Hashable, Identifiable {
    /// Store key of the order.
    public var id: Int64
    public var document: SourceDocument

    public init(id: Int64, document: SourceDocument) {
        self.id = id
        self.document = document
    }

    public var account: String { document.account }
    public var category: SourceCategory { document.category }
    public var dueDate: CalendarDate { document.billingDate }
}
