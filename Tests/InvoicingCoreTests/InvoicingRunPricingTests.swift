import Testing

@testable import InvoicingCore

/// Prices of the test world: BOOK 12.50 until 2025-12-31, 13.00 from 2026 (11.00 for A2); FOOD per
/// 100 pieces 45.00 / 40.00 from 1000 / 35.00 from 5000; HOUR 80.00, discount 10 %, surcharge 2.50
/// per hour (and 1.00 USD per hour, which never applies to EUR documents).
@Suite struct InvoicingRunPricingTests {
    typealias World = TestWorld

    static func line(
        _ process: String, _ item: SourceItem, account: String = "A1", billingDate: String = "2026-03-15",
        rounding: RoundingRule = .halfUp
    ) throws -> InvoiceLine {
        let document = World.document("D1", account: account, billingDate: billingDate, items: [item])
        let draft = try World.run(process, rounding: rounding).singleDraft([document])
        return try #require(draft.invoice.lines.first)
    }

    @Test("Copy unchanged takes the document's price and applies no discount or surcharge")
    func copyUnchangedUsesTheDocumentPrice() throws {
        let line = try Self.line("BILL", World.item(1, "HOUR", "2", price: "75.00"))
        #expect(line.unitPrice == World.decimal("75"))
        #expect(line.priceUnit == .one)
        #expect(line.priceSource == .document)
        #expect(line.baseAmount == World.money("150.00"))
        #expect(line.conditions.isEmpty)
        #expect(line.netAmount == World.money("150.00"))
    }

    @Test("Copy unchanged keeps the document's price unit")
    func copyUnchangedKeepsThePriceUnit() throws {
        // 250 × 40.00 / 100 = 100.00, although the condition would give 45.00 per 100.
        let line = try Self.line("BILL", World.item(1, "FOOD", "250", price: "40.00", priceUnit: "100"))
        #expect(line.priceUnit == World.decimal("100"))
        #expect(line.netAmount == World.money("100.00"))
    }

    @Test("Copy unchanged prices an item without a document price from the conditions, with adjustments")
    func copyUnchangedFallsBackToConditions() throws {
        let line = try Self.line("BILL", World.item(1, "HOUR", "2"))
        #expect(line.priceSource == .condition(id: "P-HOUR"))
        #expect(line.netAmount == World.money("149.00"))  // 160.00 − 16.00 + 5.00
    }

    @Test("New pricing ignores the document's price and applies the valid discount and surcharge")
    func newPricingUsesConditions() throws {
        let line = try Self.line("NEWPRICE", World.item(1, "HOUR", "2", price: "75.00"))
        #expect(line.unitPrice == World.decimal("80.00"))
        #expect(line.priceSource == .condition(id: "P-HOUR"))
        #expect(line.baseAmount == World.money("160.00"))
        // Sorted by condition id; the USD surcharge is left out of a EUR document.
        #expect(line.conditions.map(\.conditionID) == ["D-HOUR", "F-HOUR"])
        #expect(line.conditions.map(\.amount) == [World.money("-16.00"), World.money("5.00")])
        #expect(line.conditions.map(\.accountKey) == [.deductions, .surcharges])
        #expect(line.conditions.map(\.glAccount) == ["8880", "8890"])
        #expect(line.conditions.map(\.value) == [World.decimal("10"), World.decimal("2.50")])
        #expect(line.conditions.map(\.calculation) == [.percent, .amount])
        #expect(line.netAmount == World.money("149.00"))
        #expect(line.unit == "HUR")
        #expect(line.description == "Material HOUR")
        #expect(line.revenueAccount == "8000")
    }

    @Test(
        "New pricing takes the price valid on the billing date, across a price change",
        arguments: [
            ("2025-06-30", "P-BOOK-25", "12.50", "37.50"),
            ("2025-12-31", "P-BOOK-25", "12.50", "37.50"),
            ("2026-01-01", "P-BOOK-26", "13.00", "39.00"),
            ("2026-03-31", "P-BOOK-26", "13.00", "39.00"),
        ])
    func priceChange(billingDate: String, condition: String, price: String, net: String) throws {
        let line = try Self.line("NEWPRICE", World.item(1, "BOOK", "3", price: "1.00"), billingDate: billingDate)
        #expect(line.priceSource == .condition(id: condition))
        #expect(line.unitPrice == World.decimal(price))
        #expect(line.netAmount == World.money(net))
    }

    @Test("An account's own price comes before the general one, even when the general one is newer")
    func accountPriceFirst() throws {
        let line = try Self.line("NEWPRICE", World.item(1, "BOOK", "2"), account: "A2")
        #expect(line.priceSource == .condition(id: "P-BOOK-A2"))
        #expect(line.netAmount == World.money("22.00"))
    }

    @Test(
        "A quantity scale gives the price of the highest level reached, per 100 pieces",
        arguments: [
            ("1", "45.00", "0.45"),
            ("999", "45.00", "449.55"),
            ("1000", "40.00", "400.00"),
            ("4999.5", "40.00", "1999.80"),
            ("5000", "35.00", "1750.00"),
            ("12000", "35.00", "4200.00"),
            // Negative quantities reach levels by magnitude.
            ("-1000", "40.00", "-400.00"),
            // 3 × 45.00 / 100 = 1.35; 0.5 × 45.00 / 100 = 0.225 → 0.23.
            ("3", "45.00", "1.35"),
            ("0.5", "45.00", "0.23"),
        ])
    func quantityScale(quantity: String, price: String, net: String) throws {
        let line = try Self.line("NEWPRICE", World.item(1, "FOOD", quantity))
        #expect(line.unitPrice == World.decimal(price))
        #expect(line.priceUnit == World.decimal("100"))
        #expect(line.netAmount == World.money(net))
        #expect(line.revenueAccount == "8100")
    }

    @Test(
        "Each discount and surcharge is rounded on its own by the configured rule",
        arguments: [
            // 0.333 h: base 26.64; 10 % = 2.664 → 2.66; 2.50 × 0.333 = 0.8325 → 0.83.
            ("0.333", RoundingRule.halfUp, "26.64", "-2.66", "0.83", "24.81"),
            // 0.01 h: base 0.80; 10 % = 0.08; 2.50 × 0.01 = 0.025, a tie.
            ("0.01", .halfUp, "0.80", "-0.08", "0.03", "0.75"),
            ("0.01", .halfEven, "0.80", "-0.08", "0.02", "0.74"),
            // 0.125 h: base 10.00; 10 % = 1.00; 0.3125 → 0.31.
            ("0.125", .halfEven, "10.00", "-1.00", "0.31", "9.31"),
            // Negative quantity: a credit, conditions keep their signs relative to the base.
            ("-2", .halfUp, "-160.00", "16.00", "-5.00", "-149.00"),
        ])
    func conditionsRoundedEach(
        quantity: String, rule: RoundingRule, base: String, discount: String, surcharge: String, net: String
    ) throws {
        let line = try Self.line("NEWPRICE", World.item(1, "HOUR", quantity), rounding: rule)
        #expect(line.baseAmount == World.money(base))
        #expect(line.conditions.map(\.amount) == [World.money(discount), World.money(surcharge)])
        #expect(line.netAmount == World.money(net))
    }

    @Test("A surcharge in the document's currency applies and a percentage applies in any currency")
    func conditionsInOtherCurrencies() throws {
        var data = World.masterData()
        data.add(World.condition("P-HOUR-USD", material: "HOUR", value: "90.00", currency: .usd))
        let document = World.document("D1", currency: .usd, items: [World.item(1, "HOUR", "1")])
        let draft = try World.run("NEWPRICE", masterData: data).singleDraft([document])
        let line = try #require(draft.invoice.lines.first)
        // 90.00 − 10 % (9.00) + 1.00 USD surcharge; the EUR surcharge F-HOUR is left out.
        #expect(line.conditions.map(\.conditionID) == ["D-HOUR", "F-HOUR-USD"])
        #expect(line.netAmount == World.money("82.00", .usd))
        #expect(draft.invoice.currency == .usd)
    }

    @Test("An account-wide discount without a material applies to every line of that account only")
    func accountWideDiscount() throws {
        var data = World.masterData()
        data.add(World.condition("D-A1", .discount, .percent, material: nil, account: "A1", value: "3"))
        let documents = [
            World.document("D1", items: [World.item(1, "BOOK", "2"), World.item(2, "FOOD", "100")]),
            World.document("D2", account: "A2", items: [World.item(1, "BOOK", "2")]),
        ]
        let outcomes = try World.run("NEWPRICE", masterData: data).outcomes(documents)
        guard case .invoiced(let a1) = outcomes[0], case .invoiced(let a2) = outcomes[1] else {
            Issue.record("expected two invoices, got \(outcomes)")
            return
        }
        // BOOK 26.00 − 3 % (0.78) = 25.22; FOOD 45.00 − 3 % (1.35) = 43.65.
        #expect(a1.invoice.lines.map(\.netAmount) == [World.money("25.22"), World.money("43.65")])
        #expect(a1.invoice.lines.map { $0.conditions.map(\.conditionID) } == [["D-A1"], ["D-A1"]])
        #expect(a2.invoice.lines.map(\.netAmount) == [World.money("22.00")])
    }

    @Test("Lines are numbered in steps of ten, by order and then by item number")
    func lineNumbering() throws {
        let documents = [
            World.document("D2", billingDate: "2026-03-20", items: [World.item(1, "BOOK", "1", price: "1.00")]),
            World.document(
                "D1", billingDate: "2026-03-10",
                items: [World.item(20, "BOOK", "1", price: "2.00"), World.item(10, "FOOD", "1", price: "3.00")]),
        ]
        let draft = try World.run().singleDraft(documents)
        #expect(draft.invoice.lines.map(\.number) == [10, 20, 30])
        #expect(draft.invoice.lines.map(\.sourceDocument) == ["D1", "D1", "D2"])
        #expect(draft.invoice.lines.map(\.sourceItem) == [10, 20, 1])
        #expect(draft.invoice.sourceDocuments == ["D1", "D2"])
    }
}
