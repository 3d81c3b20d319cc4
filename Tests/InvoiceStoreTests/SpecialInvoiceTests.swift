import InvoiceStore
import InvoicingCore
import Testing

/// Advance, prepayment, summary, corrective and pro forma invoices in the store, with the
/// invariants checked after each scenario.
@Suite
struct SpecialInvoiceTests {
    static let later = CalendarDate(year: 2026, month: 12, day: 2)!

    private func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    /// An advance of 100.00 on order 4711, then its delivery of 20 × 10.50 (210.00 net).
    private func advanceThenDelivery(kind: String = "ADV") throws -> (
        InvoiceStore, advance: Invoice, final: InvoiceDraft
    ) {
        let store = try BillingWorld.store([
            BillingWorld.document("A-1", type: kind, order: "4711", items: [("ADV", 1, nil)])
        ])
        let advance = try #require(try BillingWorld.run(store).drafts.first).invoice
        try BillingWorld.importing(
            [BillingWorld.document("D-1", order: "4711", delivery: "80001", items: [("M1", 20, nil)])], into: store)
        let final = try #require(try BillingWorld.run(store, on: Self.later).drafts.first)
        return (store, advance, final)
    }

    @Test(arguments: [("ADV", Invoice.Kind.advance), ("PRE", .prepayment)])
    func aFinalInvoiceDeductsItsAdvanceWithTheFullVATBreakdown(type: String, kind: Invoice.Kind) throws {
        let (store, advance, draft) = try advanceThenDelivery(kind: type)
        #expect(advance.kind == kind)
        #expect(advance.number == "IN-1000-2026-000001")
        #expect(advance.grossTotal == money(11900))
        #expect(advance.lines.map(\.revenueAccount) == ["G-ADV"])

        let final = draft.invoice
        #expect(final.kind == .invoice)
        #expect(final.advanceClearings.map(\.number) == [advance.number])
        // The VAT breakdown is the delivery's in full: 210.00 at 19 % is 39.90.
        #expect(final.netTotal == money(21000))
        #expect(final.taxes.map(\.taxAmount) == [money(3990)])
        #expect(final.grossTotal == money(24990))
        #expect(final.prepaidAmount == money(11900))
        #expect(try final.amountDue == money(13090))
        // Receivable what is still due; the advance's net and tax debited back.
        let posting = draft.posting
        #expect(posting.balance == .zero(.eur))
        #expect(posting.lines.first { $0.accountKey == .receivable }?.amount == money(13090))
        #expect(posting.lines.contains { $0.glAccount == "G-ADV" && $0.side == .debit && $0.amount == money(10000) })
        #expect(posting.lines.contains { $0.glAccount == "3800" && $0.side == .debit && $0.amount == money(1900) })
        #expect(posting.lines.contains { $0.glAccount == "3800" && $0.side == .credit && $0.amount == money(3990) })
        #expect(try store.openAdvances().isEmpty)
        #expect(try store.clearingFinal(of: advance.number) == final.number)
        #expect(try store.invariantViolations() == [])
    }

    @Test func anAdvanceIsDeductedOnceAndOpenAgainWhenItsFinalInvoiceIsCancelled() throws {
        let (store, advance, draft) = try advanceThenDelivery()
        #expect(throws: StoreError.self) {
            try store.cancel(advance.number, on: Self.later, reason: nil, createdAt: "t", createdBy: "alice")
        }
        _ = try store.cancel(draft.invoice.number, on: Self.later, reason: nil, createdAt: "t", createdBy: "alice")
        #expect(try store.openAdvances().map(\.number) == [advance.number])
        #expect(try store.invariantViolations() == [])

        // Invoiced again: a corrective invoice that deducts the advance again.
        let again = try #require(try BillingWorld.run(store, on: Self.later).drafts.first).invoice
        #expect(again.kind == .corrective)
        #expect(again.reference == draft.invoice.number)
        #expect(again.advanceClearings.map(\.number) == [advance.number])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aFinalInvoiceOfAnotherOrderDeductsNothing() throws {
        let store = try BillingWorld.store([
            BillingWorld.document("A-1", type: "ADV", order: "4711", items: [("ADV", 1, nil)])
        ])
        try BillingWorld.run(store)
        try BillingWorld.importing([BillingWorld.document("D-1", order: "9999", delivery: "80001")], into: store)
        let final = try #require(try BillingWorld.run(store, on: Self.later).drafts.first).invoice
        #expect(final.advanceClearings.isEmpty)
        #expect(final.prepaidAmount == nil)
        #expect(try store.openAdvances().count == 1)
        #expect(try store.invariantViolations() == [])
    }

    @Test func aCorrectiveInvoiceBillsAgainWhatACancelledInvoiceBilled() throws {
        let store = try BillingWorld.store([BillingWorld.document("D-1", order: "4711", delivery: "80001")])
        let original = try #require(try BillingWorld.run(store).drafts.first).invoice
        _ = try store.cancel(original.number, on: Self.later, reason: "price", createdAt: "t", createdBy: "alice")
        let corrective = try #require(try BillingWorld.run(store, on: Self.later).drafts.first).invoice
        #expect(corrective.kind == .corrective)
        #expect(corrective.reference == original.number)
        #expect(corrective.number == "IN-1000-2026-000002")  // the invoice range, gap-free
        #expect(corrective.grossTotal == original.grossTotal)
        #expect(try store.invoiceSummaries().map(\.kind) == [.cancellation, .invoice, .corrective])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aSummaryInvoiceShowsOneLinePerDeliveryAndTaxCodeAndPostsInDetail() throws {
        let documents = [
            BillingWorld.document(
                "S-1", type: "SUM", order: "4711", delivery: "80001", items: [("M1", 2, nil), ("M1", 3, nil)]),
            BillingWorld.document("S-2", type: "SUM", order: "4712", delivery: "80002", items: [("M2", 1, nil)]),
        ]
        let store = try BillingWorld.store(documents)
        let draft = try #require(try BillingWorld.run(store).drafts.first)
        let summary = draft.invoice
        #expect(summary.kind == .summary)
        #expect(summary.lines.count == 2)
        #expect(summary.lines.map(\.netAmount) == [money(5250), money(10000)])
        #expect(summary.lines.map(\.quantity) == [1, 1])
        #expect(summary.lines[0].description == "Delivery 80001 of order 4711: 2 items")
        #expect(summary.netTotal == money(15250))
        #expect(summary.taxes.map(\.taxAmount) == [money(2898)])  // 152.50 × 19 % = 28.975, half-up
        #expect(draft.posting.balance == .zero(.eur))
        #expect(try store.invariantViolations() == [])
    }

    @Test func aProFormaInvoiceTakesNoNumberAndPostsNothing() throws {
        let store = try BillingWorld.store([
            BillingWorld.document("PF-1", type: "PF", order: "4711", delivery: "80001"),
            BillingWorld.document("D-1", order: "4712", delivery: "80002"),
        ])
        let drafts = try BillingWorld.run(store).drafts
        let proForma = try #require(drafts.first { $0.invoice.kind == .proForma })
        #expect(proForma.invoice.number.hasPrefix("PF-RUN-000001-"))
        #expect(proForma.invoice.postingNumber == "")
        #expect(proForma.posting.lines.isEmpty)
        let invoice = try #require(drafts.first { $0.invoice.kind == .invoice })
        #expect(invoice.invoice.number == "IN-1000-2026-000001")
        #expect(try store.numberRanges() == ["IN-1000-2026": 1, "FI-1000-2026": 1])
        #expect(try store.deliveryLines(sourceDocuments: ["PF-1"]).map(\.status) == [.delivered])
        #expect(throws: StoreError.self) {
            try store.cancel(proForma.invoice.number, on: Self.later, reason: nil, createdAt: "t", createdBy: "alice")
        }
        #expect(try store.invariantViolations() == [])
    }

    @Test func aProFormaStaysOffInvoiceLists() throws {
        let store = try InvoiceStore()
        var batch = BillingWorld.masterData
        batch.accounts[0].invoiceListCalendar = .monthly
        try store.save(batch)
        try BillingWorld.importing(
            [BillingWorld.document("PF-1", type: "PF"), BillingWorld.document("D-1")], into: store)
        try BillingWorld.run(store)
        let lists = try store.createInvoiceLists(on: Self.later)
        #expect(lists.map { $0.documents.map(\.kind) } == [[.invoice]])
        let violations = try store.invariantViolations()
        #expect(violations == [], "\(violations)")
    }
}
