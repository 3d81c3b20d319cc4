import InvoiceStore
import InvoicingCore
import Testing

@Suite
struct BillingPlanScheduleTests {
    private static func date(_ text: String) -> CalendarDate {
        // swift-format-ignore: NeverForceUnwrap
        CalendarDate(iso: text)!
    }

    private static let plan = BillingPlan(
        id: "PLAN-1", companyCode: "1000", account: "A1", currency: .eur, material: "M1", description: "Rent",
        period: .monthly, timing: .advance, startDate: date("2026-01-01"), endDate: date("2026-12-31"),
        prices: [.init(validFrom: date("2026-01-01"), price: Money(minorUnits: 10_000, currency: .eur))])

    /// `StoreWorld`'s configuration with `CYCLE` orders selected as well.
    private static var configuration: InvoicingConfiguration {
        var configuration = StoreWorld.configuration
        configuration.processes["P"] = InvoicingProcess(
            id: "P", description: "Process",
            categories: [
                .init(category: .externalBilling, mainSelection: true),
                .init(category: .billingPlanCycle, mainSelection: true),
            ],
            functions: [.pricing, .tax, .posting], defaultType: "T", groupingVariant: "V")
        return configuration
    }

    private func store(with plans: [BillingPlan] = [plan]) throws -> InvoiceStore {
        let store = try InvoiceStore()
        var batch = StoreWorld.masterData
        batch.billingPlans = plans
        try store.save(batch)
        return store
    }

    /// Schedules and invoices as a run on `day` does; returns the invoice numbers.
    private func run(_ store: InvoiceStore, on day: CalendarDate) throws -> [String] {
        _ = try store.scheduleBillingPlans(through: day, rounding: .halfUp)
        var data = MasterData()
        data.add(StoreWorld.masterData)
        let engine = try InvoicingRun(
            configuration: Self.configuration, masterData: data, parameters: RunParameters(process: "P", runDate: day))
        let units = engine.group(engine.select(try store.openOrders()))
        guard !units.isEmpty else { return [] }
        let runID = try store.beginRun(RunParameters(process: "P", runDate: day), parametersJSON: "{}")
        return try units.compactMap { unit in
            guard case .invoiced(let draft) = engine.invoice(unit) else { return nil }
            return try store.commit(draft, orders: unit.orders.map(\.id), runID: runID).invoice.number
        }
    }

    @Test func aMonthlyPlanRunOnEveryDayOfTheYearInvoicesEachMonthOnceOnItsFirstDay() throws {
        let store = try store()
        var day = Self.date("2026-01-01")
        var invoicedOn: [CalendarDate] = []
        while day <= Self.date("2027-01-31") {
            let numbers = try run(store, on: day)
            #expect(numbers.count <= 1)
            if !numbers.isEmpty { invoicedOn.append(day) }
            // swift-format-ignore: NeverForceUnwrap
            day = day.adding(days: 1)!
        }
        #expect(invoicedOn == (1...12).map { Self.date("2026-\($0 < 10 ? "0" : "")\($0)-01") })
        let periods = try store.scheduledPeriods(plan: "PLAN-1")
        #expect(periods.count == 12)
        #expect(periods.allSatisfy { $0.invoiceNumber != nil })
        #expect(Set(periods.compactMap(\.invoiceNumber)).count == 12)
        #expect(periods.reduce(0) { $0 + $1.amount.minorUnits } == 120_000)
        let gross = try store.invoiceSummaries().reduce(0) { $0 + $1.gross.minorUnits }
        #expect(gross == 142_800, "the invoices sum to the yearly price, 1200.00 net plus 19 % VAT")
    }

    @Test func aRepeatedScheduleCreatesNothingAndALateOneEverythingDue() throws {
        let store = try store()
        let late = try store.scheduleBillingPlans(through: Self.date("2026-06-15"), rounding: .halfUp)
        #expect(late.map(\.id) == (1...6).map { "PLAN-1-2026-0\($0)-01" })
        #expect(try store.scheduleBillingPlans(through: Self.date("2026-06-15"), rounding: .halfUp).isEmpty)
        #expect(try store.scheduleBillingPlans(through: Self.date("2026-06-30"), rounding: .halfUp).isEmpty)
        let next = try store.scheduleBillingPlans(through: Self.date("2026-07-01"), rounding: .halfUp)
        #expect(next.map(\.id) == ["PLAN-1-2026-07-01"])
        #expect(try store.openOrders(categories: [.billingPlanCycle]).count == 7)
    }

    @Test func aSimulatedScheduleStoresNothing() throws {
        let store = try store()
        let simulated = try store.scheduleBillingPlans(
            through: Self.date("2026-03-01"), rounding: .halfUp, simulate: true)
        #expect(simulated.count == 3)
        #expect(try store.openOrders().isEmpty)
        #expect(try store.scheduledPeriods(plan: "PLAN-1").isEmpty)
    }

    @Test func aPlanWhoseStartMovesNeverBillsADayTwice() throws {
        var plan = Self.plan
        plan.startDate = Self.date("2026-01-15")
        let store = try store(with: [plan])
        #expect(try store.scheduleBillingPlans(through: Self.date("2026-01-31"), rounding: .halfUp).count == 1)
        // Re-imported with an earlier start: January overlaps the period billed and is skipped.
        plan.startDate = Self.date("2026-01-01")
        var batch = MasterDataBatch()
        batch.billingPlans = [plan]
        try store.save(batch)
        let next = try store.scheduleBillingPlans(through: Self.date("2026-02-01"), rounding: .halfUp)
        #expect(next.map(\.id) == ["PLAN-1-2026-02-01"])
        #expect(try store.scheduledPeriods(plan: "PLAN-1").map(\.amount.minorUnits) == [5484, 10_000])
    }
}

@Suite
struct MilestoneScheduleTests {
    private static func date(_ text: String) -> CalendarDate {
        // swift-format-ignore: NeverForceUnwrap
        CalendarDate(iso: text)!
    }

    private func store() throws -> InvoiceStore {
        let store = try InvoiceStore()
        var batch = StoreWorld.masterData
        batch.milestonePlans = [
            MilestonePlan(
                id: "PROJ", companyCode: "1000", account: "A1", currency: .eur, material: "M1",
                total: Money(minorUnits: 999_999, currency: .eur),
                milestones: [30, 40, 30].enumerated().map {
                    .init(number: $0.offset + 1, percent: FixedDecimal(Int64($0.element)))
                })
        ]
        try store.save(batch)
        return store
    }

    private func confirm(_ store: InvoiceStore, _ milestone: Int, _ date: String) throws {
        var batch = MasterDataBatch()
        batch.milestoneConfirmations = [
            MilestoneConfirmation(plan: "PROJ", milestone: milestone, reachedOn: Self.date(date))
        ]
        try store.save(batch)
    }

    @Test func aMilestoneIsBilledOnceFromTheDayItIsReachedAndTheLastTakesTheRemainder() throws {
        let store = try store()
        #expect(try store.scheduleBillingPlans(through: Self.date("2026-12-31"), rounding: .halfUp).isEmpty)
        try confirm(store, 1, "2026-10-20")
        try confirm(store, 3, "2026-12-10")
        let first = try store.scheduleBillingPlans(through: Self.date("2026-11-30"), rounding: .halfUp)
        #expect(first.map(\.id) == ["PROJ-M1"])
        #expect(try store.scheduleBillingPlans(through: Self.date("2026-11-30"), rounding: .halfUp).isEmpty)
        try confirm(store, 2, "2026-11-15")
        let later = try store.scheduleBillingPlans(through: Self.date("2026-12-31"), rounding: .halfUp)
        #expect(later.map(\.id) == ["PROJ-M2", "PROJ-M3"])
        let amounts = (first + later).compactMap { $0.items.first?.unitPrice }
        #expect(amounts.map(\.description) == ["3000.00", "4000.00", "2999.99"])
        #expect(try store.scheduleBillingPlans(through: Self.date("2027-12-31"), rounding: .halfUp).isEmpty)
        #expect(try store.openOrders(categories: [.billingPlanCycle]).count == 3)
    }

    @Test func aConfirmationOfAMilestoneThePlanLacksBillsNothing() throws {
        let store = try store()
        try confirm(store, 9, "2026-10-20")
        #expect(try store.scheduleBillingPlans(through: Self.date("2026-12-31"), rounding: .halfUp).isEmpty)
    }
}
