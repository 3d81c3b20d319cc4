import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// Billing plans end to end: the sample plans invoiced by runs, inspected with `invoicerun plan`.
@Suite(.serialized)
struct PlanCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func runsInvoiceEachPlanPeriodOnceAndPlanShowSaysWhich() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let first = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(first.status == 0, "\(first.error)")
        let invoices = try StoredInvoices(tool)
        // CA-200011's one invoice bills three periods of PLAN-2012.
        let quarters = try invoices.number(.invoice, account: "CA-200011")
        // CA-100011's bills the first milestone of PROJ-1011 (with the periods of PLAN-1011).
        let firstMilestone = try invoices.number(.invoice, account: "CA-100011")
        let show = try tool.run(["plan", "show", "PLAN-2012", "--store", "s.sqlite"])
        #expect(
            show.output == """
                plan PLAN-2012: account CA-200011, company code 2000, material M-2006
                quarterly in arrears, 2026-02-01 to 2027-01-31
                price 900.00 GBP per period from 2026-02-01
                price 960.00 GBP per period from 2026-05-01
                2026-02-01 to 2026-03-31  due 2026-03-31  590.00 GBP  PLAN-2012-2026-02-01  \(quarters)
                2026-04-01 to 2026-06-30  due 2026-06-30  940.22 GBP  PLAN-2012-2026-04-01  \(quarters)
                2026-07-01 to 2026-09-30  due 2026-09-30  960.00 GBP  PLAN-2012-2026-07-01  \(quarters)

                """)
        // The same date again: nothing new is due, nothing is billed twice.
        let again = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(again.output.contains("Invoicing units: 2: 0 invoiced"), "\(again.output)")
        // A month later: December's fee and the fourth quarter, each once.
        let simulated = try tool.run(["plan", "schedule", "--store", "s.sqlite", "--date", "2026-12-31", "--simulate"])
        #expect(simulated.output.hasSuffix("3 CYCLE orders would be scheduled through 2026-12-31\n"))
        let later = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-31"])
        #expect(later.status == 0, "\(later.error)")
        let list = try tool.run(["plan", "list", "--store", "s.sqlite"])
        #expect(
            list.output == """
                PLAN-1011  CA-100011  M-1004  monthly in advance  2026-09-15 to open  13.90 EUR from 2026-11-01  periods: 4 scheduled, 4 invoiced
                PLAN-2011  CA-200011  M-2015  yearly in advance  2026-04-01 to open  120.00 GBP from 2026-04-01  periods: 1 scheduled, 1 invoiced
                PLAN-2012  CA-200011  M-2006  quarterly in arrears  2026-02-01 to 2027-01-31  960.00 GBP from 2026-05-01  periods: 4 scheduled, 4 invoiced
                PROJ-1011  CA-100011  M-1006  milestones  total 9999.99 EUR  milestones: 3, 2 reached, 2 invoiced
                3 billing plans, 1 milestone plans

                """)
        // Milestone 2, reached on 10 December, was billed by the run of 31 December; the last one
        // (not reached yet) will take the rounding remainder: 9999.99 − 3000.00 − 4000.00.
        let billed = try InvoiceStore(path: tool.url("s.sqlite").path).invoiceNumbersBySourceDocument()
        #expect(billed["PROJ-1011-M1"] == [firstMilestone])
        let secondMilestone = try #require(billed["PROJ-1011-M2"]?.first)
        #expect(try StoredInvoices(tool).summaries.first { $0.number == secondMilestone }?.runID == "RUN-000003")
        let milestones = try tool.run(["plan", "show", "PROJ-1011", "--store", "s.sqlite"])
        #expect(
            milestones.output == """
                milestone plan PROJ-1011: account CA-100011, company code 1000, material M-1006
                total 9999.99 EUR, Smart-Meter-Rollout Lindenhof
                1  Planung abgenommen  30 %  3000.00 EUR  reached 2026-10-20  PROJ-1011-M1 \(firstMilestone)
                2  Zähler installiert  40 %  4000.00 EUR  reached 2026-12-10  PROJ-1011-M2 \(secondMilestone)
                3  Abnahme  30 %  2999.99 EUR  not reached  not billed

                """)
    }

    @Test func anUnknownPlanIsAUsageError() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let show = try tool.run(["plan", "show", "NOPE", "--store", "s.sqlite"])
        #expect(show.status == 64)
        #expect(show.error.contains("no billing plan NOPE in the store"))
    }
}
