internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// The schedules' tables: billing plans and the ledger of the periods scheduled.
    static func registerScheduleMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-schedules") { db in
            // A period is in the ledger once its CYCLE document exists; the ledger, not the
            // plan, decides what is still to bill, so a repeated or late run never bills a
            // period twice or skips one. Dates are ISO text, so they compare as dates.
            try db.execute(
                sql: """
                    CREATE TABLE billing_plan (
                        id TEXT PRIMARY KEY NOT NULL, account TEXT NOT NULL, payload TEXT NOT NULL);
                    CREATE TABLE billing_plan_period (
                        plan_id TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,
                        billed_from TEXT NOT NULL, billed_to TEXT NOT NULL, due_date TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL, currency TEXT NOT NULL,
                        source_document_id TEXT NOT NULL UNIQUE REFERENCES source_document(id),
                        PRIMARY KEY (plan_id, billed_from));
                    CREATE TABLE milestone_plan (
                        id TEXT PRIMARY KEY NOT NULL, account TEXT NOT NULL, payload TEXT NOT NULL);
                    CREATE TABLE milestone_confirmation (
                        plan_id TEXT NOT NULL, milestone INTEGER NOT NULL, reached_on TEXT NOT NULL,
                        source_file TEXT, PRIMARY KEY (plan_id, milestone));
                    CREATE TABLE milestone_billing (
                        plan_id TEXT NOT NULL, milestone INTEGER NOT NULL, reached_on TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL, currency TEXT NOT NULL,
                        source_document_id TEXT NOT NULL UNIQUE REFERENCES source_document(id),
                        PRIMARY KEY (plan_id, milestone));
                    CREATE TABLE invoice_list (
                        number TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('INVOICES', 'CREDITS')),
                        company_code TEXT NOT NULL, account TEXT NOT NULL, currency TEXT NOT NULL,
                        list_date TEXT NOT NULL, due_date TEXT NOT NULL, net_minor INTEGER NOT NULL,
                        tax_minor INTEGER NOT NULL, gross_minor INTEGER NOT NULL, payload TEXT NOT NULL);
                    CREATE TABLE invoice_list_item (
                        list_number TEXT NOT NULL REFERENCES invoice_list(number), position INTEGER NOT NULL,
                        invoice_number TEXT NOT NULL UNIQUE REFERENCES invoice(number),
                        subin_document_id TEXT NOT NULL UNIQUE REFERENCES source_document(id),
                        PRIMARY KEY (list_number, position));
                    """)
        }
    }

    /// Inserts or replaces billing plans, milestone plans and milestone confirmations, inside the
    /// master data transaction of `save`.
    static func saveBillingPlans(_ batch: MasterDataBatch, _ db: Database) throws {
        for plan in batch.billingPlans {
            try db.execute(
                sql: "INSERT OR REPLACE INTO billing_plan (id, account, payload) VALUES (?, ?, ?)",
                arguments: [plan.id, plan.account, try Self.encode(plan)])
        }
        for plan in batch.milestonePlans {
            try db.execute(
                sql: "INSERT OR REPLACE INTO milestone_plan (id, account, payload) VALUES (?, ?, ?)",
                arguments: [plan.id, plan.account, try Self.encode(plan)])
        }
        for confirmation in batch.milestoneConfirmations {
            try db.execute(
                sql: "INSERT OR REPLACE INTO milestone_confirmation (plan_id, milestone, reached_on) VALUES (?, ?, ?)",
                arguments: [confirmation.plan, confirmation.milestone, confirmation.reachedOn.description])
        }
    }

    /// Every billing plan, by id.
    public func billingPlans() throws(StoreError) -> [BillingPlan] {
        try read { db in try Self.billingPlans(db) }
    }

    private static func billingPlans(_ db: Database) throws -> [BillingPlan] {
        try String.fetchAll(db, sql: "SELECT payload FROM billing_plan ORDER BY id").map { text throws in
            try decode(BillingPlan.self, text)
        }
    }

    /// Creates the `CYCLE` source document and invoicing order of every billing plan period due
    /// on or before `date` that the ledger does not hold yet, and records each in the ledger, in
    /// one transaction. A period whose days overlap a period already in the ledger (the plan's
    /// start was moved, say) is not scheduled again.
    ///
    /// - Parameter simulate: compute the documents but store nothing.
    /// - Returns: the documents created (or, simulating, that would be), in plan and date order.
    public func scheduleBillingPlans(through date: CalendarDate, rounding: RoundingRule, simulate: Bool = false)
        throws(StoreError) -> [SourceDocument]
    {
        var created: [SourceDocument] = []
        var failure: StoreError?
        do {
            try queue.write { db in
                let session = try DocumentImportSession(db: db)
                for plan in try Self.billingPlans(db) {
                    let ledger = try Row.fetchAll(
                        db, sql: "SELECT billed_from, billed_to FROM billing_plan_period WHERE plan_id = ?",
                        arguments: [plan.id]
                    ).map { row -> (String, String) in (row[0], row[1]) }
                    let periods: [BillingPeriod]
                    do {
                        periods = try plan.periods(dueThrough: date, rounding: rounding)
                    } catch {
                        failure = StoreError(.corrupt, "billing plan \(plan.id): \(error)")
                        throw error
                    }
                    for period in periods {
                        let from = period.start.description
                        let to = period.end.description
                        // ISO dates compare as text: skip any period that overlaps one billed.
                        guard !ledger.contains(where: { $0.0 <= to && $0.1 >= from }) else { continue }
                        let document = plan.sourceDocument(for: period)
                        created.append(document)
                        if simulate { continue }
                        let origin = DocumentOrigin(file: "billing plan \(plan.id)", line: 0)
                        if let refusal = try session.insert(document, origin: origin) {
                            let error = StoreError(.database, refusal.message)
                            failure = error
                            throw error
                        }
                        try db.execute(
                            sql: "INSERT INTO billing_plan_period VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            arguments: [
                                plan.id, period.periodStart.description, period.periodEnd.description, from, to,
                                period.dueDate.description, period.amount.minorUnits, plan.currency.code,
                                document.id,
                            ])
                    }
                }
                try Self.scheduleMilestones(
                    through: date, rounding: rounding, db: db, session: simulate ? nil : session, into: &created)
                if simulate { throw SimulationRollback() }
            }
        } catch is SimulationRollback {
            return created
        } catch {
            throw failure ?? StoreError(.database, Self.describe(error))
        }
        return created
    }

    /// The periods of `plan` in the ledger, oldest first, each with the invoice that billed it.
    public func scheduledPeriods(plan: String) throws(StoreError) -> [ScheduledPeriod] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.*, (SELECT o.invoice_number FROM invoicing_order o
                                 WHERE o.source_document_id = p.source_document_id AND o.status = 'invoiced'
                                 ORDER BY o.id DESC LIMIT 1) AS invoice_number
                    FROM billing_plan_period p WHERE p.plan_id = ? ORDER BY p.billed_from
                    """,
                arguments: [plan]
            ).map { row throws in
                guard let currency = Currency(code: row["currency"] as String),
                    let from = CalendarDate(iso: row["billed_from"] as String),
                    let to = CalendarDate(iso: row["billed_to"] as String),
                    let due = CalendarDate(iso: row["due_date"] as String)
                else { throw StoreError(.corrupt, "a stored period of billing plan \(plan) is unreadable") }
                return ScheduledPeriod(
                    start: from, end: to, dueDate: due,
                    amount: Money(minorUnits: row["amount_minor"], currency: currency),
                    document: row["source_document_id"], invoiceNumber: row["invoice_number"])
            }
        }
    }
}

/// A billing plan period in the ledger: scheduled as a `CYCLE` document, perhaps invoiced.
public struct ScheduledPeriod: Sendable, Hashable {
    /// The first day billed.
    public var start: CalendarDate
    /// The last day billed.
    public var end: CalendarDate
    /// The day the period fell due.
    public var dueDate: CalendarDate
    /// The amount billed.
    public var amount: Money
    /// The `CYCLE` source document that bills the period.
    public var document: String
    /// The invoice that billed it, once invoiced.
    public var invoiceNumber: String?
}

/// Thrown inside the scheduling transaction of a simulation, to store nothing.
private struct SimulationRollback: Error {}
