import Testing

@testable import InvoicingCore

@Suite struct InvoicingRunSelectionTests {
    typealias World = TestWorld

    /// Run date 2026-03-31, process BILL (INVBI, VBRK, ADHOC main; ACTIT not main).
    static let documents: [SourceDocument] = [
        World.document("D-DUE", billingDate: "2026-03-15", items: [World.item(1, "BOOK", "1")]),
        World.document(
            "D-ONDATE", category: .sdBilling, billingDate: "2026-03-31", items: [World.item(1, "BOOK", "1")]),
        World.document("D-LATER", billingDate: "2026-04-01", items: [World.item(1, "BOOK", "1")]),
        World.document("D-BLOCK", blocked: true, items: [World.item(1, "BOOK", "1")]),
        World.document("D-SD", category: .sdSample, items: [World.item(1, "BOOK", "1")]),
        World.document(
            "D-ACT-A1", category: .postingItem, billingDate: "2026-03-01", items: [World.item(1, "BOOK", "1")]),
        // A2 has only a non-main order: it does not qualify.
        World.document("D-ACT-A2", account: "A2", category: .postingItem, items: [World.item(1, "BOOK", "1")]),
        // A3's main order is not due yet, so its due ACTIT order does not qualify it either.
        World.document("D-A3-LATER", account: "A3", billingDate: "2026-05-01", items: [World.item(1, "BOOK", "1")]),
        World.document("D-A3-ACT", account: "A3", category: .postingItem, items: [World.item(1, "BOOK", "1")]),
    ]

    @Test("Only due, unblocked orders of the process's categories of qualifying accounts are selected")
    func selectsDueOrders() throws {
        let selection = try World.run().select(World.orders(Self.documents))
        #expect(selection.accounts == ["A1"])
        // Sorted by account, billing date, document.
        #expect(selection.orders.map(\.document.id) == ["D-ACT-A1", "D-DUE", "D-ONDATE"])
        #expect(selection.orders.map(\.id) == [6, 1, 2])
    }

    @Test(
        "Each order passed over carries the reason",
        arguments: [
            ("D-LATER", SkippedOrder.Reason.notDue),
            ("D-BLOCK", .billingBlock),
            ("D-SD", .categoryNotInProcess),
            ("D-ACT-A2", .noMainSelectionOrder),
            ("D-A3-LATER", .notDue),
            ("D-A3-ACT", .noMainSelectionOrder),
        ])
    func skippedOrdersCarryTheirReason(document: String, reason: SkippedOrder.Reason) throws {
        let selection = try World.run().select(World.orders(Self.documents))
        let skipped = selection.skipped.filter { $0.order.document.id == document }
        #expect(skipped.map(\.reason) == [reason])
        #expect(selection.skipped.count == 6)
    }

    @Test("Reasons read as sentences in run logs")
    func reasonTexts() {
        #expect(SkippedOrder.Reason.notDue.rawValue == "not due")
        #expect(SkippedOrder.Reason.billingBlock.rawValue == "billing block")
        #expect(SkippedOrder.Reason.categoryNotInProcess.rawValue == "category not in process")
        #expect(SkippedOrder.Reason.accountNotSelected.rawValue == "account not selected")
        #expect(
            SkippedOrder.Reason.noMainSelectionOrder.rawValue == "account has no due order of a main-selection category"
        )
    }

    @Test("A later run date takes the orders that were not yet due")
    func laterRunDate() throws {
        let selection = try World.run(runDate: World.date("2026-05-01")).select(World.orders(Self.documents))
        #expect(selection.accounts == ["A1", "A3"])
        #expect(
            selection.orders.map(\.document.id) == [
                "D-ACT-A1", "D-DUE", "D-ONDATE", "D-LATER", "D-A3-ACT", "D-A3-LATER",
            ])
        #expect(Set(selection.skipped.map(\.order.document.id)) == ["D-BLOCK", "D-SD", "D-ACT-A2"])
    }

    @Test("An account filter passes over every other account's orders, due or not")
    func accountFilter() throws {
        let documents =
            Self.documents + [
                World.document("D-A2", account: "A2", items: [World.item(1, "BOOK", "1")])
            ]
        let selection = try World.run(accounts: ["A2"]).select(World.orders(documents))
        #expect(selection.accounts == ["A2"])
        #expect(selection.orders.map(\.document.id) == ["D-A2", "D-ACT-A2"])
        let reasons = Dictionary(uniqueKeysWithValues: selection.skipped.map { ($0.order.document.id, $0.reason) })
        #expect(reasons["D-DUE"] == .accountNotSelected)
        #expect(reasons["D-LATER"] == .accountNotSelected)  // the filter is checked before the due date
        #expect(reasons["D-A3-ACT"] == .accountNotSelected)
        #expect(reasons["D-SD"] == .categoryNotInProcess)  // the category is checked first
        #expect(reasons["D-A2"] == nil)
    }

    @Test("The order of the candidates does not change the selection")
    func candidateOrderDoesNotMatter() throws {
        let run = try World.run()
        let forward = run.select(World.orders(Self.documents))
        let backward = run.select(Array(World.orders(Self.documents).reversed()))
        #expect(forward.orders == backward.orders)
        #expect(forward.accounts == backward.accounts)
        #expect(Set(forward.skipped) == Set(backward.skipped))
    }

    @Test("A run names an unknown process and the configured ones")
    func unknownProcess() {
        #expect(throws: RunError("unknown invoicing process NOPE (configured: BILL, DELIVERY, MIN, NEWPRICE)")) {
            try World.run("NOPE")
        }
    }

    @Test("A run refuses a configuration with a problem")
    func brokenConfiguration() {
        var configuration = World.configuration()
        configuration.processes["BILL"]?.defaultType = "GONE"
        #expect(throws: RunError("configuration: process BILL: default invoicing type GONE is not defined")) {
            try InvoicingRun(
                configuration: configuration, masterData: World.masterData(),
                parameters: RunParameters(process: "BILL", runDate: World.runDate))
        }
    }
}
