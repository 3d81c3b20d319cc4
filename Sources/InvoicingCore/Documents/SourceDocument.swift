/// A document from another system that waits to be invoiced.
public struct SourceDocument: Sendable, Codable, Hashable, Identifiable {
    /// The document's number in the sending system, unique across imports.
    public var id: String
    /// What kind of source document this is, e.g. `INVBI` billing document from an external system.
    public var category: SourceCategory
    /// Business meaning in the sending system (e.g. `SALE`, `USAGE`, `RENT`).
    public var type: String
    /// The company code that sells and invoices.
    public var companyCode: String
    /// The contract account that pays.
    public var account: String
    /// The currency of the document's prices.
    public var currency: Currency
    /// The date the document was created in the sending system.
    public var documentDate: CalendarDate
    /// Invoicing is due on or after this date.
    public var billingDate: CalendarDate
    /// The sales order the document refers to, if any.
    public var referenceOrder: String?
    /// The delivery the document refers to, if any.
    public var referenceDelivery: String?
    /// Overrides the account's payment terms.
    public var paymentTerms: String?
    /// An explicit invoicing type; otherwise the process's rules and default decide.
    public var invoicingType: String?
    /// A blocked document is not selected until the block is removed.
    public var billingBlock: Bool
    /// The invoice a credit or debit memo request corrects.
    public var referenceInvoice: String? = nil
    /// The DIP profile that turns the document's resource items into billable items.
    public var dipProfile: String? = nil
    /// The document's items.
    public var items: [SourceItem]

    /// Creates a source document from its fields.
    public init(
        id: String, category: SourceCategory, type: String, companyCode: String, account: String,
        currency: Currency, documentDate: CalendarDate, billingDate: CalendarDate, referenceOrder: String? = nil,
        referenceDelivery: String? = nil, paymentTerms: String? = nil, invoicingType: String? = nil,
        billingBlock: Bool = false, referenceInvoice: String? = nil, dipProfile: String? = nil, items: [SourceItem]
    ) {
        self.id = id
        self.category = category
        self.type = type
        self.companyCode = companyCode
        self.account = account
        self.currency = currency
        self.documentDate = documentDate
        self.billingDate = billingDate
        self.referenceOrder = referenceOrder
        self.referenceDelivery = referenceDelivery
        self.paymentTerms = paymentTerms
        self.invoicingType = invoicingType
        self.billingBlock = billingBlock
        self.referenceInvoice = referenceInvoice
        self.dipProfile = dipProfile
        self.items = items
    }
}

/// One line of a source document.
public struct SourceItem: Sendable, Codable, Hashable {
    /// The item's number within its document.
    public var number: Int
    /// The id of the material or service delivered.
    public var material: String
    /// Overrides the material's description on the invoice.
    public var description: String?
    /// The quantity delivered, in `unit`.
    public var quantity: FixedDecimal
    /// UN/ECE Rec 20 unit; the material's base unit when nil.
    public var unit: String?
    /// The price agreed in the sending system; used by the copy pricing mode.
    public var unitPrice: FixedDecimal?
    /// The quantity the unit price is for (price per 100 pieces has 100); 1 when nil.
    public var priceUnit: FixedDecimal?
    /// An explicit tax code; otherwise tax determination decides.
    public var taxCode: String?
    /// The quantity ordered, when the sending system knows it; the billed `quantity` may differ.
    public var orderedQuantity: FixedDecimal? = nil
    /// The profit centre the item's revenue is assigned to (CO), if the sending system gives one.
    public var profitCenter: String? = nil
    /// The cost centre the item's revenue is assigned to (CO), if the sending system gives one.
    public var costCenter: String? = nil
    /// The plant that delivered the item; a plant of another company code makes an intercompany invoice.
    public var plant: String? = nil
    /// What the item consumed, for resource-related billing; nil for an ordinary item.
    public var resourceType: ResourceType? = nil
    /// The activity type of hours, or the expense type of expenses.
    public var activityType: String? = nil
    /// Payment terms of this item that override the document's: items of different terms are
    /// invoiced apart (the invoice split), each invoice due by its items' terms.
    public var paymentTerms: String? = nil

    /// Creates a source item from its fields.
    public init(
        number: Int, material: String, description: String? = nil, quantity: FixedDecimal, unit: String? = nil,
        unitPrice: FixedDecimal? = nil, priceUnit: FixedDecimal? = nil, taxCode: String? = nil,
        orderedQuantity: FixedDecimal? = nil, profitCenter: String? = nil, costCenter: String? = nil,
        plant: String? = nil, resourceType: ResourceType? = nil, activityType: String? = nil,
        paymentTerms: String? = nil
    ) {
        self.number = number
        self.material = material
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.priceUnit = priceUnit
        self.taxCode = taxCode
        self.orderedQuantity = orderedQuantity
        self.profitCenter = profitCenter
        self.costCenter = costCenter
        self.plant = plant
        self.resourceType = resourceType
        self.activityType = activityType
        self.paymentTerms = paymentTerms
    }
}
