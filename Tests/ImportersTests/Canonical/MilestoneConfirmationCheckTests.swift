import Foundation
import InvoicingCore
import Testing

@testable import Importers

/// A milestone confirmation must name a plan and a milestone that exist.
@Suite
struct MilestoneConfirmationCheckTests {
    @Test func aConfirmationOfAnUnknownPlanOrMilestoneIsRefusedWithItsFileAndLine() throws {
        let folder = try ImportFolder([
            "confirmations.csv": """
            plan_id,milestone,reached_on
            PROJ-1,1,2026-10-20
            PROJ-9,1,2026-10-20
            PROJ-1,4,2026-10-21
            STORED,2,2026-10-22

            """,
            "plans.csv": """
            plan_id,company_code,account,currency,material,total,milestone,percent
            PROJ-1,1000,A1,EUR,M1,1000.00,1,50
            PROJ-1,1000,A1,EUR,M1,1000.00,2,50

            """,
        ])
        defer { folder.remove() }
        let stored = MilestonePlan(
            id: "STORED", companyCode: "1000", account: "A1", currency: .eur, material: "M1", description: nil,
            total: Money(minorUnits: 100, currency: .eur),
            milestones: [
                .init(number: 2, description: nil, percent: nil, amount: Money(minorUnits: 100, currency: .eur))
            ])
        let batch = InputImporter(schemas: ImportFolder.schemas).read(
            [folder.root.path], storedMilestonePlans: [stored])
        #expect(
            folder.messages(batch) == [
                "confirmations.csv:3:1: plan_id: no milestone plan PROJ-9 in the store or the files read",
                "confirmations.csv:4:8: milestone: milestone plan PROJ-1 has no milestone 4 (it has 1, 2)",
            ])
        #expect(batch.masterData.milestoneConfirmations.map(\.plan) == ["PROJ-1", "STORED"])
        #expect(batch.files.first { $0.path.hasSuffix("confirmations.csv") }?.rejectedLines == [3, 4])
        // Without the store's plans (as a reader that cannot know them), nothing is checked.
        #expect(folder.read().masterData.milestoneConfirmations.count == 4)
    }
}
