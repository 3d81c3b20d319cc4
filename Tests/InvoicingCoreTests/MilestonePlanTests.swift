import Testing

@testable import InvoicingCore

@Suite struct MilestonePlanTests {
    typealias World = TestWorld

    static func plan(total: String, percents: [String] = [], amounts: [String] = []) -> MilestonePlan {
        let milestones =
            percents.enumerated().map {
                MilestonePlan.Milestone(number: $0.offset + 1, percent: World.decimal($0.element))
            }
            + amounts.enumerated().map {
                MilestonePlan.Milestone(number: $0.offset + 1, amount: World.money($0.element))
            }
        return MilestonePlan(
            id: "PROJ", companyCode: "1000", account: "A1", currency: .eur, material: "SERVICE",
            description: "Project", total: World.money(total), milestones: milestones.reversed())
    }

    @Test(
        "A milestone plan sums exactly to its total: the last milestone takes the rounding remainder",
        arguments: [
            ("9999.99", ["30", "40", "30"], [String](), ["3000.00", "4000.00", "2999.99"]),
            ("100.00", ["33.33", "33.33", "33.34"], [], ["33.33", "33.33", "33.34"]),
            ("100.00", ["33.3333", "33.3333", "33.3334"], [], ["33.33", "33.33", "33.34"]),
            ("0.05", ["50", "50"], [], ["0.03", "0.02"]),
            ("1000.00", [], ["250.00", "250.00", "500.00"], ["250.00", "250.00", "500.00"]),
            ("1000.00", [], ["300.00", "300.00", "1.00"], ["300.00", "300.00", "400.00"]),
        ])
    func sumsExactlyToItsTotal(total: String, percents: [String], amounts: [String], expected: [String]) throws {
        let plan = Self.plan(total: total, percents: percents, amounts: amounts)
        let split = try plan.amounts(rounding: .halfUp)
        #expect((1...expected.count).map { split[$0] } == expected.map { World.money($0) })
        #expect(try split.values.map { $0 }.sum(in: .eur) == World.money(total))
    }

    @Test("Milestones before the last that exceed the total are refused")
    func sharesBeyondTheTotal() {
        #expect(throws: InstallmentError("the milestones before the last of plan PROJ exceed its total 100.00 EUR")) {
            try Self.plan(total: "100.00", amounts: ["60.00", "60.00", "1.00"]).amounts(rounding: .halfUp)
        }
    }

    @Test("A reached milestone becomes a CYCLE document due on the day it was reached")
    func milestoneDocument() throws {
        let plan = Self.plan(total: "9999.99", percents: ["30", "40", "30"])
        let document = plan.sourceDocument(
            milestone: plan.milestones[2], amount: World.money("2999.99"), reachedOn: World.date("2026-12-10"))
        #expect(document.id == "PROJ-M3")
        #expect(document.category == .billingPlanCycle)
        #expect(document.type == "MILESTONE")
        #expect(document.billingDate == World.date("2026-12-10"))
        #expect(document.items.map(\.unitPrice) == [World.decimal("2999.99")])
        #expect(document.items.map(\.description) == ["Project milestone 3"])
    }
}
