import InvoiceStore
import InvoicingCore
import Testing

/// Releasing an FI document held by a posting block.
@Suite
struct PostingReleaseTests {
    /// A store with IN-1000-2026-000001 (FI-1000-2026-000001 held) and IN-1000-2026-000002 (not held).
    private func store() throws -> InvoiceStore {
        let store = try InvoiceStore()
        try store.save(StoreWorld.masterData)
        _ = try store.importDocuments([
            (StoreWorld.document("D1", account: "A1"), .init(file: "in.csv", line: 2)),
            (StoreWorld.document("D2", account: "A2"), .init(file: "in.csv", line: 3)),
        ])
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        for (index, (draft, orders)) in try StoreWorld.drafts(for: try store.openOrders()).enumerated() {
            var draft = draft
            draft.posting.held = index == 0
            _ = try store.commit(draft, orders: orders, runID: runID)
        }
        return store
    }

    private func release(_ number: String, _ store: InvoiceStore) throws -> (runID: String, posting: FIDocument) {
        let released = try store.releasePosting(
            of: number, on: StoreWorld.date, releasedAt: "2026-12-01T08:00:00Z", releasedBy: "eve")
        #expect(released.postings.count == 1)  // no intercompany invoice here
        // swift-format-ignore: NeverForceUnwrap
        return (released.runID, released.postings.first!)
    }

    @Test func aHeldPostingIsReleasedOnceByInvoiceOrFINumber() throws {
        let store = try store()
        #expect(try store.postingDocument("FI-1000-2026-000001")?.held == true)
        let released = try release("IN-1000-2026-000001", store)
        #expect(released.runID == "RUN-000002")
        #expect(released.posting.number == "FI-1000-2026-000001" && !released.posting.held)
        #expect(try store.postingDocument("FI-1000-2026-000001")?.held == false)
        #expect {
            _ = try release("FI-1000-2026-000001", store)
        } throws: { error in
            (error as? StoreError)?.message == "FI-1000-2026-000001 was released by eve at 2026-12-01T08:00:00Z"
        }
        #expect {
            _ = try release("IN-1000-2026-000002", store)
        } throws: { error in
            (error as? StoreError)?.message
                == "FI-1000-2026-000002 is not held by a posting block; there is nothing to release"
        }
        #expect(try store.invariantViolations() == [])
    }

    @Test func theCancellationOfAHeldInvoiceIsHeldToo() throws {
        let store = try store()
        let cancellation = try store.cancel(
            "IN-1000-2026-000001", on: StoreWorld.date, reason: nil, createdAt: "now", createdBy: "eve")
        #expect(cancellation.posting.held)
        #expect(try release(cancellation.invoice.number, store).posting.number == cancellation.posting.number)
    }
}
