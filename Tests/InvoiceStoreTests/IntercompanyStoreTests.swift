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

    /// StoreWorld's engine with plant P2 of company code 2000, which delivers for 1000 at 75 %.
    static func engine(on date: CalendarDate) throws -> InvoicingRun {
        var configuration = StoreWorld.configuration
        configuration.plants = ["P2": Plant(id: "P2", companyCode: "2000")]
        configuration.intercompany = [
            IntercompanyAgreement(
                deliveringCompanyCode: "2000", sellingCompanyCode: "1000", internalAccount: "IC-1000",
                transferPricePercent: FixedDecimal(75))
        ]
        var data = MasterData()
        data.add(Self.masterData)
        return try InvoicingRun(
            configuration: configuration, masterData: data, parameters: RunParameters(process: "P", runDate: date))
    }

    /// A store with invoice IN-1000-2026-000001 of account A1, whose item plant P2 delivered.
    private func invoicedStore() throws -> (InvoiceStore, InvoiceDraft) {
        let store = try InvoiceStore()
        try store.save(Self.masterData)
        var document = StoreWorld.document("D1", account: "A1", quantity: 4)
        document.items[0].plant = "P2"
        _ = try store.importDocuments([(document, .init(file: "in.csv", line: 2))])
        let run = try Self.engine(on: StoreWorld.date)
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

    /// Imports an unblocked memo request on IN-1000-2026-000001 for `quantity` of M1 (no plant:
    /// the invoice's is taken) and runs it as the command line does, with the invoice it corrects.
    private func memo(
        _ id: String, _ category: SourceCategory, type: String = "RETURN", quantity: Int64, store: InvoiceStore
    ) throws -> InvoiceDraft {
        var request = StoreWorld.document(id, account: "A1", quantity: quantity)
        request.category = category
        request.type = type
        request.referenceInvoice = "IN-1000-2026-000001"
        _ = try store.importDocuments([(request, .init(file: "requests.csv", line: 2))])
        let run = try Self.engine(on: Self.later)
        let units = run.group(run.select(try store.openOrders()))
        try #require(units.count == 1)
        let references = ["IN-1000-2026-000001": try #require(try store.invoice(number: "IN-1000-2026-000001"))]
        guard case .invoiced(let draft) = run.invoice(units[0], advances: [], references: references) else {
            Issue.record("expected a memo")
            throw CancellationError()
        }
        let runID = try store.beginRun(RunParameters(process: "P", runDate: Self.later), parametersJSON: "{}")
        return try store.commit(draft, orders: units[0].orders, runID: runID)
    }

    private func cancel(_ number: String, _ store: InvoiceStore) throws -> InvoiceDraft {
        try store.cancel(number, on: Self.later, reason: "test", createdAt: "2026-12-02T10:00:00Z", createdBy: "alice")
    }

    @Test func aCreditMemoCreditsItsShareOfTheInternalInvoiceInBothCompanyCodes() throws {
        let (store, _) = try invoicedStore()
        let memo = try memo("R1", .creditMemoRequest, quantity: 1, store: store)
        #expect(memo.invoice.number == "CM-1000-2026-000001")
        #expect(memo.invoice.grossTotal == Money(minorUnits: -1250, currency: .eur))
        let credit = try #require(memo.intercompany.first)
        // 1 of the 4 pieces at the transfer price: 1 × 7.875 = 7.88 net, 1.50 VAT, 9.38, credited.
        #expect(credit.invoice.number == "IC-2000-2026-000002")
        #expect(credit.invoice.reference == "CM-1000-2026-000001")
        #expect(credit.invoice.lines.map(\.quantity) == [FixedDecimal(-1)])
        #expect(credit.invoice.grossTotal == Money(minorUnits: -938, currency: .eur))
        #expect(credit.posting.number == "FI-2000-2026-000002")
        #expect(credit.posting.balance.isZero)
        // The delivering company code credits its receivable from the selling one.
        #expect(credit.posting.lines.first { $0.accountKey == .receivable }?.side == .credit)
        let receiver = try #require(credit.receiverPosting)
        #expect(receiver.number == "FI-1000-2026-000004")
        #expect(receiver.balance.isZero)
        #expect(receiver.lines.first { $0.accountKey == .intercompanyPayable }?.side == .debit)
        #expect(try store.receiverPosting(of: "IC-2000-2026-000002") == receiver)
        let links = try store.flowLinks(of: "CM-1000-2026-000001").filter { $0.preceding == "CM-1000-2026-000001" }
        #expect(links.map(\.subsequent) == ["IC-2000-2026-000002"])
        #expect(try store.invariantViolations() == [])

        // Cancelling the memo reverses its intercompany credit in both company codes.
        let memoCancellation = try cancel("CM-1000-2026-000001", store)
        #expect(memoCancellation.intercompany.map(\.invoice.number) == ["CN-2000-2026-000001"])
        #expect(try store.cancellation(of: "IC-2000-2026-000002") == "CN-2000-2026-000001")
        #expect(try store.invariantViolations() == [])
        // Then the invoice and its internal invoice; every range stays gap-free.
        let cancellation = try cancel("IN-1000-2026-000001", store)
        #expect(cancellation.intercompany.map(\.invoice.number) == ["CN-2000-2026-000002"])
        #expect(try store.invariantViolations() == [])
    }

    @Test func aDebitMemoBillsItsShareInternallyAndAPriceDifferenceNothing() throws {
        let (store, _) = try invoicedStore()
        let debit = try memo("R1", .debitMemoRequest, quantity: 2, store: store)
        #expect(debit.invoice.number == "DM-1000-2026-000001")
        // 2 × 7.875 = 15.75 net, 2.99 VAT, 18.74.
        #expect(debit.intercompany.map(\.invoice.grossTotal) == [Money(minorUnits: 1874, currency: .eur)])
        #expect(debit.intercompany.map(\.invoice.number) == ["IC-2000-2026-000002"])
        let price = try memo("R2", .creditMemoRequest, type: "PRICE_DIFFERENCE", quantity: 1, store: store)
        #expect(price.invoice.number == "CM-1000-2026-000001")
        #expect(price.intercompany.isEmpty)
        #expect(try store.invariantViolations() == [])
    }

    @Test func aCorrectiveInvoiceAfterACancellationHasItsInternalInvoiceAgain() throws {
        let (store, _) = try invoicedStore()
        _ = try cancel("IN-1000-2026-000001", store)
        let run = try Self.engine(on: Self.later)
        let units = run.group(run.select(try store.openOrders()))
        guard case .invoiced(let draft) = run.invoice(units[0]) else {
            Issue.record("expected a corrective invoice")
            return
        }
        let runID = try store.beginRun(RunParameters(process: "P", runDate: Self.later), parametersJSON: "{}")
        let stored = try store.commit(draft, orders: units[0].orders, runID: runID)
        #expect(stored.invoice.kind == .corrective)
        #expect(stored.intercompany.map(\.invoice.number) == ["IC-2000-2026-000002"])
        #expect(try store.invariantViolations() == [])
    }
}
