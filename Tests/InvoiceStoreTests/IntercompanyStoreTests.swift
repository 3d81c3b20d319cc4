import InvoiceStore
import InvoicingCore
import Testing

/// Intercompany invoices in the store: their own range, FI documents in both company codes,
/// the document flow link, the cancellation with the customer invoice, and the invariants.
@Suite
struct IntercompanyStoreTests {
    static let later = CalendarDate(year: 2026, month: 12, day: 2)!

    /// StoreWorld plus company code 2000 (plant P2), its internal account IC-1000 for 1000, and
    /// the accounts of both sides.
    static var masterData: MasterDataBatch {
        var batch = StoreWorld.masterData
        var delivering = batch.companyCodes[0]
        delivering.id = "2000"
        delivering.salesOrganisation = "2000"
        batch.companyCodes.append(delivering)
        var ic = batch.accounts[0]
        ic.id = "IC-1000"
        ic.companyCode = "2000"
        ic.accountAssignmentGroup = "IC"
        batch.accounts.append(ic)
        for key in [AccountKey.revenue, .receivable] {
            batch.accountDetermination.append(
                AccountDeterminationRule(
                    chartOfAccounts: "CA", salesOrganisation: "2000", companyCode: "2000", accountGroup: "IC",
                    materialGroup: "*", accountKey: key, glAccount: "IC-\(key.rawValue)"))
        }
        for key in [AccountKey.intercompanyExpense, .inputTax, .intercompanyPayable] {
            batch.accountDetermination.append(
                AccountDeterminationRule(
                    chartOfAccounts: "CA", salesOrganisation: "1000", companyCode: "1000", accountGroup: "*",
                    materialGroup: "*", accountKey: key, glAccount: "G-\(key.rawValue)"))
        }
        return batch
    }

    /// A store with invoice IN-1000-2026-000001 of account A1, whose item plant P2 delivered.
    private func invoicedStore() throws -> (InvoiceStore, InvoiceDraft) {
        let store = try InvoiceStore()
        try store.save(Self.masterData)
        var document = StoreWorld.document("D1", account: "A1", quantity: 4)
        document.items[0].plant = "P2"
        _ = try store.importDocuments([(document, .init(file: "in.csv", line: 2))])
        var configuration = StoreWorld.configuration
        configuration.plants = ["P2": Plant(id: "P2", companyCode: "2000")]
        configuration.intercompany = [
            IntercompanyAgreement(
                deliveringCompanyCode: "2000", sellingCompanyCode: "1000", internalAccount: "IC-1000",
                transferPricePercent: FixedDecimal(75))
        ]
        var data = MasterData()
        data.add(Self.masterData)
        let run = try InvoicingRun(
            configuration: configuration, masterData: data,
            parameters: RunParameters(process: "P", runDate: StoreWorld.date))
        let units = run.group(run.select(try store.openOrders()))
        try #require(units.count == 1)
        guard case .invoiced(let draft) = run.invoice(units[0]) else {
            Issue.record("expected an invoice")
            throw CancellationError()
        }
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        let stored = try store.commit(draft, orders: units[0].orders.map(\.id), runID: runID)
        #expect(try store.invariantViolations() == [])
        return (store, stored)
    }

    @Test func theInternalInvoiceIsNumberedAndPostedInBothCompanyCodesAndLinked() throws {
        let (store, draft) = try invoicedStore()
        #expect(draft.invoice.number == "IN-1000-2026-000001")
        let ic = try #require(draft.intercompany.first)
        // 4 × 10.50 at 75 % = 4 × 7.875 = 31.50 net, 19 % = 5.99, 37.49 gross.
        #expect(ic.invoice.number == "IC-2000-2026-000001")
        #expect(ic.invoice.reference == "IN-1000-2026-000001")
        #expect(ic.invoice.grossTotal == Money(minorUnits: 3749, currency: .eur))
        #expect(ic.posting.number == "FI-2000-2026-000001")
        #expect(ic.posting.reference == "IC-2000-2026-000001")
        let receiver = try #require(ic.receiverPosting)
        #expect(receiver.number == "FI-1000-2026-000002")
        #expect(receiver.reference == "IC-2000-2026-000001")
        #expect(try store.postingDocument("FI-2000-2026-000001") == ic.posting)
        #expect(try store.receiverPosting(of: "IC-2000-2026-000001") == receiver)
        #expect(try store.invoice(number: "IC-2000-2026-000001") == ic.invoice)
        let links = try store.flowLinks(of: "IN-1000-2026-000001")
        #expect(links.map(\.subsequent) == ["IC-2000-2026-000001"])
        #expect(links.map(\.kind) == [.intercompany])
        #expect(
            try store.numberRanges() == [
                "IN-1000-2026": 1, "FI-1000-2026": 2, "IC-2000-2026": 1, "FI-2000-2026": 1,
            ])
    }

    @Test func cancellingTheCustomerInvoiceCancelsTheInternalOneInBothCompanyCodes() throws {
        let (store, _) = try invoicedStore()
        let draft = try store.cancel(
            "IN-1000-2026-000001", on: Self.later, reason: "returned", createdAt: "2026-12-02T10:00:00Z",
            createdBy: "alice")
        #expect(draft.invoice.number == "CN-1000-2026-000001")
        let ic = try #require(draft.intercompany.first)
        #expect(ic.invoice.number == "CN-2000-2026-000001")
        #expect(ic.invoice.reference == "IC-2000-2026-000001")
        #expect(ic.posting.number == "FI-2000-2026-000002")
        #expect(ic.receiverPosting?.number == "FI-1000-2026-000004")
        #expect(ic.receiverPosting?.balance.isZero == true)
        #expect(try store.cancellation(of: "IC-2000-2026-000001") == "CN-2000-2026-000001")
        #expect(try store.invariantViolations() == [])
    }

    @Test func anIntercompanyInvoiceIsNotCancelledOnItsOwn() throws {
        let (store, _) = try invoicedStore()
        #expect {
            try store.cancel(
                "IC-2000-2026-000001", on: Self.later, reason: nil, createdAt: "2026-12-02T10:00:00Z", createdBy: "bob")
        } throws: { error in
            (error as? StoreError)?.message
                == "IC-2000-2026-000001 is an intercompany invoice; it is cancelled with its customer invoice IN-1000-2026-000001"
        }
        #expect(try store.invariantViolations() == [])
    }
}
