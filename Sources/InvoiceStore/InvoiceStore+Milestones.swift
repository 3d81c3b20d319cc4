internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Every milestone plan, by id.
    public func milestonePlans() throws(StoreError) -> [MilestonePlan] {
        try read { db in try Self.milestonePlans(db) }
    }

    private static func milestonePlans(_ db: Database) throws -> [MilestonePlan] {
        try String.fetchAll(db, sql: "SELECT payload FROM milestone_plan ORDER BY id").map { text throws in
            try decode(MilestonePlan.self, text)
        }
    }

    /// Creates the `CYCLE` document and order of every confirmed milestone reached on or before
    /// `date` that is not billed yet, and records it in `milestone_billing`; without a session
    /// (a simulation) only computes the documents.
    static func scheduleMilestones(
        through date: CalendarDate, rounding: RoundingRule, db: Database, session: DocumentImportSession?,
        into created: inout [SourceDocument]
    ) throws {
        for plan in try milestonePlans(db) {
            let confirmed = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.milestone, c.reached_on FROM milestone_confirmation c
                    WHERE c.plan_id = ? AND c.reached_on <= ?
                      AND NOT EXISTS (SELECT 1 FROM milestone_billing b
                                      WHERE b.plan_id = c.plan_id AND b.milestone = c.milestone)
                    ORDER BY c.milestone
                    """,
                arguments: [plan.id, date.description])
            guard !confirmed.isEmpty else { continue }
            let amounts: [Int: Money]
            do {
                amounts = try plan.amounts(rounding: rounding)
            } catch {
                throw StoreError(.corrupt, "milestone plan \(plan.id): \(error)")
            }
            for row in confirmed {
                let number: Int = row[0]
                guard let milestone = plan.milestones.first(where: { $0.number == number }),
                    let amount = amounts[number], let reachedOn = CalendarDate(iso: row[1] as String)
                else { continue }  // a confirmation of a milestone the plan does not have bills nothing
                let document = plan.sourceDocument(milestone: milestone, amount: amount, reachedOn: reachedOn)
                created.append(document)
                guard let session else { continue }
                if let refusal = try session.insert(
                    document, origin: DocumentOrigin(file: "milestone plan \(plan.id)", line: 0))
                {
                    throw StoreError(.database, refusal.message)
                }
                try db.execute(
                    sql: "INSERT INTO milestone_billing VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        plan.id, number, reachedOn.description, amount.minorUnits, plan.currency.code, document.id,
                    ])
            }
        }
    }

    /// The milestones of `plan` with their confirmation and billing, in number order.
    public func milestoneStatus(plan: MilestonePlan, rounding: RoundingRule) throws(StoreError) -> [MilestoneStatus] {
        try read { db in
            let amounts = (try? plan.amounts(rounding: rounding)) ?? [:]
            var result: [MilestoneStatus] = []
            for milestone in plan.milestones {
                let reached = try String.fetchOne(
                    db, sql: "SELECT reached_on FROM milestone_confirmation WHERE plan_id = ? AND milestone = ?",
                    arguments: [plan.id, milestone.number])
                let billed = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT b.source_document_id,
                            (SELECT o.invoice_number FROM invoicing_order o
                             WHERE o.source_document_id = b.source_document_id AND o.status = 'invoiced'
                             ORDER BY o.id DESC LIMIT 1) AS invoice_number
                        FROM milestone_billing b WHERE b.plan_id = ? AND b.milestone = ?
                        """,
                    arguments: [plan.id, milestone.number])
                result.append(
                    MilestoneStatus(
                        milestone: milestone, amount: amounts[milestone.number],
                        reachedOn: reached.flatMap { CalendarDate(iso: $0) }, document: billed?["source_document_id"],
                        invoiceNumber: billed?["invoice_number"]))
            }
            return result
        }
    }
}

/// A milestone with what became of it: its amount, when it was reached, its document and invoice.
public struct MilestoneStatus: Sendable, Hashable {
    /// The milestone.
    public var milestone: MilestonePlan.Milestone
    /// Its amount (the last takes the rounding remainder); nil when the plan cannot be split.
    public var amount: Money?
    /// The day it was reached, once confirmed.
    public var reachedOn: CalendarDate?
    /// The `CYCLE` source document that bills it, once scheduled.
    public var document: String?
    /// The invoice that billed it, once invoiced.
    public var invoiceNumber: String?
}
