import InvoiceStore
import InvoicingCore
import Testing

/// The store's print log: the run's original and every copy or duplicate after it.
@Suite
struct PrintLogTests {
    private func storeWithAnInvoice() throws -> (InvoiceStore, String) {
        let store = try InvoiceStore()
        try store.save(StoreWorld.masterData)
        _ = try store.importDocuments([
            (StoreWorld.document("D1", account: "A1"), InvoiceStore.DocumentOrigin(file: "in.csv", line: 2))
        ])
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        let (draft, orders) = try #require(try StoreWorld.drafts(for: try store.openOrders()).first)
        return (store, try store.commit(draft, orders: orders, runID: runID).invoice.number)
    }

    @Test func reprintsAreCountedAfterTheOriginalAndRecordWhoWhenAndWhy() throws {
        let (store, number) = try storeWithAnInvoice()
        try store.recordOriginalPrints([number], printedAt: "2026-11-30T08:00:00Z", printedBy: "run")
        let first = try store.recordReprint(
            of: number, edition: .copy, printedAt: "2026-12-01T09:00:00Z", printedBy: "anna", reason: "customer asked")
        let second = try store.recordReprint(
            of: number, edition: .duplicate, printedAt: "2026-12-02T10:00:00Z", printedBy: "ben", reason: nil)
        #expect([first, second] == [1, 2])
        let prints = try store.prints(of: number)
        #expect(prints.map(\.edition) == [.original, .copy, .duplicate])
        #expect(prints.map(\.reprint) == [0, 1, 2])
        #expect(prints.map(\.printedBy) == ["run", "anna", "ben"])
        #expect(prints[1].reason == "customer asked")
        #expect(prints[1].printedAt == "2026-12-01T09:00:00Z")
    }

    @Test func aDocumentNeverPrintedByTheRunStillCountsItsCopiesFromOne() throws {
        let (store, number) = try storeWithAnInvoice()
        #expect(
            try store.recordReprint(of: number, edition: .copy, printedAt: "t", printedBy: "u", reason: nil) == 1)
    }

    @Test func onlyStoredDocumentsArePrinted() throws {
        let (store, _) = try storeWithAnInvoice()
        #expect(throws: StoreError.self) {
            try store.recordReprint(of: "IN-NONE", edition: .copy, printedAt: "t", printedBy: "u", reason: nil)
        }
    }
}
