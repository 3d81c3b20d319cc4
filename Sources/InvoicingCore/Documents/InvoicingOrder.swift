/// The marker that a source document waits to be invoiced.
public struct InvoicingOrder: Sendable, Hashable, Identifiable {
    /// Store key of the order.
    public var id: Int64
    /// The source document waiting to be invoiced.
    public var document: SourceDocument
    /// The invoice whose cancellation re-created this order, if one did: the next invoice of the
    /// document is a corrective invoice that names it.
    public var corrects: String?
    /// The numbers of the document's items this order covers, sorted, when it covers only some
    /// of them; nil when it covers every item. An order covers some items when the invoice split
    /// put the document's items into several invoices, or when the cancellation of one of those
    /// invoices re-opened its items; `document` then holds those items only.
    public var items: [Int]?

    /// Creates an order for `document` with its store key.
    public init(id: Int64, document: SourceDocument, corrects: String? = nil, items: [Int]? = nil) {
        self.id = id
        self.document = document
        self.corrects = corrects
        self.items = items
    }

    /// The part of this order that covers `numbers` of its items: the same order (same store
    /// key), its document holding those items only.
    public func part(items numbers: [Int]) -> InvoicingOrder {
        let kept = Set(numbers)
        var part = self
        part.document.items = document.items.filter { kept.contains($0.number) }
        part.items = part.document.items.map(\.number).sorted()
        return part
    }

    /// The contract account to be invoiced.
    public var account: String { document.account }
    /// The category of the source document.
    public var category: SourceCategory { document.category }
    /// The date from which the order may be invoiced: the document's billing date.
    public var dueDate: CalendarDate { document.billingDate }
}
