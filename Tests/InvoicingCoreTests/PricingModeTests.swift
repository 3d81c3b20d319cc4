import Testing

@testable import InvoicingCore

/// Each pricing mode on the same order gives its own, documented result.
///
/// The order: 1200 kg of FOOD (ordered: 800) at a document price of 50.00 per 100 with the
/// explicit tax code S19. The conditions say 40.00 per 100 from 1000 (the scale) and a 5 %
/// discount; tax determination says R7 for FOOD.
@Suite struct PricingModeTests {
    typealias World = TestWorld

    static func item(ordered: String = "800") -> SourceItem {
        var item = World.item(1, "FOOD", "1200", price: "50.00", priceUnit: "100", taxCode: "S19")
        item.orderedQuantity = World.decimal(ordered)
        return item
    }

    /// The single draft of the order, invoiced with a type of `mode`.
    static func draft(_ mode: PricingMode, item: SourceItem = item()) throws -> InvoiceDraft {
        var configuration = World.configuration()
        configuration.types["MODE"] = InvoicingType(id: "MODE", description: mode.rawValue, pricingMode: mode)
        var masterData = World.masterData()
        masterData.add(World.condition("D-FOOD", .discount, .percent, material: "FOOD", value: "5"))
        let run = try InvoicingRun(
            configuration: configuration, masterData: masterData,
            parameters: RunParameters(process: "BILL", runDate: World.runDate))
        return try run.singleDraft([World.document("D-MODE", invoicingType: "MODE", items: [item])])
    }

    @Test(
        arguments: [
            // mode, unit price, discount, net, tax code, tax, gross
            (PricingMode.copyUnchanged, "50.00", nil, "600.00", "S19", "114.00", "714.00"),
            (.copyRedetermineTax, "50.00", nil, "600.00", "R7", "42.00", "642.00"),
            (.copyRepriceOnQuantity, "40.00", "-24.00", "456.00", "R7", "31.92", "487.92"),
            (.newPricing, "40.00", "-24.00", "456.00", "S19", "86.64", "542.64"),
            (.copyManualConditions, "50.00", "-30.00", "570.00", "R7", "39.90", "609.90"),
        ] as [(PricingMode, String, String?, String, String, String, String)])
    func eachModeGivesItsDocumentedResult(
        mode: PricingMode, price: String, discount: String?, net: String, taxCode: String, tax: String,
        gross: String
    ) throws {
        let invoice = try Self.draft(mode).invoice
        let line = try #require(invoice.lines.first)
        #expect(line.unitPrice == World.decimal(price))
        #expect(line.priceUnit == World.decimal("100"))
        #expect(line.conditions.map(\.amount) == (discount.map { [World.money($0)] } ?? []))
        #expect(line.netAmount == World.money(net))
        #expect(line.taxCode == taxCode)
        #expect(invoice.taxTotal == World.money(tax))
        #expect(invoice.grossTotal == World.money(gross))
    }

    @Test func theFiveModesGiveFiveDifferentTotals() throws {
        let totals = try PricingMode.allCases.map { try Self.draft($0).invoice.grossTotal }
        #expect(Set(totals).count == PricingMode.allCases.count)
    }

    @Test func repricingOnQuantityCopiesWhenTheBilledQuantityIsTheOrderedOne() throws {
        let same = try Self.draft(.copyRepriceOnQuantity, item: Self.item(ordered: "1200")).invoice
        let copied = try Self.draft(.copyRedetermineTax).invoice
        #expect(same.lines == copied.lines)
        #expect(same.grossTotal == World.money("642.00"))
        // Without an ordered quantity there is nothing to compare: the price is copied too.
        var unknown = Self.item()
        unknown.orderedQuantity = nil
        #expect(try Self.draft(.copyRepriceOnQuantity, item: unknown).invoice.grossTotal == World.money("642.00"))
    }

    @Test(arguments: PricingMode.allCases)
    func anItemWithoutADocumentPriceIsPricedFromTheConditionsInEveryMode(mode: PricingMode) throws {
        var item = Self.item()
        item.unitPrice = nil
        item.priceUnit = nil
        let line = try #require(try Self.draft(mode, item: item).invoice.lines.first)
        #expect(line.unitPrice == World.decimal("40.00"))
        #expect(line.priceSource == .condition(id: "P-FOOD"))
        #expect(line.conditions.map(\.amount) == [World.money("-24.00")])
    }
}
