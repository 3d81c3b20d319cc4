import Testing

@testable import InvoicingCore

@Suite struct VATBreakdownTests {
    typealias World = TestWorld

    /// The test world plus a second 19 % code (another G/L account) and an export code without a reason.
    static func masterData() -> MasterData {
        var data = World.masterData()
        data.add(
            TaxCode(
                id: "S19B", country: "DE", category: .standard, rate: World.decimal("19.00"),
                description: "Standard, other account", glAccount: "3807"))
        data.add(
            TaxCode(id: "G0", country: "DE", category: .export, rate: .zero, description: "Export", glAccount: "3808"))
        return data
    }

    @Test("Codes of one category and rate share one breakdown line, rounded once")
    func codesOfOneCategoryAndRateAreGrouped() throws {
        // S19 0.03 → 0.0057 → 0.01 and S19B 0.03 → 0.01: 0.02 per code, but the group's
        // 0.06 × 19 % = 0.0114 → 0.01. The difference goes to the first code of the largest base.
        let document = World.document(
            "D1",
            items: [
                World.item(1, "BOOK", "1", price: "0.03", taxCode: "S19"),
                World.item(2, "BOOK", "1", price: "0.03", taxCode: "S19B"),
                World.item(3, "BOOK", "1", price: "10.00", taxCode: "R7"),
            ])
        let invoice = try World.run(masterData: Self.masterData()).singleDraft([document]).invoice
        #expect(invoice.taxes.map(\.taxCode) == ["R7", "S19", "S19B"])
        #expect(invoice.taxes.map(\.taxAmount) == ["0.70", "0.00", "0.01"].map { World.money($0) })
        let breakdown = try invoice.vatBreakdown
        #expect(breakdown.map(\.category) == [.standard, .standard])
        #expect(breakdown.map(\.rate) == [World.decimal("19"), World.decimal("7")])
        #expect(breakdown.map(\.taxableAmount) == ["0.06", "10.00"].map { World.money($0) })
        #expect(breakdown.map(\.taxAmount) == ["0.01", "0.70"].map { World.money($0) })
        #expect(invoice.taxTotal == World.money("0.71"))
        #expect(EN16931Check(rounding: .halfUp).violations(of: try EN16931Amounts(invoice)).isEmpty)
    }

    @Test("The larger base of a group takes the rounding difference")
    func theLargerBaseTakesTheDifference() throws {
        let subtotals = [
            TaxSubtotal(
                taxCode: "A", category: .standard, rate: 19, taxableAmount: World.money("0.03"),
                taxAmount: World.money("0.01"), exemptionReason: nil, glAccount: "1"),
            TaxSubtotal(
                taxCode: "B", category: .standard, rate: 19, taxableAmount: World.money("0.04"),
                taxAmount: World.money("0.01"), exemptionReason: nil, glAccount: "2"),
        ]
        // 0.07 × 19 % = 0.0133 → 0.01: B (0.04) gives up a cent.
        let allocated = try InvoicingRun.allocateGroupRounding(subtotals, currency: .eur, rounding: .halfUp)
        #expect(allocated.map(\.taxAmount) == [World.money("0.01"), World.money("0.00")])
    }

    @Test("Exemption reasons: from the tax code, else the category's VATEX code; never for S and Z")
    func exemptionReasons() throws {
        let subtotals = [
            TaxSubtotal(
                taxCode: "E0", category: .exempt, rate: .zero, taxableAmount: World.money("5.00"),
                taxAmount: World.money("0.00"), exemptionReason: "§ 4 UStG", glAccount: "1",
                exemptionReasonCode: "VATEX-EU-132"),
            TaxSubtotal(
                taxCode: "G0", category: .export, rate: .zero, taxableAmount: World.money("7.00"),
                taxAmount: World.money("0.00"), exemptionReason: nil, glAccount: "2"),
            TaxSubtotal(
                taxCode: "S19", category: .standard, rate: 19, taxableAmount: World.money("1.00"),
                taxAmount: World.money("0.19"), exemptionReason: "not allowed here", glAccount: "3"),
        ]
        let breakdown = try VATBreakdown.of(subtotals, currency: .eur)
        #expect(breakdown.map(\.category) == [.exempt, .export, .standard])
        #expect(breakdown.map(\.exemptionReason) == ["§ 4 UStG", nil, nil])
        #expect(breakdown.map(\.exemptionReasonCode) == ["VATEX-EU-132", "VATEX-EU-G", nil])
    }

    @Test("The posting keeps one tax line per tax code")
    func postingKeepsTaxCodes() throws {
        let document = World.document(
            "D1",
            items: [
                World.item(1, "BOOK", "1", price: "0.03", taxCode: "S19"),
                World.item(2, "BOOK", "1", price: "0.03", taxCode: "S19B"),
            ])
        let draft = try World.run(masterData: Self.masterData()).singleDraft([document])
        let taxLines = draft.posting.lines.filter { $0.accountKey == nil }
        #expect(taxLines.map(\.taxCode) == ["S19B"])  // S19's tax is 0.00 after the split: no line
        #expect(taxLines.map(\.amount) == [World.money("0.01")])
    }
}
