import Testing

@testable import InvoicingCore

/// The pure rules of special invoices and delivery-based selection: summary lines, which advances
/// a final invoice deducts and how its FI document clears them, deferral until fully delivered,
/// and the split by a marked material group.
@Suite
struct SpecialInvoiceRunTests {
    private func run(
        kind: Invoice.Kind = .invoice, separate: [String] = [], orderTypes: [OrderType] = []
    ) throws -> InvoicingRun {
        var configuration = TestWorld.configuration()
        configuration.types["STD"]?.documentKind = kind
        configuration.groupingVariants["STANDARD"]?.separateMaterialGroups = separate
        configuration.orderTypes = Dictionary(uniqueKeysWithValues: orderTypes.map { ($0.id, $0) })
        return try InvoicingRun(
            configuration: configuration, masterData: TestWorld.masterData(),
            parameters: RunParameters(process: "BILL", runDate: TestWorld.runDate))
    }

    private func document(
        _ id: String, order: String?, delivery: String? = nil, type: String = "SALE", items: [SourceItem]
    ) -> SourceDocument {
        var document = TestWorld.document(id, type: type, delivery: delivery, items: items)
        document.referenceOrder = order
        return document
    }

    @Test func aSummaryInvoiceHasOneLinePerDocumentAndTaxCodeWithTheSameTotalsAndPosting() throws {
        let documents = [
            document(
                "D1", order: "O1", delivery: "L1",
                items: [
                    TestWorld.item(10, "BOOK", "3", price: "10.00"), TestWorld.item(20, "FOOD", "1", price: "5.55"),
                    TestWorld.item(30, "BOOK", "1", price: "0.99"),
                ]),
            document("D2", order: "O2", items: [TestWorld.item(10, "BOOK", "2", price: "7.25")]),
        ]
        let detailed = try run().singleDraft(documents)
        let summary = try run(kind: .summary).singleDraft(documents)
        #expect(summary.invoice.kind == .summary)
        #expect(summary.invoice.lines.map(\.sourceDocument) == ["D1", "D1", "D2"])
        #expect(summary.invoice.lines.map(\.number) == [10, 20, 30])
        #expect(summary.invoice.lines.map(\.material) == ["L1", "L1", "D2"])
        #expect(
            summary.invoice.lines.map(\.description) == [
                "Delivery L1 of order O1: 2 items", "Delivery L1 of order O1: 1 item", "Document D2: 1 item",
            ])
        #expect(
            summary.invoice.lines.map(\.netAmount) == [
                TestWorld.money("30.99"), TestWorld.money("5.55"), TestWorld.money("14.50"),
            ])
        #expect(summary.invoice.taxes == detailed.invoice.taxes)
        #expect(summary.invoice.grossTotal == detailed.invoice.grossTotal)
        #expect(summary.posting.lines == detailed.posting.lines)
    }

    @Test func aFinalInvoiceDeductsOnlyTheAdvancesOfItsOrdersAccountAndCurrency() throws {
        let advance = try run(kind: .advance).singleDraft([
            document("ADV", order: "O1", items: [TestWorld.item(10, "BOOK", "1", price: "100.00")])
        ]).numbered(invoiceNumber: "IN-1000-2026-000001", postingNumber: "FI-1000-2026-000001").invoice
        #expect(advance.kind == .advance)
        var otherOrder = advance
        otherOrder.number = "IN-1000-2026-000002"
        otherOrder.lines = otherOrder.lines.map { line in
            var line = line
            line.referenceOrder = "O9"
            return line
        }
        var otherAccount = advance
        otherAccount.number = "IN-1000-2026-000003"
        otherAccount.buyer.id = "A2"
        let unnumbered = advance.with(number: "")
        let delivery = document(
            "D1", order: "O1", delivery: "L1", items: [TestWorld.item(10, "BOOK", "5", price: "30.00")])
        let engine = try run()
        let unit = try #require(engine.group(engine.select(TestWorld.orders([delivery]))).first)
        guard
            case .invoiced(let final) = engine.invoice(unit, advances: [otherAccount, otherOrder, unnumbered, advance])
        else {
            Issue.record("no final invoice")
            return
        }
        #expect(final.invoice.advanceClearings.map(\.number) == ["IN-1000-2026-000001"])
        #expect(final.invoice.prepaidAmount == advance.grossTotal)
        #expect(try final.invoice.amountDue == final.invoice.grossTotal.subtracting(advance.grossTotal))
        #expect(final.posting.balance == .zero(.eur))
        let receivable = final.posting.lines.filter { $0.accountKey == .receivable }
        #expect(receivable.map(\.amount) == [try final.invoice.amountDue])
        // Cancelling the final invoice negates its clearings and prepaid amount with everything else.
        var cancelled = final.invoice
        cancelled.negateAmounts()
        #expect(cancelled.prepaidAmount == advance.grossTotal.negated)
        #expect(cancelled.advanceClearings.map(\.grossAmount) == [advance.grossTotal.negated])
    }

    @Test func anAdvanceWithADiscountAndASurchargeClearsEveryAccountItPostedTo() throws {
        // HOUR: 80.00 with a 10 % discount and a 2.50 surcharge, priced anew: three revenue accounts.
        var configuration = TestWorld.configuration()
        configuration.types["NEW"]?.documentKind = .advance
        let advanceRun = try InvoicingRun(
            configuration: configuration, masterData: TestWorld.masterData(),
            parameters: RunParameters(process: "NEWPRICE", runDate: TestWorld.runDate))
        let advance = try advanceRun.singleDraft([
            document("ADV", order: "O1", items: [TestWorld.item(10, "HOUR", "3", unit: "HUR")])
        ]).numbered(invoiceNumber: "IN-1000-2026-000001", postingNumber: "FI-1000-2026-000001")
        #expect(advance.invoice.lines[0].conditions.count == 2)
        let engine = try run()
        let delivery = document("D1", order: "O1", items: [TestWorld.item(10, "BOOK", "10", price: "30.00")])
        let unit = try #require(engine.group(engine.select(TestWorld.orders([delivery]))).first)
        guard case .invoiced(let final) = engine.invoice(unit, advances: [advance.invoice]) else {
            Issue.record("no final invoice")
            return
        }
        // The clearing lines undo the advance's lines, account by account (the receivable aside).
        var balances: [String: Int64] = [:]
        let cleared = final.posting.lines.filter { $0.text.hasPrefix("Advance") }
        for line in advance.posting.lines.filter({ $0.accountKey != .receivable }) + cleared {
            balances[line.glAccount, default: 0] +=
                line.side == .debit ? line.amount.minorUnits : -line.amount.minorUnits
        }
        #expect(Set(cleared.map(\.glAccount)).count >= 3, "revenue, deductions, surcharges and tax: \(cleared)")
        #expect(balances.values.allSatisfy { $0 == 0 }, "\(balances)")
        #expect(final.posting.balance == .zero(.eur))
        #expect(try final.invoice.amountDue == final.invoice.grossTotal.subtracting(advance.invoice.grossTotal))
    }

    @Test func deliveriesOfADeferringOrderTypeWaitUntilEveryOrderedQuantityIsDelivered() throws {
        func delivery(_ id: String, _ quantity: String, ordered: String, blocked: Bool = false) -> SourceDocument {
            var document = document(
                id, order: "O1", delivery: "L-\(id)", type: "TA",
                items: [
                    SourceItem(
                        number: 10, material: "BOOK", quantity: TestWorld.decimal(quantity),
                        unitPrice: TestWorld.decimal("1.00"), orderedQuantity: TestWorld.decimal(ordered))
                ])
            document.billingBlock = blocked
            return document
        }
        let engine = try run(orderTypes: [OrderType(id: "TA", description: "complete", deferUntilFullyDelivered: true)])
        let partial = engine.select(TestWorld.orders([delivery("D1", "3", ordered: "5")]))
        #expect(partial.orders.isEmpty)
        #expect(partial.skipped.map(\.reason) == [.notFullyDelivered])
        // A blocked delivery counts as delivered but stays blocked.
        let blocked = engine.select(
            TestWorld.orders([delivery("D1", "3", ordered: "5"), delivery("D2", "2", ordered: "5", blocked: true)]))
        #expect(blocked.orders.map(\.document.id) == ["D1"])
        #expect(blocked.skipped.map(\.reason) == [.billingBlock])
        // Without the order type, the partial delivery is invoiced for what it delivered.
        let eager = try run().select(TestWorld.orders([delivery("D1", "3", ordered: "5")]))
        #expect(eager.orders.map(\.document.id) == ["D1"])
    }

    @Test func aMarkedMaterialGroupSplitsItsDocumentsOffAndNamesTheSplit() throws {
        var masterData = TestWorld.masterData()
        masterData.add(
            Material(
                id: "FOOD", description: "Material FOOD", unit: "C62", materialGroup: "FRESH", taxClassification: "2",
                accountAssignmentGroup: "20"))
        var configuration = TestWorld.configuration()
        configuration.groupingVariants["STANDARD"]?.separateMaterialGroups = ["FRESH"]
        let engine = try InvoicingRun(
            configuration: configuration, masterData: masterData,
            parameters: RunParameters(process: "BILL", runDate: TestWorld.runDate))
        let documents = [
            document("D1", order: nil, items: [TestWorld.item(10, "BOOK", "1", price: "1.00")]),
            document("D2", order: nil, items: [TestWorld.item(10, "FOOD", "1", price: "1.00")]),
            document("D3", order: nil, items: [TestWorld.item(10, "BOOK", "1", price: "1.00")]),
        ]
        let units = engine.group(engine.select(TestWorld.orders(documents)))
        #expect(units.map { $0.orders.map(\.document.id) } == [["D1", "D3"], ["D2"]])
        #expect(units[0].characteristics.contains { $0.name == "separateMaterialGroup" } == false)
        #expect(units[1].characteristics.last == .init(name: "separateMaterialGroup", value: "FRESH"))
    }
}

extension Invoice {
    fileprivate func with(number: String) -> Invoice {
        var copy = self
        copy.number = number
        return copy
    }
}
