import InvoiceStore
import InvoicingCore
import Testing

/// Delivery-based invoicing: delivery line statuses through run, release, ledger update and
/// cancellation; deferral until an order is fully delivered; partial deliveries; the store's
/// invariants after every scenario.
@Suite
struct DeliveryStatusTests {
    static let later = CalendarDate(year: 2026, month: 12, day: 2)!

    private func statuses(_ store: InvoiceStore, _ ids: [String]) throws -> [InvoiceStore.DeliveryStatus] {
        try store.deliveryLines(sourceDocuments: ids).map(\.status)
    }

    @Test func deliveryLinesGoFromDeliveredToLedgersUpdatedAndBackOnCancellation() throws {
        let store = try BillingWorld.store([
            BillingWorld.document("D1", order: "4711", delivery: "80001", items: [("M1", 2, nil), ("M1", 1, nil)])
        ])
        #expect(try statuses(store, ["D1"]) == [.delivered, .delivered])
        let (_, drafts) = try BillingWorld.run(store, configuration: BillingWorld.configuration(postingBlock: true))
        let invoice = try #require(drafts.first)
        #expect(invoice.posting.held)
        #expect(try statuses(store, ["D1"]) == [.invoiced, .invoiced])
        #expect(
            try store.deliveryLines(sourceDocuments: ["D1"]).map(\.invoiceNumber) == [
                invoice.invoice.number, invoice.invoice.number,
            ])
        #expect(try store.invariantViolations() == [])

        // Posting files of a held document change nothing; the release posts it, its files update the ledgers.
        try store.markLedgersUpdated(postings: [invoice.posting.number])
        #expect(try statuses(store, ["D1"]) == [.invoiced, .invoiced])
        _ = try store.releasePosting(
            of: invoice.invoice.number, on: Self.later, releasedAt: "2026-12-02T09:00:00Z", releasedBy: "bob")
        #expect(try statuses(store, ["D1"]) == [.posted, .posted])
        try store.markLedgersUpdated(postings: [invoice.posting.number])
        #expect(try statuses(store, ["D1"]) == [.ledgersUpdated, .ledgersUpdated])
        #expect(try store.invariantViolations() == [])

        _ = try store.cancel(
            invoice.invoice.number, on: Self.later, reason: "wrong", createdAt: "2026-12-02T10:00:00Z",
            createdBy: "alice")
        #expect(try statuses(store, ["D1"]) == [.delivered, .delivered])
        #expect(try store.deliveryLines(sourceDocuments: ["D1"]).allSatisfy { $0.invoiceNumber == nil })
        #expect(try store.invariantViolations() == [])
    }

    @Test func anUnheldInvoicePostsItsDeliveryLinesAtOnce() throws {
        let store = try BillingWorld.store([BillingWorld.document("D1", order: "4711", delivery: "80001")])
        let (_, drafts) = try BillingWorld.run(store)
        #expect(try statuses(store, ["D1"]) == [.posted])
        try store.markLedgersUpdated(postings: drafts.map(\.posting.number))
        #expect(try statuses(store, ["D1"]) == [.ledgersUpdated])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aDocumentWithoutDeliveryHasNoDeliveryLines() throws {
        let store = try BillingWorld.store([BillingWorld.document("D1")])
        #expect(try store.deliveryLines(sourceDocuments: ["D1"]).isEmpty)
    }

    @Test func aPartialDeliveryInvoicesWhatWasDeliveredAndTheRestFollows() throws {
        // 3 of 5 delivered: invoiced now, for 3; the order type does not defer.
        let store = try BillingWorld.store([
            BillingWorld.document("D1", order: "4711", delivery: "80001", items: [("M1", 3, 5)])
        ])
        let first = try #require(try BillingWorld.run(store).drafts.first)
        #expect(first.invoice.lines.map(\.quantity) == [3])
        #expect(first.invoice.netTotal == Money(minorUnits: 3150, currency: .eur))
        try BillingWorld.importing(
            [BillingWorld.document("D2", order: "4711", delivery: "80002", items: [("M1", 2, 5)])], into: store)
        let second = try #require(try BillingWorld.run(store, on: Self.later).drafts.first)
        #expect(second.invoice.lines.map(\.quantity) == [2])
        #expect(second.invoice.lines.map(\.referenceDelivery) == ["80002"])
        #expect(try statuses(store, ["D1", "D2"]) == [.posted, .posted])
        #expect(try store.invariantViolations() == [])
    }

    @Test func anOrderTypeThatDefersWaitsUntilTheOrderIsFullyDelivered() throws {
        let store = try BillingWorld.store([
            BillingWorld.document("D1", type: "DEFER", order: "4711", delivery: "80001", items: [("M1", 3, 5)])
        ])
        let waiting = try BillingWorld.run(store)
        #expect(waiting.drafts.isEmpty)
        #expect(waiting.selection.skipped.map(\.reason) == [.notFullyDelivered])
        #expect(try statuses(store, ["D1"]) == [.delivered])
        #expect(try store.invariantViolations() == [])

        // The second delivery completes the order: both deliveries go on one invoice.
        try BillingWorld.importing(
            [BillingWorld.document("D2", type: "DEFER", order: "4711", delivery: "80002", items: [("M1", 2, 5)])],
            into: store)
        let complete = try BillingWorld.run(store, on: Self.later)
        let invoice = try #require(complete.drafts.first)
        #expect(complete.drafts.count == 1)
        #expect(invoice.invoice.lines.map(\.referenceDelivery) == ["80001", "80002"])
        #expect(invoice.invoice.lines.map(\.quantity) == [3, 2])
        #expect(try statuses(store, ["D1", "D2"]) == [.posted, .posted])
        #expect(try store.invariantViolations() == [])
    }

    @Test func oneInvoicePerDeliveryOrOneCollectiveInvoiceByTheGroupingVariant() throws {
        let documents = [
            BillingWorld.document("D1", order: "4711", delivery: "80001"),
            BillingWorld.document("D2", order: "4712", delivery: "80002"),
            BillingWorld.document("D3", order: "4712", delivery: "80003"),
        ]
        let perDelivery = try BillingWorld.store(documents)
        let split = try BillingWorld.run(
            perDelivery, configuration: BillingWorld.configuration(characteristics: [.referenceDelivery]))
        #expect(split.drafts.map { $0.invoice.sourceDocuments } == [["D1"], ["D2"], ["D3"]])
        #expect(try perDelivery.invariantViolations() == [])

        let collective = try BillingWorld.store(documents)
        let one = try BillingWorld.run(collective)
        #expect(one.drafts.map { $0.invoice.sourceDocuments } == [["D1", "D2", "D3"]])
        #expect(try collective.invariantViolations() == [])
    }

    @Test func anInvoiceIsSplitByPaymentTermsAndByAMaterialGroupMarkedForSeparateInvoicing() throws {
        let store = try BillingWorld.store([
            BillingWorld.document("D1", order: "4711", delivery: "80001"),
            BillingWorld.document("D2", order: "4711", delivery: "80002", items: [("M2", 1, nil)]),
            BillingWorld.document("D3", order: "4711", delivery: "80003", terms: "NT30"),
            BillingWorld.document("D4", order: "4711", delivery: "80004"),
        ])
        let run = try BillingWorld.run(store, configuration: BillingWorld.configuration(separate: ["SEP"]))
        #expect(Set(run.drafts.map { $0.invoice.sourceDocuments }) == [["D1", "D4"], ["D2"], ["D3"]])
        #expect(run.drafts.first { $0.invoice.sourceDocuments == ["D3"] }?.invoice.paymentTerms.id == "NT30")
        #expect(try store.invariantViolations() == [])
    }
}
