import InvoiceStore
import InvoicingCore

/// StoreWorld's company with what delivery-based and special invoices need: an advance
/// material posting to a customer-advances account, a material group marked for separate
/// invoicing, invoicing types per document kind and an order type that defers invoicing.
enum BillingWorld {
    static let date = StoreWorld.date

    static var masterData: MasterDataBatch {
        var batch = StoreWorld.masterData
        batch.materials += [
            Material(
                id: "ADV", description: "Advance payment", unit: "C62", materialGroup: "ADV", taxClassification: "1",
                accountAssignmentGroup: "AD"),
            Material(
                id: "M2", description: "Licence", unit: "C62", materialGroup: "SEP", taxClassification: "1",
                accountAssignmentGroup: "10"),
        ]
        batch.accountDetermination.append(
            AccountDeterminationRule(
                chartOfAccounts: "CA", salesOrganisation: "1000", accountGroup: "*", materialGroup: "AD",
                accountKey: .revenue, glAccount: "G-ADV"))
        batch.paymentTerms.append(PaymentTerms(id: "NT30", description: "30 days net", netDays: 30))
        return batch
    }

    static func configuration(
        characteristics: [GroupingCharacteristic] = [], separate: [String] = [], postingBlock: Bool = false
    ) -> InvoicingConfiguration {
        InvoicingConfiguration(
            processes: [
                InvoicingProcess(
                    id: "P", description: "Process",
                    categories: [.init(category: .externalBilling, mainSelection: true)],
                    functions: [.pricing, .tax, .posting] + (postingBlock ? [.postingBlock] : []), defaultType: "T",
                    typeRules: [
                        TypeRule(category: nil, documentType: "ADV", invoicingType: "ADV"),
                        TypeRule(category: nil, documentType: "PRE", invoicingType: "PRE"),
                        TypeRule(category: nil, documentType: "SUM", invoicingType: "SUM"),
                        TypeRule(category: nil, documentType: "PF", invoicingType: "PF"),
                    ],
                    groupingVariant: "V")
            ],
            types: [
                InvoicingType(id: "T", description: "Type", pricingMode: .copyUnchanged),
                InvoicingType(id: "ADV", description: "Advance", pricingMode: .copyUnchanged, documentKind: .advance),
                InvoicingType(
                    id: "PRE", description: "Prepayment", pricingMode: .copyUnchanged, documentKind: .prepayment),
                InvoicingType(id: "SUM", description: "Summary", pricingMode: .copyUnchanged, documentKind: .summary),
                InvoicingType(id: "PF", description: "Pro forma", pricingMode: .copyUnchanged, documentKind: .proForma),
            ],
            categories: [
                InvoicingCategory(
                    id: "C", description: "Category", functions: postingBlock ? [.postingBlock: .active] : [:])
            ],
            groupingVariants: [
                GroupingVariant(
                    id: "V", description: "Variant", characteristics: characteristics, separateMaterialGroups: separate)
            ],
            orderTypes: [OrderType(id: "DEFER", description: "Complete delivery", deferUntilFullyDelivered: true)])
    }

    /// A document of `account` of type `type` with one item per (material, quantity, ordered).
    static func document(
        _ id: String, account: String = "A1", type: String = "USAGE", order: String? = nil, delivery: String? = nil,
        items: [(String, Int64, Int64?)] = [("M1", 2, nil)], terms: String? = nil, price: Int64? = nil
    ) -> SourceDocument {
        SourceDocument(
            id: id, category: .externalBilling, type: type, companyCode: "1000", account: account, currency: .eur,
            documentDate: date, billingDate: date, referenceOrder: order, referenceDelivery: delivery,
            paymentTerms: terms,
            items: items.enumerated().map { index, item in
                SourceItem(
                    number: (index + 1) * 10, material: item.0, quantity: FixedDecimal(item.1),
                    unitPrice: price.map { FixedDecimal($0) } ?? (item.0 == "M1" ? nil : FixedDecimal(100)),
                    orderedQuantity: item.2.map { FixedDecimal($0) })
            })
    }

    /// A store with the world's master data and `documents` imported.
    static func store(_ documents: [SourceDocument]) throws -> InvoiceStore {
        let store = try InvoiceStore()
        try store.save(masterData)
        try importing(documents, into: store)
        return store
    }

    static func importing(_ documents: [SourceDocument], into store: InvoiceStore) throws {
        _ = try store.importDocuments(
            documents.enumerated().map { index, document in (document, .init(file: "in.csv", line: index + 2)) })
    }

    /// One run as the command line makes it: select, group, invoice with the open advances,
    /// commit one unit at a time (so an advance is stored before the final invoice after it).
    @discardableResult
    static func run(
        _ store: InvoiceStore, configuration: InvoicingConfiguration = configuration(), on date: CalendarDate = date
    ) throws -> (selection: Selection, drafts: [InvoiceDraft]) {
        var data = MasterData()
        data.add(masterData)
        let parameters = RunParameters(process: "P", runDate: date)
        let run = try InvoicingRun(configuration: configuration, masterData: data, parameters: parameters)
        let selection = run.select(try store.openOrders())
        let runID = try store.beginRun(parameters, parametersJSON: "{}")
        var drafts: [InvoiceDraft] = []
        for unit in run.group(selection) {
            guard case .invoiced(let draft) = run.invoice(unit, advances: try store.openAdvances()) else { continue }
            drafts.append(try store.commit(draft, orders: unit.orders, runID: runID))
        }
        return (selection, drafts)
    }
}
