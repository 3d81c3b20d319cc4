import InvoiceStore
import InvoicingCore
import Testing

/// The invoice split at item level: one source document whose items belong to a material group
/// marked for separate invoicing and to an ordinary one gives two invoices, each item invoiced
/// once; cancelling either re-opens exactly its items; the store's invariants after each step.
@Suite
struct ItemSplitTests {
    static let later = CalendarDate(year: 2026, month: 12, day: 2)!
    static let separate = BillingWorld.configuration(separate: ["SEP"])

    /// D1: two ordinary items and one of the separate group; D2: one ordinary item.
    private func store() throws -> InvoiceStore {
        try BillingWorld.store([
            BillingWorld.document(
                "D1", order: "4711", delivery: "80001", items: [("M1", 2, nil), ("M2", 1, nil), ("M1", 3, nil)]),
            BillingWorld.document("D2", order: "4711", delivery: "80002"),
        ])
    }

    private func items(_ invoice: Invoice) -> [String] {
        invoice.lines.map { "\($0.sourceDocument)/\($0.sourceItem)" }
    }

    private func cancel(_ number: String, _ store: InvoiceStore) throws {
        _ = try store.cancel(
            number, on: Self.later, reason: "split test", createdAt: "2026-12-02T10:00:00Z", createdBy: "alice")
    }

    @Test func aDocumentWithItemsOfASeparateMaterialGroupGivesTwoInvoicesEachItemOnce() throws {
        let store = try store()
        let run = try BillingWorld.run(store, configuration: Self.separate)
        #expect(run.drafts.map { items($0.invoice) } == [["D1/10", "D1/30", "D2/10"], ["D1/20"]])
        #expect(run.drafts.map(\.invoice.number) == ["IN-1000-2026-000001", "IN-1000-2026-000002"])
        #expect(try store.openOrders().isEmpty)
        #expect(
            try store.deliveryLines(sourceDocuments: ["D1"]).map(\.invoiceNumber) == [
                "IN-1000-2026-000001", "IN-1000-2026-000002", "IN-1000-2026-000001",
            ])
        let traces = try store.orderTraces(sourceDocuments: ["D1"])
        #expect(traces.map(\.items) == [[10, 30], [20]])
        #expect(traces.map(\.invoiceNumber) == ["IN-1000-2026-000001", "IN-1000-2026-000002"])
        #expect(try store.invariantViolations() == [])
        // Nothing is left to invoice.
        #expect(try BillingWorld.run(store, configuration: Self.separate).drafts.isEmpty)
    }

    @Test(arguments: [0, 1])
    func cancellingEitherInvoiceReopensExactlyItsItemsAndTheNextRunBillsThemAgain(which: Int) throws {
        let store = try store()
        let first = try BillingWorld.run(store, configuration: Self.separate).drafts.map(\.invoice)
        let cancelled = first[which]
        try cancel(cancelled.number, store)
        let open = try store.openOrders()
        let reopened = open.flatMap { order in order.document.items.map { "\(order.document.id)/\($0.number)" } }
        #expect(reopened == items(cancelled))
        let lines = try store.deliveryLines(sourceDocuments: ["D1", "D2"])
        #expect(lines.filter { $0.status == .delivered }.map { "\($0.sourceDocument)/\($0.item)" } == items(cancelled))
        #expect(try store.invariantViolations() == [])

        let again = try BillingWorld.run(store, configuration: Self.separate, on: Self.later).drafts.map(\.invoice)
        #expect(again.map(items) == [items(cancelled)])
        #expect(again.first?.kind == .corrective)
        #expect(again.first?.reference == cancelled.number)
        #expect(again.first?.number == "IN-1000-2026-000003")
        #expect(try store.openOrders().isEmpty)
        #expect(try store.invariantViolations() == [])

        // The other one cancelled too, then both billed again: still every item once.
        try cancel(first[1 - which].number, store)
        #expect(try store.invariantViolations() == [])
        let last = try BillingWorld.run(store, configuration: Self.separate, on: Self.later).drafts.map(\.invoice)
        #expect(last.map(items) == [items(first[1 - which])])
        #expect(try store.invariantViolations() == [])
    }

    @Test func partsOfOneOrderCommittedInEitherOrderCloseEachItsItems() throws {
        let store = try store()
        var data = MasterData()
        data.add(BillingWorld.masterData)
        let parameters = RunParameters(process: "P", runDate: BillingWorld.date)
        let run = try InvoicingRun(configuration: Self.separate, masterData: data, parameters: parameters)
        let units = run.group(run.select(try store.openOrders()))
        #expect(units.count == 2)
        #expect(units.map { $0.orders.map(\.items) } == [[[10, 30], nil], [[20]]])
        let runID = try store.beginRun(parameters, parametersJSON: "{}")
        // The separate part first: the order is split, its other items stay open in a part of their own.
        for unit in units.reversed() {
            guard case .invoiced(let draft) = run.invoice(unit) else {
                Issue.record("unit \(unit.index) not invoiced")
                return
            }
            _ = try store.commit(draft, orders: unit.orders, runID: runID)
            #expect(try store.invariantViolations() == [])
        }
        #expect(try store.openOrders().isEmpty)
        // A part cannot be invoiced twice.
        guard case .invoiced(let draft) = run.invoice(units[1]) else { return }
        #expect(throws: StoreError.self) { try store.commit(draft, orders: units[1].orders, runID: runID) }
        #expect(try store.invariantViolations() == [])
    }

    @Test func anOrderWhoseItemsAreAllOfOneGroupIsNotSplit() throws {
        var data = MasterData()
        data.add(BillingWorld.masterData)
        let run = try InvoicingRun(
            configuration: Self.separate, masterData: data,
            parameters: RunParameters(process: "P", runDate: BillingWorld.date))
        let order = InvoicingOrder(
            id: 1, document: BillingWorld.document("D1", items: [("M2", 1, nil), ("M2", 2, nil)]))
        let units = run.group(run.select([order]))
        #expect(units.map { $0.orders.map(\.items) } == [[nil]])
        #expect(units.first?.characteristics.last?.value == "SEP")
    }

    @Test func aCreditMemoOnOneOfTheSplitInvoicesIsLimitedToWhatThatInvoiceBilled() throws {
        let store = try store()
        var configuration = Self.separate
        configuration.processes["P"]?.categories.append(.init(category: .creditMemoRequest, mainSelection: true))
        let invoices = try BillingWorld.run(store, configuration: configuration).drafts.map(\.invoice)
        var data = MasterData()
        data.add(BillingWorld.masterData)
        let parameters = RunParameters(process: "P", runDate: Self.later)
        let run = try InvoicingRun(configuration: configuration, masterData: data, parameters: parameters)
        let runID = try store.beginRun(parameters, parametersJSON: "{}")
        /// Imports a return of `quantity` × M2 on `invoice` and stores its memo.
        func credit(_ id: String, _ quantity: Int64, on invoice: Invoice) throws -> InvoiceDraft {
            var request = BillingWorld.document(id, items: [("M2", quantity, nil)])
            request.category = .creditMemoRequest
            request.type = "RETURN"
            request.referenceInvoice = invoice.number
            try BillingWorld.importing([request], into: store)
            let units = run.group(run.select(try store.openOrders()))
            try #require(units.count == 1)
            guard case .invoiced(let draft) = run.invoice(units[0]) else { throw CancellationError() }
            // A refused memo's request is rejected, so the next one is the only open request.
            defer {
                try? store.decide(request: id, approve: false, decidedAt: "2026-12-02", decidedBy: "t", reason: nil)
            }
            return try store.commit(draft, orders: units[0].orders, runID: runID)
        }
        // The separate invoice billed 1 × M2, the other none.
        #expect(throws: StoreError.self) { try credit("R1", 2, on: invoices[1]) }
        #expect(throws: StoreError.self) { try credit("R2", 1, on: invoices[0]) }
        #expect(try credit("R3", 1, on: invoices[1]).invoice.number == "CM-1000-2026-000001")
        #expect(try store.invariantViolations() == [])
    }

    @Test func itemsWithTheirOwnPaymentTermsAreInvoicedApartEachDueByItsTerms() throws {
        var document = BillingWorld.document("D1", delivery: "80001", items: [("M1", 2, nil), ("M1", 1, nil)])
        document.items[1].paymentTerms = "NT30"
        let store = try BillingWorld.store([document, BillingWorld.document("D2")])
        let invoices = try BillingWorld.run(store).drafts.map(\.invoice)
        #expect(invoices.map(items) == [["D1/10", "D2/10"], ["D1/20"]])
        #expect(invoices.map(\.paymentTerms.id) == [StoreWorld.masterData.accounts[0].paymentTerms, "NT30"])
        #expect(invoices.last?.dueDate == CalendarDate(year: 2026, month: 12, day: 30))
        #expect(try store.invariantViolations() == [])
        _ = try store.cancel(
            invoices[1].number, on: Self.later, reason: nil, createdAt: "2026-12-02T10:00:00Z", createdBy: "alice")
        let again = try BillingWorld.run(store, on: Self.later).drafts.map(\.invoice)
        #expect(again.map(items) == [["D1/20"]])
        #expect(again.map(\.paymentTerms.id) == ["NT30"])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aPartThatFailsLeavesExactlyItsItemsOpenForTheNextRun() throws {
        var document = BillingWorld.document("D1", delivery: "80001", items: [("M1", 2, nil), ("M2", 1, nil)])
        document.items[1].unitPrice = nil  // M2 has no price condition: its part fails
        let store = try BillingWorld.store([document])
        let invoices = try BillingWorld.run(store, configuration: Self.separate).drafts.map(\.invoice)
        #expect(invoices.map(items) == [["D1/10"]])
        let open = try store.openOrders()
        #expect(open.map(\.items) == [[20]])
        #expect(open.map { $0.document.items.map(\.material) } == [["M2"]])
        #expect(try store.deliveryLines(sourceDocuments: ["D1"]).map(\.status) == [.posted, .delivered])
        #expect(try store.invariantViolations() == [])
    }
}
