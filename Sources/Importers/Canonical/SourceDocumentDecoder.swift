public import InvoicingCore

/// Turns source document records into documents: CSV gives one row per item with the header
/// fields repeated; XML gives one record per document with item children.
public struct SourceDocumentDecoder: Sendable {
    /// A decoded document and where it starts.
    public struct Decoded: Sendable {
        /// The source document with all its items.
        public var document: SourceDocument
        /// The path of the file the document was read from.
        public var file: String
        /// The line where the document's first record starts.
        public var line: Int
        /// The first line of every record of the document (CSV: each item row).
        public var lines: [Int]
        /// The last line of the document's records (XML: of its last item's start).
        var lastLine = 0
    }

    /// What the decoder hands on as it reads: a document complete and without error, or one
    /// handed on earlier that turned out to be incomplete and must be taken back.
    public enum Event: Sendable {
        /// A document whose rows have all been read, without error.
        case document(Decoded)
        /// A document handed on earlier whose rows continue after other documents (CSV) or
        /// that appears a second time (XML): it must not be imported half, so it is withdrawn
        /// and all its rows are refused.
        case withdrawn(id: String)
    }

    /// The document whose rows are being read (CSV rows of one document are adjacent).
    private var open: (id: String, header: FieldRecord, decoded: Decoded)?
    /// The item numbers of the open document: a set, so a document of 100,000 items is checked
    /// for repeated numbers in linear time.
    private var openItemNumbers: Set<Int> = []
    /// The lines of every document handed on, to refuse them all if it must be withdrawn.
    /// Lines and ids only: the documents themselves are not kept, so memory stays flat.
    private var completed: [String: ClosedRange<Int>] = [:]
    /// Documents refused; their later rows are refused with them.
    private var refused: Set<String> = []
    /// How many items and record lines the last document handed on had (at most 64 each), to
    /// size the next one's arrays.
    private var lastShape = (items: 0, lines: 0)
    /// Events not yet taken by `takeEvents()`.
    private var events: [Event] = []
    /// The first lines of every record refused so far.
    public private(set) var rejectedLines: Set<Int> = []
    /// Problems found so far; a document with any error is left out of the result.
    public private(set) var diagnostics: [ImportDiagnostic] = []

    /// Creates a decoder that has read nothing yet.
    public init() {}

    /// Header fields that must agree on every row of one document.
    static let headerFields = RecordKind.documentHeaderFields.map { FieldKey($0) }
    /// The same fields marked by their number in the vocabulary, to compare two rows in one pass.
    static let headerFieldMask = FieldRecord.mask(of: headerFields)

    /// The fields read, normalized once: they are looked up on every row of every file.
    enum Key {
        static let documentID: FieldKey = "document_id"
        static let category: FieldKey = "category"
        static let type: FieldKey = "type"
        static let companyCode: FieldKey = "company_code"
        static let account: FieldKey = "account"
        static let currency: FieldKey = "currency"
        static let documentDate: FieldKey = "document_date"
        static let billingDate: FieldKey = "billing_date"
        static let referenceOrder: FieldKey = "reference_order"
        static let referenceDelivery: FieldKey = "reference_delivery"
        static let paymentTerms: FieldKey = "payment_terms"
        static let invoicingType: FieldKey = "invoicing_type"
        static let billingBlock: FieldKey = "billing_block"
        static let referenceInvoice: FieldKey = "reference_invoice"
        static let itemNumber: FieldKey = "item_number"
        static let material: FieldKey = "material"
        static let description: FieldKey = "description"
        static let quantity: FieldKey = "quantity"
        static let unit: FieldKey = "unit"
        static let unitPrice: FieldKey = "unit_price"
        static let priceUnit: FieldKey = "price_unit"
        static let taxCode: FieldKey = "tax_code"
        static let orderedQuantity: FieldKey = "ordered_quantity"
        static let profitCenter: FieldKey = "profit_center"
        static let costCenter: FieldKey = "cost_center"
        static let plant: FieldKey = "plant"
        static let resourceType: FieldKey = "resource_type"
        static let activityType: FieldKey = "activity_type"
        static let dipProfile: FieldKey = "dip_profile"
        static let itemPaymentTerms: FieldKey = "item_payment_terms"
    }

    /// Adds a record that carries header and item fields together (a CSV row). The rows of one
    /// document must follow each other: a document is handed on when a row of another one comes.
    public mutating func addRow(_ record: FieldRecord) {
        addDocument(header: record, items: CollectionOfOne(record), complete: false)
    }

    /// Adds a record with item children (an XML document element): a whole document.
    public mutating func addDocument(_ record: FieldRecord) {
        if record.children.isEmpty {
            diagnostics.append(record.problem("Item", "document has no items"))
            rejectedLines.insert(record.line)
            return
        }
        addDocument(header: record, items: record.children, complete: true)
    }

    /// The documents completed and withdrawn since the last call, in reading order.
    public mutating func takeEvents() -> [Event] {
        // Most rows complete nothing: hand back no buffer rather than copy one.
        guard !events.isEmpty else { return [] }
        defer { events = [] }
        return events
    }

    /// Hands on the document still open: the input has ended.
    public mutating func finish() {
        closeOpenDocument()
    }

    private mutating func addDocument(
        header record: FieldRecord, items: some BidirectionalCollection<FieldRecord>, complete: Bool
    ) {
        let id: String
        do {
            id = try record.string(Key.documentID)
        } catch {
            diagnostics.append(error)
            rejectedLines.insert(record.line)
            return
        }
        let continuesOpenDocument = open?.id == id
        if !continuesOpenDocument { closeOpenDocument() }
        let lastLine = items.last.map { max($0.line, record.line) } ?? record.line
        if !continuesOpenDocument && refused.contains(id) {
            rejectedLines.insert(record.line)
            return
        }
        if !continuesOpenDocument, let lines = completed.removeValue(forKey: id) {
            // Handed on already: this record shows it was incomplete. Take it back whole.
            diagnostics.append(
                record.problem(
                    "document_id",
                    "document \(id) was read complete from lines \(lines.lowerBound)–\(lines.upperBound), and here it goes on after other records; the rows of one document must follow each other, so all of it is refused"
                ))
            events.append(.withdrawn(id: id))
            rejectedLines.formUnion(lines)
            rejectedLines.insert(record.line)
            refused.insert(id)
            return
        }
        do throws(ImportDiagnostic) {
            if let first = open?.header {
                // Rows of one file compare in one pass; only a difference needs the names in order.
                if first.sameValues(as: record, marked: Self.headerFieldMask) != true {
                    for name in Self.headerFields where first.field(name)?.value != record.field(name)?.value {
                        throw record.problem(
                            name,
                            "document \(id) has \"\(record.optionalString(name) ?? "")\" here but \"\(first.optionalString(name) ?? "")\" on line \(first.line)"
                        )
                    }
                }
            } else {
                openItemNumbers.removeAll(keepingCapacity: true)
                var decoded = Decoded(
                    document: try header(record, id: id), file: record.file, line: record.line, lines: [])
                // The documents of a file tend to be alike: room for as many items and lines as the
                // last one had spares growing both arrays step by step (three copies for five items).
                decoded.document.items.reserveCapacity(lastShape.items)
                decoded.lines.reserveCapacity(lastShape.lines)
                open = (id, record, decoded)
            }
            open?.decoded.lines.append(record.line)
            for item in items {
                let decoded = try self.item(item)
                if !openItemNumbers.insert(decoded.number).inserted {
                    throw item.problem(Key.itemNumber, "document \(id) has item \(decoded.number) twice")
                }
                open?.decoded.document.items.append(decoded)
            }
            open?.decoded.lastLine = lastLine
        } catch {
            // One bad row spoils its document (half a document must not be invoiced); others go on.
            diagnostics.append(error)
            refused.insert(id)
            rejectedLines.formUnion(open?.decoded.lines ?? [])
            rejectedLines.insert(record.line)
            open = nil
            return
        }
        if complete { closeOpenDocument() }
    }

    private mutating func closeOpenDocument() {
        guard let (id, _, decoded) = open else { return }
        open = nil
        lastShape = (min(decoded.document.items.count, 64), min(decoded.lines.count, 64))
        completed[id] = decoded.line...max(decoded.line, decoded.lastLine)
        events.append(.document(decoded))
    }

    private func header(_ record: FieldRecord, id: String) throws(ImportDiagnostic) -> SourceDocument {
        let documentDate = try record.date(Key.documentDate)
        let category = try record.choice(Key.category, SourceCategory.self)
        let referenceInvoice = record.optionalString(Key.referenceInvoice)
        if category == .creditMemoRequest && referenceInvoice == nil {
            throw record.problem(Key.referenceInvoice, "a credit memo request names the invoice it corrects")
        }
        return SourceDocument(
            id: id, category: category, type: try record.string(Key.type),
            companyCode: try record.string(Key.companyCode), account: try record.string(Key.account),
            currency: try record.currency(Key.currency), documentDate: documentDate,
            billingDate: try record.optionalDate(Key.billingDate) ?? documentDate,
            referenceOrder: record.optionalString(Key.referenceOrder),
            referenceDelivery: record.optionalString(Key.referenceDelivery),
            paymentTerms: record.optionalString(Key.paymentTerms),
            invoicingType: record.optionalString(Key.invoicingType), billingBlock: try record.flag(Key.billingBlock),
            referenceInvoice: referenceInvoice, dipProfile: record.optionalString(Key.dipProfile), items: [])
    }

    private func item(_ record: FieldRecord) throws(ImportDiagnostic) -> SourceItem {
        let priceUnit = try record.optionalDecimal(Key.priceUnit, maxScale: 3)
        if let priceUnit, priceUnit.significand <= 0 {
            throw record.problem(Key.priceUnit, "price unit must be positive")
        }
        let resourceType =
            record.optionalString(Key.resourceType) == nil
            ? nil : try record.choice(Key.resourceType, ResourceType.self)
        // Hours and expenses name no material: the DIP profile maps them to the material billed.
        let material =
            resourceType == .hours || resourceType == .expense
            ? record.optionalString(Key.material) ?? "" : try record.string(Key.material)
        if resourceType == nil, let activity = record.field(Key.activityType), !activity.value.isEmpty {
            throw record.problem(Key.activityType, "an activity type needs a resource_type (hours, material, expense)")
        }
        return SourceItem(
            number: try record.integer(Key.itemNumber), material: material,
            description: record.optionalString(Key.description),
            quantity: try record.decimal(Key.quantity, maxScale: 6), unit: record.optionalString(Key.unit),
            unitPrice: try record.optionalDecimal(Key.unitPrice, maxScale: 6), priceUnit: priceUnit,
            taxCode: record.optionalString(Key.taxCode),
            orderedQuantity: try record.optionalDecimal(Key.orderedQuantity, maxScale: 6),
            profitCenter: record.optionalString(Key.profitCenter), costCenter: record.optionalString(Key.costCenter),
            plant: record.optionalString(Key.plant), resourceType: resourceType,
            activityType: record.optionalString(Key.activityType),
            paymentTerms: record.optionalString(Key.itemPaymentTerms))
    }
}
