import InvoiceStore
import InvoicingCore
import Testing

@Suite
struct InvoiceListStoreTests {
    private static func date(_ text: String) -> CalendarDate {
        // swift-format-ignore: NeverForceUnwrap
        CalendarDate(iso: text)!
    }

    /// A store whose accounts A1 and A2 have invoices; A1 has a monthly invoice-list calendar.
    private func store() throws -> InvoiceStore {
        let store = try InvoiceStore()
        var batch = StoreWorld.masterData
        batch.accounts[0].invoiceListCalendar = .monthly
        try store.save(batch)
        let documents = [("D1", "A1", 2), ("D2", "A2", 1), ("D3", "A1", -1)].enumerated().map { index, entry in
            (
                StoreWorld.document(entry.0, account: entry.1, quantity: Int64(entry.2)),
                InvoiceStore.DocumentOrigin(file: "in.csv", line: index + 2)
            )
        }
        _ = try store.importDocuments(documents)
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        // One invoice per document: A1's credit (D3) apart from its invoice (D1).
        for order in try store.openOrders() {
            for (draft, orders) in try StoreWorld.drafts(for: [order]) {
                _ = try store.commit(draft, orders: orders, runID: runID)
            }
        }
        return store
    }

    @Test func aPayersInvoicesAndCreditsGoToSeparateListsOnceAndBecomeSubinDocuments() throws {
        let store = try store()
        #expect(try store.createInvoiceLists(on: Self.date("2026-11-29")).isEmpty, "not a list date, none before")
        let simulated = try store.createInvoiceLists(on: Self.date("2026-11-30"), simulate: true)
        #expect(simulated.map(\.list.number) == ["SIM-IL-1000-2026-000001", "SIM-IL-1000-2026-000002"])
        let lists = try store.createInvoiceLists(on: Self.date("2026-12-10"))
        #expect(lists.map(\.list.number) == ["IL-1000-2026-000001", "IL-1000-2026-000002"])
        #expect(lists.map(\.list.kind) == [.credits, .invoices])
        #expect(lists.map(\.list.listDate) == [Self.date("2026-11-30"), Self.date("2026-11-30")])
        #expect(lists.map { $0.documents.count } == [1, 1])
        #expect(lists[0].list.grossTotal.isNegative && !lists[1].list.grossTotal.isNegative)
        #expect(lists.allSatisfy { $0.list.account == "A1" }, "A2 has no calendar")
        // Again, and later: every invoice is on a list already.
        #expect(try store.createInvoiceLists(on: Self.date("2026-12-10")).isEmpty)
        #expect(try store.createInvoiceLists(on: Self.date("2026-12-31")).isEmpty)
        #expect(try store.invoiceLists().count == 2)
        // Each listed invoice is a SUBIN document whose order the list closed.
        let subin = try store.invoiceNumbersBySourceDocument().filter { $0.key.hasPrefix("SUBIN-") }
        #expect(subin.count == 2)
        #expect(Set(subin.values.flatMap { $0 }) == ["IL-1000-2026-000001", "IL-1000-2026-000002"])
        #expect(try store.numberRanges()["IL-1000-2026"] == 2)
    }

    @Test func aFactoringDiscountOnAListTotalIsPostedInABalancedDocumentOfItsOwn() throws {
        let store = try store()
        let lists = try store.createInvoiceLists(
            on: Self.date("2026-11-30"), factoringDiscount: FixedDecimal(significand: 25, scale: 1), rounding: .halfUp)
        let (list, _, posting) = try #require(lists.first { $0.list.kind == .invoices })
        // 2 × 10.50 = 21.00 + 19 % = 24.99; 2.5 % of it = 0.62475 → 0.62.
        #expect(list.grossTotal == Money(minorUnits: 2499, currency: .eur))
        #expect(list.discount == Money(minorUnits: 62, currency: .eur))
        #expect(list.amountPayable == Money(minorUnits: 2437, currency: .eur))
        let document = try #require(posting)
        #expect(document.number == "FI-1000-2026-000004", "the next number of the FI range, after three invoices")
        #expect(list.discountPosting == document.number)
        #expect(document.balance.isZero)
        #expect(document.lines.map(\.glAccount) == ["G-ERS", "G-REC"])
        #expect(document.lines.map(\.side) == [.debit, .credit])
        #expect(try store.postingBalances()[document.number] == 0)
        let credits = try #require(lists.first { $0.list.kind == .credits })
        #expect(credits.list.discount == nil && credits.posting == nil, "credit lists get no discount")
    }
}
