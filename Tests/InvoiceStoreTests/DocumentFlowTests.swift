import InvoiceStore
import InvoicingCore
import Testing

/// Cancellations in the store: numbers, reversed FI documents, re-created orders, refusals, and
/// the store's invariants after each scenario.
@Suite
struct DocumentFlowTests {
    static let later = CalendarDate(year: 2026, month: 12, day: 2)!

    /// A store with one invoice per account in `accounts`, made by one run.
    private func invoicedStore(_ accounts: [String] = ["A1", "A2"]) throws -> InvoiceStore {
        let store = try InvoiceStore()
        try store.save(StoreWorld.masterData)
        _ = try store.importDocuments(
            accounts.enumerated().map { index, account in
                (StoreWorld.document("D\(index + 1)", account: account), .init(file: "in.csv", line: index + 2))
            })
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        for (draft, orders) in try StoreWorld.drafts(for: try store.openOrders()) {
            _ = try store.commit(draft, orders: orders, runID: runID)
        }
        #expect(try store.invariantViolations() == [])
        return store
    }

    private func cancel(_ number: String, in store: InvoiceStore, reason: String? = "wrong") throws -> InvoiceDraft {
        try store.cancel(number, on: Self.later, reason: reason, createdAt: "2026-12-02T10:00:00Z", createdBy: "alice")
    }

    @Test func cancellationTakesItsOwnNumberAndReversesTheFIDocumentLineByLine() throws {
        let store = try invoicedStore()
        let original = try #require(try store.invoice(number: "IN-1000-2026-000001"))
        let originalPosting = try #require(try store.postingDocument("FI-1000-2026-000001"))
        let draft = try cancel("IN-1000-2026-000001", in: store)
        #expect(draft.invoice.number == "CN-1000-2026-000001")
        #expect(draft.invoice.kind == .cancellation)
        #expect(draft.invoice.reference == "IN-1000-2026-000001")
        #expect(draft.invoice.grossTotal == original.grossTotal.negated)
        #expect(draft.invoice.runID == "RUN-000002")
        // The FI range goes on from the run's documents: the cancellation's is the third.
        #expect(draft.posting.number == "FI-1000-2026-000003")
        #expect(draft.posting.reference == "CN-1000-2026-000001")
        #expect(draft.posting.postingDate == Self.later)
        #expect(draft.posting.lines.map(\.side) == originalPosting.lines.map(\.side.opposite))
        #expect(draft.posting.lines.map(\.amount) == originalPosting.lines.map(\.amount))
        #expect(draft.posting.lines.map(\.glAccount) == originalPosting.lines.map(\.glAccount))
        #expect(draft.posting.balance == .zero(.eur))
        #expect(try store.postingDocument("FI-1000-2026-000003") == draft.posting)
        #expect(try store.invoice(number: "CN-1000-2026-000001") == draft.invoice)
        #expect(try store.numberRanges() == ["IN-1000-2026": 2, "FI-1000-2026": 3, "CN-1000-2026": 1])
        #expect(try store.invariantViolations() == [])
    }

    @Test func cancellationReopensInvoicingOrdersOfTheOriginalOnly() throws {
        let store = try invoicedStore()
        #expect(try store.openOrders().isEmpty)
        _ = try cancel("IN-1000-2026-000001", in: store)
        let open = try store.openOrders()
        #expect(open.map(\.document.id) == ["D1"])
        let traces = try store.orderTraces(sourceDocuments: ["D1", "D2"])
        #expect(traces.map(\.isOpen) == [false, false, true])
        #expect(traces.last?.reopenedBy == "CN-1000-2026-000001")
        #expect(try store.cancellation(of: "IN-1000-2026-000001") == "CN-1000-2026-000001")
        #expect(try store.cancellation(of: "IN-1000-2026-000002") == nil)
        #expect(try store.invariantViolations() == [])

        // The next run invoices the re-opened order again, with the next invoice number.
        let runID = try store.beginRun(RunParameters(process: "P", runDate: Self.later), parametersJSON: "{}")
        let (draft, orders) = try #require(try StoreWorld.drafts(for: open).first)
        let again = try store.commit(draft, orders: orders, runID: runID)
        #expect(again.invoice.number == "IN-1000-2026-000003")
        #expect(try store.openOrders().isEmpty)
        #expect(try store.invariantViolations() == [])
    }

    @Test func anInvoiceIsCancelledOnceAndACancellationNever() throws {
        let store = try invoicedStore()
        _ = try cancel("IN-1000-2026-000001", in: store)
        let ranges = try store.numberRanges()
        #expect {
            _ = try cancel("IN-1000-2026-000001", in: store)
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .refused
                && error?.message
                    == "IN-1000-2026-000001 was cancelled before, by CN-1000-2026-000001; it cannot be cancelled twice"
        }
        #expect {
            _ = try cancel("CN-1000-2026-000001", in: store)
        } throws: { error in
            (error as? StoreError)?.message
                == "CN-1000-2026-000001 is a cancellation; a cancellation cannot be cancelled"
        }
        #expect {
            _ = try cancel("IN-1000-2026-000099", in: store)
        } throws: { error in
            (error as? StoreError)?.message == "no invoice IN-1000-2026-000099 in the store"
        }
        // A refusal uses no number and re-opens nothing.
        #expect(try store.numberRanges() == ranges)
        #expect(try store.openOrders().map(\.document.id) == ["D1"])
        #expect(try store.invariantViolations() == [])
    }

    @Test func theFlowLinkRecordsWhoWhenAndWhy() throws {
        let store = try invoicedStore()
        _ = try cancel("IN-1000-2026-000002", in: store, reason: "duplicate delivery")
        let links = try store.flowLinks(of: "IN-1000-2026-000002")
        let link = try #require(links.first)
        #expect(links.count == 1)
        #expect(link.preceding == "IN-1000-2026-000002" && link.subsequent == "CN-1000-2026-000001")
        #expect(link.kind == .cancellation && link.reason == "duplicate delivery")
        #expect(link.createdAt == "2026-12-02T10:00:00Z" && link.createdBy == "alice")
        #expect(try store.flowLinks(of: "CN-1000-2026-000001") == links)
        #expect(try store.flowLinks(of: "IN-1000-2026-000001") == [])
    }

    @Test func aCancellationDatedBeforeTheInvoiceIsRefused() throws {
        let store = try invoicedStore()
        #expect {
            _ = try store.cancel(
                "IN-1000-2026-000001", on: CalendarDate(year: 2026, month: 11, day: 29)!, reason: nil,
                createdAt: "now", createdBy: "alice")
        } throws: { error in
            (error as? StoreError)?.message
                == "the cancellation date 2026-11-29 is before the invoice date 2026-11-30 of IN-1000-2026-000001"
        }
        #expect(try store.numberRanges()["CN-1000-2026"] == nil)
    }
}
