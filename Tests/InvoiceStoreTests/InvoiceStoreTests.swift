import Foundation
import InvoiceStore
import InvoicingCore
import Testing

@Suite
struct InvoiceStoreTests {
    private func storeWithOrders(_ accounts: [String]) throws -> InvoiceStore {
        let store = try InvoiceStore()
        try store.save(StoreWorld.masterData)
        let documents = accounts.enumerated().map { index, account in
            (
                StoreWorld.document("D\(index + 1)", account: account),
                InvoiceStore.DocumentOrigin(file: "in.csv", line: index + 2)
            )
        }
        _ = try store.importDocuments(documents)
        return store
    }

    @Test func commitsDrawConsecutiveNumbersAndCloseTheOrders() throws {
        let store = try storeWithOrders(["A1", "A2", "A3"])
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        #expect(runID == "RUN-000001")
        let drafts = try StoreWorld.drafts(for: try store.openOrders())
        let numbers = try drafts.map { draft, orders in
            try store.commit(draft, orders: orders, runID: runID).invoice.number
        }
        #expect(numbers == ["IN-1000-2026-000001", "IN-1000-2026-000002", "IN-1000-2026-000003"])
        #expect(try store.openOrders().isEmpty)
        #expect(try store.orderCounts() == (open: 0, invoiced: 3))
        #expect(try store.numberRanges() == ["IN-1000-2026": 3, "FI-1000-2026": 3])
        let stored = try #require(try store.invoice(number: "IN-1000-2026-000002"))
        #expect(stored.postingNumber == "FI-1000-2026-000002")
        #expect(stored.runID == "RUN-000001")
        #expect(stored.grossTotal == Money(minorUnits: 2499, currency: .eur))  // 2 × 10.50 = 21.00 + 19 % = 24.99
        #expect(try store.postingBalances().values.allSatisfy { $0 == 0 })
    }

    @Test func aCommitThatFailsUsesNoNumber() throws {
        let store = try storeWithOrders(["A1", "A2"])
        let drafts = try StoreWorld.drafts(for: try store.openOrders())
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        _ = try store.commit(drafts[0].0, orders: drafts[0].1, runID: runID)
        // The same orders again: they are no longer open, so the whole commit rolls back.
        #expect(throws: StoreError.self) { try store.commit(drafts[0].0, orders: drafts[0].1, runID: runID) }
        do {
            _ = try store.commit(drafts[0].0, orders: drafts[0].1, runID: runID)
        } catch {
            #expect(error.code == .orderNotOpen)
            #expect(error.message == "invoicing order 1 is no longer open")
        }
        let next = try store.commit(drafts[1].0, orders: drafts[1].1, runID: runID)
        #expect(next.invoice.number == "IN-1000-2026-000002")
        #expect(try store.invoiceSummaries().map(\.number) == ["IN-1000-2026-000001", "IN-1000-2026-000002"])
    }

    @Test func aBatchCommitKeepsEveryInvoiceButTheOneThatFailsAndLeavesNoGap() throws {
        let store = try storeWithOrders(["A1", "A2", "A3"])
        let drafts = try StoreWorld.drafts(for: try store.openOrders())
        let runID = try store.beginRun(RunParameters(process: "P", runDate: StoreWorld.date), parametersJSON: "{}")
        // The second entry repeats the first one's orders: it fails in its savepoint, alone.
        let results = try store.commit(
            [(drafts[0].0, drafts[0].1), (drafts[1].0, drafts[0].1), (drafts[2].0, drafts[2].1)], runID: runID)
        #expect(results.map { (try? $0.get())?.invoice.number } == ["IN-1000-2026-000001", nil, "IN-1000-2026-000002"])
        guard case .failure(let error) = results[1] else { return }
        #expect(error.code == .orderNotOpen)
        #expect(try store.numberRanges() == ["IN-1000-2026": 2, "FI-1000-2026": 2])
        #expect(try store.orderCounts() == (open: 1, invoiced: 2))
    }

    @Test func aDocumentIdAlreadyStoredIsRefusedNamingWhereItCameFrom() throws {
        let store = try storeWithOrders(["A1"])
        let result = try store.importDocuments([
            (StoreWorld.document("D1", account: "A2"), .init(file: "again.csv", line: 7)),
            (StoreWorld.document("D9", account: "A2"), .init(file: "again.csv", line: 8)),
        ])
        #expect(result.imported == ["D9"])
        #expect(result.refused.map(\.message) == ["document D1 was already imported from in.csv:2"])
        #expect(result.refused.first?.origin == .init(file: "again.csv", line: 7))
    }

    @Test func aSessionWithdrawsOnlyWhatItStoredItself() throws {
        let store = try storeWithOrders(["A1"])
        let withdrawn = try store.importingDocuments { session in
            _ = try session.insert(StoreWorld.document("D1", account: "A2"), origin: .init(file: "b.csv", line: 2))
            _ = try session.insert(StoreWorld.document("D7", account: "A2"), origin: .init(file: "b.csv", line: 3))
            // D1 was stored by an earlier import: a later file cannot take it back.
            return ([try session.withdraw("D1"), try session.withdraw("D7"), try session.withdraw("D7")], keep: true)
        }
        #expect(withdrawn == [false, true, false])
        #expect(try store.openOrders().map(\.document.id) == ["D1"])
    }

    @Test func aDocumentEncodedOnAnotherThreadIsStoredAsIfInsertedDirectly() async throws {
        let store = try storeWithOrders(["A1"])
        let documents = [
            StoreWorld.document("D1", account: "A2"), StoreWorld.document("D8", account: "A2", quantity: 7),
        ]
        // Encoded where a file is read, stored where the transaction is.
        let encoded = await Task.detached {
            documents.enumerated().map { index, document in
                EncodedSourceDocument(document, origin: .init(file: "e.csv", line: index + 2))
            }
        }.value
        let refusals = try store.importingDocuments { session in
            (try encoded.map { try session.insert($0) }, keep: true)
        }
        #expect(refusals.map { $0?.message } == ["document D1 was already imported from in.csv:2", nil])
        #expect(refusals.first??.origin == .init(file: "e.csv", line: 2))
        #expect(encoded.map(\.id) == ["D1", "D8"])
        let stored = try store.openOrders().map(\.document)
        #expect(stored == [StoreWorld.document("D1", account: "A1"), documents[1]])
    }

    @Test func aSessionThatIsNotKeptStoresNothing() throws {
        let store = try storeWithOrders([])
        let stored = try store.importingDocuments { session in
            let refusal = try session.insert(
                StoreWorld.document("D5", account: "A1"), origin: .init(file: "c.csv", line: 2))
            return (refusal == nil, keep: false)
        }
        #expect(stored)
        #expect(try store.openOrders().isEmpty)
    }

    @Test func masterDataComesBackAsItWasSaved() throws {
        let store = try InvoiceStore()
        try store.save(StoreWorld.masterData)
        let loaded = try store.loadMasterData()
        var expected = MasterData()
        expected.add(StoreWorld.masterData)
        #expect(loaded.accounts == expected.accounts)
        #expect(loaded.companyCodes == expected.companyCodes)
        #expect(loaded.priceConditions == expected.priceConditions)
        #expect(loaded.taxDetermination == expected.taxDetermination)
        #expect(Set(loaded.accountDetermination) == Set(expected.accountDetermination))
    }

    @Test func aStoreFileKeepsItsDataAcrossReopeningAndAnInMemoryCopyNeverReachesIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try InvoiceStore(path: path)
            try store.save(StoreWorld.masterData)
            _ = try store.importDocuments([(StoreWorld.document("D1", account: "A1"), .init(file: "f", line: 2))])
        }
        let reopened = try InvoiceStore(path: path)  // migrations already applied: must not fail or repeat
        #expect(try reopened.orderCounts() == (open: 1, invoiced: 0))
        let copy = try reopened.inMemoryCopy()
        _ = try copy.importDocuments([(StoreWorld.document("D2", account: "A1"), .init(file: "f", line: 3))])
        #expect(try copy.orderCounts() == (open: 2, invoiced: 0))
        #expect(try InvoiceStore(path: path).orderCounts() == (open: 1, invoiced: 0))
    }

    @Test func anUnopenableStoreSaysWhy() throws {
        #expect {
            _ = try InvoiceStore(path: "/nonexistent-folder/x/store.sqlite")
        } throws: { error in
            (error as? StoreError)?.message.hasPrefix("cannot open store /nonexistent-folder/x/store.sqlite:") == true
        }
    }
}
