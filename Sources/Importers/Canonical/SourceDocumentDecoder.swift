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
    }

    private var documents: [String: Decoded] = [:]
    private var order: [String] = []
    private var headers: [String: FieldRecord] = [:]
    private var refused: Set<String> = []
    private var linesByDocument: [String: [Int]] = [:]
    private var unattributedLines: Set<Int> = []
    /// Problems found so far; a document with any error is left out of the result.
    public private(set) var diagnostics: [ImportDiagnostic] = []

    /// Creates a decoder that has read nothing yet.
    public init() {}

    /// The header fields with their normalized names, computed once: they are compared on every row.
    static let headerFieldKeys = headerFields.map { ($0, FieldRecord.normalize($0)) }

    /// Header fields that must agree on every row of one document.
    static let headerFields = [
        "category", "type", "company_code", "account", "currency", "document_date", "billing_date",
        "reference_order", "reference_delivery", "payment_terms", "invoicing_type", "billing_block",
    ]

    /// Adds a record that carries header and item fields together (a CSV row).
    public mutating func addRow(_ record: FieldRecord) {
        addDocument(header: record, items: [record])
    }

    /// Adds a record with item children (an XML document element).
    public mutating func addDocument(_ record: FieldRecord) {
        if record.children.isEmpty {
            diagnostics.append(record.problem("Item", "document has no items"))
            unattributedLines.insert(record.line)
            return
        }
        addDocument(header: record, items: record.children)
    }

    private mutating func addDocument(header record: FieldRecord, items: [FieldRecord]) {
        let id: String
        do {
            id = try record.string("document_id")
        } catch {
            diagnostics.append(error)
            unattributedLines.insert(record.line)
            return
        }
        linesByDocument[id, default: []].append(record.line)
        if refused.contains(id) { return }
        do throws(ImportDiagnostic) {
            if let first = headers[id] {
                for (name, key) in Self.headerFieldKeys
                where first.value(normalized: key) != record.value(normalized: key) {
                    throw record.problem(
                        name,
                        "document \(id) has \"\(record.optionalString(name) ?? "")\" here but \"\(first.optionalString(name) ?? "")\" on line \(first.line)"
                    )
                }
            } else {
                headers[id] = record
                documents[id] = Decoded(
                    document: try header(record, id: id), file: record.file, line: record.line, lines: [])
                order.append(id)
            }
            for item in items {
                let decoded = try self.item(item)
                if documents[id]?.document.items.contains(where: { $0.number == decoded.number }) == true {
                    throw item.problem("item_number", "document \(id) has item \(decoded.number) twice")
                }
                documents[id]?.document.items.append(decoded)
            }
        } catch {
            // One bad row spoils its document (half a document must not be invoiced); others go on.
            diagnostics.append(error)
            refused.insert(id)
            documents[id] = nil
        }
    }

    /// The documents decoded without error, in file order.
    public func finish() -> [Decoded] {
        order.compactMap { id in
            documents[id].map { decoded in
                var decoded = decoded
                decoded.lines = linesByDocument[id] ?? [decoded.line]
                return decoded
            }
        }
    }

    /// The first lines of every record refused, including later rows of a refused document.
    public var rejectedLines: Set<Int> {
        refused.reduce(into: unattributedLines) { lines, id in lines.formUnion(linesByDocument[id] ?? []) }
    }

    private func header(_ record: FieldRecord, id: String) throws(ImportDiagnostic) -> SourceDocument {
        let documentDate = try record.date("document_date")
        return SourceDocument(
            id: id, category: try record.choice("category", SourceCategory.self), type: try record.string("type"),
            companyCode: try record.string("company_code"), account: try record.string("account"),
            currency: try record.currency("currency"), documentDate: documentDate,
            billingDate: try record.optionalDate("billing_date") ?? documentDate,
            referenceOrder: record.optionalString("reference_order"),
            referenceDelivery: record.optionalString("reference_delivery"),
            paymentTerms: record.optionalString("payment_terms"),
            invoicingType: record.optionalString("invoicing_type"), billingBlock: try record.flag("billing_block"),
            items: [])
    }

    private func item(_ record: FieldRecord) throws(ImportDiagnostic) -> SourceItem {
        let priceUnit = try record.optionalDecimal("price_unit", maxScale: 3)
        if let priceUnit, priceUnit.significand <= 0 {
            throw record.problem("price_unit", "price unit must be positive")
        }
        return SourceItem(
            number: try record.integer("item_number"), material: try record.string("material"),
            description: record.optionalString("description"),
            quantity: try record.decimal("quantity", maxScale: 6), unit: record.optionalString("unit"),
            unitPrice: try record.optionalDecimal("unit_price", maxScale: 6), priceUnit: priceUnit,
            taxCode: record.optionalString("tax_code"))
    }
}
