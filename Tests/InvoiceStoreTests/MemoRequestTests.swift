import InvoiceStore
import InvoicingCore
import Testing

/// Credit and debit memo requests: approval, rejection, the credit limit per material, own
/// number ranges, postings with the opposite signs, and the store's invariants after each scenario.
@Suite
struct MemoRequestTests {
    static let later = CalendarDate(year: 2026, month: 12, day: 2)!

    /// A store with invoice IN-1000-2026-000001 to A1: 2 × M1 at 10.50, 21.00 net, 24.99 gross.
    private func invoicedStore() throws -> InvoiceStore {
        let store = try InvoiceStore()
        try store.save(StoreWorld.masterData)
        _ = try store.importDocuments([(StoreWorld.document("D1", account: "A1"), .init(file: "in.csv", line: 2))])
        try runAll(store, on: StoreWorld.date)
        return store
    }

    private static func request(
        _ id: String, _ category: SourceCategory = .creditMemoRequest, type: String = "RETURN", quantity: Int64,
        blocked: Bool = true, invoice: String = "IN-1000-2026-000001"
    ) -> SourceDocument {
        var document = StoreWorld.document(id, account: "A1", quantity: quantity)
        document.category = category
        document.type = type
        document.billingBlock = blocked
        document.referenceInvoice = invoice
        return document
    }

    private func importRequests(_ documents: [SourceDocument], into store: InvoiceStore) throws {
        let result = try store.importDocuments(documents.map { ($0, .init(file: "requests.csv", line: 2)) })
        #expect(result.refused.isEmpty)
    }

    /// Commits every draft the engine makes of the open orders; returns numbers and refusals.
    @discardableResult
    private func runAll(_ store: InvoiceStore, on date: CalendarDate = later) throws -> [Result<String, StoreError>] {
        let runID = try store.beginRun(RunParameters(process: "P", runDate: date), parametersJSON: "{}")
        let drafts = try StoreWorld.drafts(for: try store.openOrders())
        return try store.commit(drafts.map { (draft: $0.0, orders: $0.1) }, runID: runID).map {
            $0.map(\.invoice.number)
        }
    }

    private func approve(_ id: String, _ store: InvoiceStore) throws {
        try store.decide(request: id, approve: true, decidedAt: "2026-12-01T09:00:00Z", decidedBy: "bob", reason: "ok")
    }

    @Test func aBlockedRequestWaitsForApprovalThenBecomesACreditMemoWithItsOwnNumber() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", quantity: 1)], into: store)
        #expect(try runAll(store).isEmpty)  // blocked: nothing to invoice
        try approve("R1", store)
        let results = try runAll(store)
        #expect(try results.map { try $0.get() } == ["CM-1000-2026-000001"])
        let memo = try #require(try store.invoice(number: "CM-1000-2026-000001"))
        #expect(memo.kind == .creditMemo)
        #expect(memo.reference == "IN-1000-2026-000001")
        // 10.50 net, 19 % = 1.995 → 2.00 (half-up on the positive amount, then negated).
        #expect(memo.netTotal == Money(minorUnits: -1050, currency: .eur))
        #expect(memo.taxTotal == Money(minorUnits: -200, currency: .eur))
        #expect(memo.grossTotal == Money(minorUnits: -1250, currency: .eur))
        let posting = try #require(try store.postingDocument(memo.postingNumber))
        #expect(posting.lines.map(\.side) == [.credit, .debit, .debit])  // receivable credited, revenue and tax debited
        #expect(posting.balance == .zero(.eur))
        #expect(try store.numberRanges() == ["IN-1000-2026": 1, "FI-1000-2026": 2, "CM-1000-2026": 1])
        #expect(try store.decision(onRequest: "R1") == "approved by bob at 2026-12-01T09:00:00Z: ok")
        #expect(try store.flowLinks(of: "IN-1000-2026-000001").map(\.subsequent) == ["CM-1000-2026-000001"])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aCreditMemoCannotCreditMoreThanWasInvoicedPerItem() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", quantity: 1, blocked: false)], into: store)
        try runAll(store)
        let ranges = try store.numberRanges()
        // 2 invoiced, 1 credited: 2 more is one too many; nothing is stored, no number used.
        try importRequests([Self.request("R2", quantity: 2, blocked: false)], into: store)
        let results = try runAll(store)
        #expect(results.count == 1)
        #expect {
            _ = try results[0].get()
        } throws: { error in
            (error as? StoreError)?.message
                == "request R2 credits more M1 than IN-1000-2026-000001 invoiced (quantity left -1, net left -10.50 EUR)"
        }
        #expect(try store.numberRanges() == ranges)
        #expect(try store.openOrders().map(\.document.id) == ["R2"])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aPriceDifferenceCreditIsNotLimitedByTheInvoicedQuantity() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", type: "PRICE_DIFFERENCE", quantity: 5, blocked: false)], into: store)
        #expect(try runAll(store).map { try $0.get() } == ["CM-1000-2026-000001"])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aDebitMemoTakesItsOwnRangeAndPostsLikeAnInvoice() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", .debitMemoRequest, type: "SURCHARGE", quantity: 1)], into: store)
        try approve("R1", store)
        #expect(try runAll(store).map { try $0.get() } == ["DM-1000-2026-000001"])
        let memo = try #require(try store.invoice(number: "DM-1000-2026-000001"))
        #expect(memo.kind == .debitMemo && memo.grossTotal == Money(minorUnits: 1250, currency: .eur))
        let posting = try #require(try store.postingDocument(memo.postingNumber))
        #expect(posting.lines.first?.side == .debit)
        #expect(try store.invariantViolations() == [])
    }

    @Test func cancellingACreditMemoReopensItsRequestAndFreesWhatItCredited() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", quantity: 2, blocked: false)], into: store)
        #expect(try runAll(store).map { try $0.get() } == ["CM-1000-2026-000001"])
        let cancellation = try store.cancel(
            "CM-1000-2026-000001", on: Self.later, reason: "wrong request", createdAt: "now", createdBy: "bob")
        #expect(cancellation.invoice.number == "CN-1000-2026-000001")
        #expect(cancellation.invoice.grossTotal == Money(minorUnits: 2499, currency: .eur))  // the credit, reversed
        #expect(try store.openOrders().map(\.document.id) == ["R1"])
        #expect(try store.invariantViolations() == [])
        // The credit is free again: the request is credited anew (all 2 invoiced), then the
        // invoice can no longer be cancelled; before, with the memo cancelled, it could have been.
        #expect(try runAll(store).map { try $0.get() } == ["CM-1000-2026-000002"])
        #expect(try store.invariantViolations() == [])
        _ = try store.cancel("CM-1000-2026-000002", on: Self.later, reason: nil, createdAt: "now", createdBy: "bob")
        let reopened = try store.openOrders()
        #expect(reopened.map(\.document.id) == ["R1"])
        try store.decide(request: "R1", approve: false, decidedAt: "now", decidedBy: "bob", reason: "withdrawn")
        _ = try store.cancel("IN-1000-2026-000001", on: Self.later, reason: nil, createdAt: "now", createdBy: "bob")
        #expect(try store.numberRanges()["CN-1000-2026"] == 3)
        let violations = try store.invariantViolations()
        #expect(violations == [])
    }

    @Test func aMemoCorrectsOnlyAnInvoiceOfItsOwnPayer() throws {
        let store = try invoicedStore()
        var request = Self.request("R1", .debitMemoRequest, type: "SURCHARGE", quantity: 1, blocked: false)
        request.account = "A2"
        try importRequests([request], into: store)
        let results = try runAll(store)
        #expect {
            _ = try results.first?.get()
        } throws: { error in
            (error as? StoreError)?.message
                == "request R1 of A2 in EUR corrects IN-1000-2026-000001, which was made out to A1 in EUR"
        }
        #expect(try store.numberRanges()["DM-1000-2026"] == nil)
        #expect(try store.invariantViolations() == [])
    }

    @Test func aRejectedRequestIsNeverInvoicedAndADecisionIsTakenOnce() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", quantity: 1)], into: store)
        try store.decide(
            request: "R1", approve: false, decidedAt: "2026-12-01T09:00:00Z", decidedBy: "bob", reason: nil)
        #expect(try store.openOrders().isEmpty)
        #expect(try runAll(store).isEmpty)
        #expect {
            try approve("R1", store)
        } throws: { error in
            (error as? StoreError)?.message == "R1 was rejected by bob at 2026-12-01T09:00:00Z"
        }
        #expect {
            try approve("D1", store)
        } throws: { error in
            (error as? StoreError)?.message == "D1 has category INVBI; only credit or debit memo requests are approved"
        }
        try importRequests([Self.request("R2", quantity: 1, blocked: false)], into: store)
        #expect {
            try approve("R2", store)
        } throws: { error in
            (error as? StoreError)?.message == "R2 carries no billing block; there is nothing to approve"
        }
        #expect(try store.invariantViolations() == [])
    }

    @Test func anInvoiceWithACreditMemoCannotBeCancelledNorACancelledOneCredited() throws {
        let store = try invoicedStore()
        try importRequests([Self.request("R1", quantity: 1, blocked: false)], into: store)
        try runAll(store)
        #expect {
            _ = try store.cancel("IN-1000-2026-000001", on: Self.later, reason: nil, createdAt: "now", createdBy: "bob")
        } throws: { error in
            (error as? StoreError)?.message
                == "IN-1000-2026-000001 is corrected by CM-1000-2026-000001; an invoice with memos cannot be cancelled"
        }
        // The other way round: a credit memo request on a cancelled invoice fails its unit.
        let other = try invoicedStore()
        _ = try other.cancel("IN-1000-2026-000001", on: Self.later, reason: nil, createdAt: "now", createdBy: "bob")
        try importRequests([Self.request("R1", quantity: 1, blocked: false)], into: other)
        let results = try runAll(other).filter { (try? $0.get())?.hasPrefix("CM") != true }
        #expect {
            _ = try results.first { (try? $0.get()) == nil }?.get()
        } throws: { error in
            (error as? StoreError)?.message
                == "request R1 corrects IN-1000-2026-000001, which CN-1000-2026-000001 cancelled"
        }
        #expect(try other.invariantViolations() == [])
        #expect(try store.invariantViolations() == [])
    }
}
