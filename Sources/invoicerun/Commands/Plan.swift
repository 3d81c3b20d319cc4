import ArgumentParser
import Importers
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand {
    /// Creates and inspects billing plans.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create and inspect billing plans.",
            discussion: """
                Plans are master data: import a BillingPlan file (CSV or XML, see docs/formats.md) with \
                `import` or `run`. Every run schedules the periods due by its date as CYCLE invoicing orders \
                before it selects; `plan schedule` does only that.
                """,
            subcommands: [List.self, Show.self, Schedule.self, Installments.self])
    }
}

extension InvoiceRunCommand.Plan {
    /// Lists the billing plans with their periods scheduled and invoiced.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the billing plans.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            let plans = try store.billingPlans()
            for plan in plans {
                let periods = try store.scheduledPeriods(plan: plan.id)
                let invoiced = periods.filter { $0.invoiceNumber != nil }.count
                let price = plan.prices.last.map { "\($0.price) from \($0.validFrom)" } ?? "no price"
                print(
                    "\(plan.id)  \(plan.account)  \(plan.material)  \(plan.period.rawValue) in \(plan.timing.rawValue)  "
                        + "\(plan.startDate) to \(plan.endDate?.description ?? "open")  \(price)  "
                        + "periods: \(periods.count) scheduled, \(invoiced) invoiced")
            }
            let milestonePlans = try store.milestonePlans()
            for plan in milestonePlans {
                let rounding = try InvoiceRunCommand.Plan.rounding(store)
                let status = try store.milestoneStatus(plan: plan, rounding: rounding)
                print(
                    "\(plan.id)  \(plan.account)  \(plan.material)  milestones  total \(plan.total)  "
                        + "milestones: \(status.count), \(status.filter { $0.reachedOn != nil }.count) reached, "
                        + "\(status.filter { $0.invoiceNumber != nil }.count) invoiced")
            }
            print("\(plans.count) billing plans, \(milestonePlans.count) milestone plans")
        }
    }

    /// Shows one plan: its terms, its prices and every period scheduled.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a billing plan, its prices and every period scheduled, with its invoice.")

        @Argument(help: "The plan id.")
        var plan: String

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            guard let plan = try store.billingPlans().first(where: { $0.id == self.plan }) else {
                guard let milestones = try store.milestonePlans().first(where: { $0.id == self.plan }) else {
                    throw ValidationError("no billing plan \(self.plan) in the store")
                }
                try show(milestones, store)
                return
            }
            print(
                "plan \(plan.id): account \(plan.account), company code \(plan.companyCode), material \(plan.material)")
            print(
                "\(plan.period.rawValue) in \(plan.timing.rawValue), \(plan.startDate) to "
                    + (plan.endDate?.description ?? "open end"))
            for step in plan.prices { print("price \(step.price) per period from \(step.validFrom)") }
            for period in try store.scheduledPeriods(plan: plan.id) {
                print(
                    "\(period.start) to \(period.end)  due \(period.dueDate)  \(period.amount)  \(period.document)  "
                        + (period.invoiceNumber ?? "open"))
            }
        }
    }
}

extension InvoiceRunCommand.Plan.Show {
    /// Prints a milestone plan: its total and each milestone with its share, amount, confirmation and invoice.
    func show(_ plan: MilestonePlan, _ store: InvoiceStore) throws {
        print(
            "milestone plan \(plan.id): account \(plan.account), company code \(plan.companyCode), material \(plan.material)"
        )
        print("total \(plan.total)" + (plan.description.map { ", \($0)" } ?? ""))
        for status in try store.milestoneStatus(plan: plan, rounding: try InvoiceRunCommand.Plan.rounding(store)) {
            let share = status.milestone.percent.map { "\($0) %" } ?? status.milestone.amount.map { "\($0)" } ?? ""
            print(
                "\(status.milestone.number)  \(status.milestone.description ?? "")  \(share)  "
                    + "\(status.amount.map { "\($0)" } ?? "cannot be split")  "
                    + (status.reachedOn.map { "reached \($0)" } ?? "not reached") + "  "
                    + (status.document.map { "\($0) " + (status.invoiceNumber ?? "open") } ?? "not billed"))
        }
    }
}

extension InvoiceRunCommand.Plan {
    /// The configured rounding rule (commercial when no configuration is stored yet).
    static func rounding(_ store: InvoiceStore) throws -> RoundingRule {
        try store.loadConfigurationJSON().map { json in
            try ConfigurationFile.decode(Array(json.utf8), file: "configuration in the store").rounding
        } ?? .halfUp
    }
}

extension InvoiceRunCommand.Plan {
    /// Schedules the periods due by a date as `CYCLE` invoicing orders, without invoicing them.
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the CYCLE invoicing orders of every period due by a date, without invoicing.")

        @Option(name: .long, help: "Periods due by this date (YYYY-MM-DD) are scheduled. Default: today.")
        var date: String?

        @Flag(name: .long, help: "Show what would be scheduled; store nothing.")
        var simulate = false

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            let through = try CalendarDate.option(date) ?? .today()
            // Prorated amounts round by the configured rule, as the run that invoices them would.
            let documents = try store.scheduleBillingPlans(
                through: through, rounding: try InvoiceRunCommand.Plan.rounding(store), simulate: simulate)
            for document in documents {
                let amount = document.items.first?.unitPrice.map { "\($0) \(document.currency.code)" } ?? ""
                print("\(document.id)  \(document.account)  due \(document.billingDate)  \(amount)")
            }
            let verb = simulate ? "would be scheduled" : "scheduled"
            print("\(documents.count) CYCLE orders \(verb) through \(through)")
        }
    }
}
