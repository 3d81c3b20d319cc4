/// The marker that a source document waits to be invoiced.
public struct InvoicingOrder: Sendable, Hashable, Identifiable {
    /// Store key of the order.
    public var id: Int64
    /// The source document waiting to be invoiced.
    public var document: SourceDocument
    /// The invoice whose cancellation re-created this order, if one did: the next invoice of the
    /// document is a corrective invoice that names it.
    public var corrects: String?

    /// Creates an order for `document` with its store key.
    public init(id: Int64, document: SourceDocument, corrects: String? = nil) {
        self.id = id
        self.document = document
        self.corrects = corrects
    }

    /// The contract account to be invoiced.
    public var account: String { document.account }
    /// The category of the source document.
    public var category: SourceCategory { document.category }
    /// The date from which the order may be invoiced: the document's billing date.
    public var dueDate: CalendarDate { document.billingDate }
}
