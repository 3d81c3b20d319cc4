import Testing

@testable import InvoicingCore

@Suite struct BillingPlanTests {
    private func plan(
        _ period: BillingPlan.Period = .monthly, _ timing: BillingPlan.Timing = .advance, start: String = "2026-01-01",
        end: String? = "2026-12-31", prices: [(String, String)] = [("2026-01-01", "100.00")]
    ) -> BillingPlan {
        BillingPlan(
            id: "PLAN-1", companyCode: "1000", account: "CA-1", currency: .eur, material: "RENT",
            description: "Office rent", period: period, timing: timing, startDate: TestWorld.date(start),
            endDate: end.map(TestWorld.date),
            prices: prices.map { .init(validFrom: TestWorld.date($0.0), price: TestWorld.money($0.1)) })
    }

    /// Runs on every day of 2026 (and once more a year later), billing each time the periods due
    /// that are not billed yet, as the store's ledger does.
    @Test(
        "A plan run on every day of a year bills each period exactly once and sums to the yearly price",
        arguments: [
            (BillingPlan.Period.monthly, "100.00", 12), (.quarterly, "300.00", 4), (.yearly, "1200.00", 1),
        ], [BillingPlan.Timing.advance, .arrears])
    func dailyRunsBillEachPeriodOnce(case: (BillingPlan.Period, String, Int), timing: BillingPlan.Timing) throws {
        let (period, price, count) = `case`
        let plan = plan(period, timing, prices: [("2026-01-01", price)])
        var billed: [CalendarDate: BillingPeriod] = [:]
        var day = TestWorld.date("2026-01-01")
        while day <= TestWorld.date("2027-01-01") {
            for due in try plan.periods(dueThrough: day, rounding: .halfUp) where billed[due.start] == nil {
                #expect(due.dueDate == day, "a period is billed on its due date, not later")
                billed[due.start] = due
            }
            day = try #require(day.adding(days: 1))
        }
        #expect(billed.count == count)
        let total = billed.values.reduce(0) { $0 + $1.amount.minorUnits }
        #expect(total == 120_000)
        let starts = billed.keys.sorted()
        #expect(starts.first == TestWorld.date("2026-01-01"))
        let ordered = billed.values.sorted { $0.start < $1.start }
        for (first, second) in zip(ordered, ordered.dropFirst()) {
            #expect(first.end.adding(days: 1) == second.start, "no day skipped, none billed twice")
        }
    }

    @Test("A late run bills every period due so far at once, none skipped")
    func lateRunBillsEverythingDue() throws {
        let periods = try plan().periods(dueThrough: TestWorld.date("2026-06-15"), rounding: .halfUp)
        #expect(periods.map(\.start.month) == [1, 2, 3, 4, 5, 6])
        #expect(periods.allSatisfy { $0.amount == TestWorld.money("100.00") })
    }

    @Test("In advance a period is due on its first day, in arrears on its last")
    func dueDates() throws {
        let advance = try plan(.quarterly, .advance).periods(
            dueThrough: TestWorld.date("2026-04-01"), rounding: .halfUp)
        #expect(advance.map(\.dueDate) == [TestWorld.date("2026-01-01"), TestWorld.date("2026-04-01")])
        let arrears = try plan(.quarterly, .arrears).periods(
            dueThrough: TestWorld.date("2026-06-30"), rounding: .halfUp)
        #expect(arrears.map(\.dueDate) == [TestWorld.date("2026-03-31"), TestWorld.date("2026-06-30")])
        #expect(arrears.map(\.end) == arrears.map(\.dueDate))
    }

    /// 100.00 × 17 / 31 = 54.8387… → 54.84 (January 15–31); 100.00 × 10 / 31 = 32.258… → 32.26 (March 1–10).
    @Test("A partial first and last month are prorated by days and rounded once")
    func prorationOnPartialMonths() throws {
        let plan = plan(start: "2026-01-15", end: "2026-03-10")
        let periods = try plan.periods(dueThrough: TestWorld.date("2026-12-31"), rounding: .halfUp)
        #expect(
            periods.map(\.amount) == [TestWorld.money("54.84"), TestWorld.money("100.00"), TestWorld.money("32.26")])
        #expect(periods.map(\.billedDays) == [17, 28, 10])
        #expect(periods.map(\.periodDays) == [31, 28, 31])
        #expect(periods[0].start == TestWorld.date("2026-01-15"))
        #expect(periods[0].dueDate == TestWorld.date("2026-01-15"), "in advance: due on the first day billed")
        #expect(periods[2].end == TestWorld.date("2026-03-10"))
        #expect(periods.map(\.isPartial) == [true, false, true])
    }

    @Test(
        "Proration rounds by the configured rule: 0.01 for 15 of 30 days is a tie",
        arguments: [(RoundingRule.halfUp, Int64(1)), (.halfEven, 0), (.down, 0), (.up, 1)])
    func prorationRoundsByTheRule(rounding: RoundingRule, expected: Int64) throws {
        let plan = plan(start: "2026-11-16", end: "2026-11-30", prices: [("2026-01-01", "0.01")])
        let periods = try plan.periods(dueThrough: TestWorld.date("2026-11-30"), rounding: rounding)
        #expect(periods.map(\.amount.minorUnits) == [expected])
    }

    /// March: 15 days at 100.00 and 16 at 124.00: (1500.00 + 1984.00) / 31 = 112.387… → 112.39.
    @Test("A price change inside a period weighs each price by its days; later periods take the new price")
    func priceChangeAtADate() throws {
        let plan = plan(prices: [("2026-01-01", "100.00"), ("2026-03-16", "124.00")])
        let periods = try plan.periods(dueThrough: TestWorld.date("2026-04-01"), rounding: .halfUp)
        #expect(
            periods.map(\.amount) == ["100.00", "100.00", "112.39", "124.00"].map { TestWorld.money($0) })
    }

    @Test("Days before the first price are billed at 0.00")
    func daysWithoutAPrice() throws {
        let plan = plan(prices: [("2026-02-01", "100.00")])
        let periods = try plan.periods(dueThrough: TestWorld.date("2026-02-01"), rounding: .halfUp)
        #expect(periods.map(\.amount) == [TestWorld.money("0.00"), TestWorld.money("100.00")])
    }

    @Test("A plan without an end runs on; one that ended bills nothing after its end")
    func openEndedAndEndedPlans() throws {
        let open = try plan(end: nil).periods(dueThrough: TestWorld.date("2028-01-01"), rounding: .halfUp)
        #expect(open.count == 25)
        let ended = try plan(end: "2026-02-28").periods(dueThrough: TestWorld.date("2028-01-01"), rounding: .halfUp)
        #expect(ended.count == 2)
    }

    @Test("Each period becomes a CYCLE source document of one item at the period's amount")
    func periodsBecomeCycleDocuments() throws {
        let plan = plan(start: "2026-01-15")
        let period = try #require(try plan.periods(dueThrough: TestWorld.date("2026-01-15"), rounding: .halfUp).first)
        let document = plan.sourceDocument(for: period)
        #expect(document.id == "PLAN-1-2026-01-15")
        #expect(document.category == .billingPlanCycle)
        #expect(document.billingDate == TestWorld.date("2026-01-15"))
        #expect(document.referenceOrder == "PLAN-1")
        #expect(document.items.count == 1)
        #expect(document.items[0].quantity == .one)
        #expect(document.items[0].unitPrice == TestWorld.decimal("54.84"))
        #expect(document.items[0].description == "Office rent 2026-01-15 to 2026-01-31 (17/31 days)")
    }
}
