import InvoicingCore
import Testing

@testable import Importers

@Suite
struct BillingPlanImportTests {
    static let header =
        "plan_id,company_code,account,currency,material,description,period,timing,start_date,end_date,valid_from,price"

    @Test func aCSVFileOfPlansIsRecognisedFromItsHeader() {
        #expect(RecordKind.detect(header: Self.header.split(separator: ",").map(String.init)) == .billingPlan)
    }

    @Test func rowsOfOnePlanBecomeOnePlanWithPriceSteps() throws {
        let folder = try ImportFolder([
            "plans.csv": """
            \(Self.header)
            PL-1,1000,A1,EUR,M1,Rent,monthly,advance,2026-01-15,,,100.00
            PL-1,1000,A1,EUR,M1,Rent,monthly,advance,2026-01-15,,2026-07-01,110.00
            PL-1,1000,A1,EUR,M1,Rent,quarterly,advance,2026-01-15,,2026-09-01,120.00
            PL-1,1000,A1,EUR,M1,Rent,monthly,advance,2026-01-15,,2026-07-01,115.00
            PL-2,1000,A1,EUR,M1,,weekly,advance,2026-01-01,,,1.00
            PL-3,1000,A1,EUR,M1,,yearly,later,2026-01-01,,,1.00
            PL-4,1000,A1,EUR,M1,,yearly,arrears,2026-02-01,2026-01-31,,1.00
            PL-5,1000,A1,EUR,M1,,yearly,arrears,2026-01-01,,,1.005
            PL-6,1000,A1,EUR,M1,,yearly,arrears,2026-01-01,,,-1.00

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "plans.csv:4:1: plan_id: rows of plan PL-1 differ in more than valid_from and price",
                "plans.csv:5:54: valid_from: plan PL-1 has two prices from 2026-07-01",
                "plans.csv:6:22: period: \"weekly\" is not one of monthly, quarterly, yearly",
                "plans.csv:7:29: timing: \"later\" is not one of advance, arrears",
                "plans.csv:8:48: end_date: end_date 2026-01-31 is before start_date 2026-02-01",
                "plans.csv:9:50: price: \"1.005\" has more than 2 decimals",
                "plans.csv:10:50: price: a plan's price cannot be negative",
            ])
        let plan = try #require(batch.masterData.billingPlans.first)
        #expect(batch.masterData.billingPlans.count == 1)
        #expect(plan.prices.map(\.validFrom.description) == ["2026-01-15", "2026-07-01"])
        #expect(plan.prices.map(\.price.minorUnits) == [10_000, 11_000])
        #expect(plan.endDate == nil)
        #expect(plan.description == "Rent")
    }

    @Test func plansInXMLAreValidatedAndDecoded() throws {
        let folder = try ImportFolder([
            "plans.xml": """
            <MasterData xmlns="urn:invoicerun:masterdata:1">
              <BillingPlan>
                <planId>PL-1</planId><companyCode>1000</companyCode><account>A1</account><currency>EUR</currency>
                <material>M1</material><period>yearly</period><timing>arrears</timing>
                <startDate>2026-04-01</startDate><endDate>2027-03-31</endDate><price>1200.00</price>
              </BillingPlan>
              <BillingPlan>
                <planId>PL-2</planId><companyCode>1000</companyCode><account>A1</account><currency>EUR</currency>
                <material>M1</material><period>fortnightly</period><timing>arrears</timing>
                <startDate>2026-04-01</startDate><price>1.00</price>
              </BillingPlan>
            </MasterData>
            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "plans.xml:9:0: Element '{urn:invoicerun:masterdata:1}period': [facet 'enumeration'] The value 'fortnightly' is not an element of the set {'monthly', 'quarterly', 'yearly'}."
            ])
        let plan = try #require(batch.masterData.billingPlans.first)
        #expect(batch.masterData.billingPlans.map(\.id) == ["PL-1"])
        #expect(plan.period == .yearly)
        #expect(plan.timing == .arrears)
        #expect(plan.prices.map(\.validFrom.description) == ["2026-04-01"])
    }
}

@Suite
struct InstallmentTermsImportTests {
    @Test func paymentTermsMayCarryAnInstallmentPlan() throws {
        let folder = try ImportFolder([
            "terms.csv": """
            payment_terms,description,net_days,installments
            NT30,30 days net,30,
            RT3,Thirds,74,33.33:14 33.33:44 33.34:74
            BAD1,Short,0,33:14 33:44
            BAD2,Syntax,0,50/14 50:44
            BAD3,Order,0,50:44 50:14
            BAD4,Zero,0,0:14 100:44

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "terms.csv:4:14: installments: installment percentages add up to 66, not 100",
                "terms.csv:5:15: installments: \"50/14\" is not PERCENT:DAYS (e.g. 40:14)",
                "terms.csv:6:14: installments: installment 2 is due before the one before it",
                "terms.csv:7:13: installments: \"0:14\" is not PERCENT:DAYS (e.g. 40:14)",
            ])
        #expect(batch.masterData.paymentTerms.map(\.id) == ["NT30", "RT3"])
        #expect(batch.masterData.paymentTerms[0].installments == nil)
        let terms = try #require(batch.masterData.paymentTerms[1].installments)
        #expect(terms.map(\.days) == [14, 44, 74])
        #expect(terms.map(\.percent.description) == ["33.33", "33.33", "33.34"])
    }
}

@Suite
struct MilestonePlanImportTests {
    @Test func rowsOfOnePlanBecomeOnePlanWithMilestonesAndConfirmationsAreRead() throws {
        let folder = try ImportFolder([
            "plans.csv": """
            plan_id,company_code,account,currency,material,description,total,milestone,milestone_description,percent,amount
            P1,1000,A1,EUR,M1,Project,1000.00,2,Build,40,
            P1,1000,A1,EUR,M1,Project,1000.00,1,Plan,30,
            P1,1000,A1,EUR,M1,Project,1000.00,3,Accept,30,
            P1,1000,A1,EUR,M1,Project,1000.00,4,Extra,1,
            P1,1000,A1,EUR,M1,Other,1000.00,5,Extra,1,
            P1,1000,A1,EUR,M1,Project,1000.00,6,Extra,,10.00
            P1,1000,A1,EUR,M1,Project,1000.00,1,Again,10,
            P2,1000,A1,EUR,M1,Project,1000.00,1,Both,10,10.00
            P3,1000,A1,EUR,M1,Project,0.00,1,Zero,10,

            """,
            "reached.csv": """
            plan_id,milestone,reached_on
            P1,1,2026-10-20
            P1,0,2026-10-20

            """,
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "plans.csv:5:43: percent: the milestones of plan P1 add up to more than 100 percent",
                "plans.csv:6:1: plan_id: rows of plan P1 differ in more than their milestone",
                "plans.csv:7:43: percent: the milestones of plan P1 are all percentages or all amounts",
                "plans.csv:8:35: milestone: plan P1 has two milestones 1",
                "plans.csv:9:42: percent: a milestone has a percent or an amount, one of them",
                "plans.csv:10:27: total: a milestone plan's total must be positive",
                "reached.csv:3:4: milestone: milestones are numbered from 1",
            ])
        let plan = try #require(batch.masterData.milestonePlans.first)
        #expect(batch.masterData.milestonePlans.count == 1)
        #expect(plan.milestones.map(\.number) == [1, 2, 3])
        #expect(plan.milestones.map(\.description) == ["Plan", "Build", "Accept"])
        #expect(batch.masterData.milestoneConfirmations.map(\.milestone) == [1])
    }
}
