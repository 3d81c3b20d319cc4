internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    static func registerRebateMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-rebates") { db in
            // Accrual lines name their agreement, so what was accrued (net of cancellations, which
            // copy the column when they reverse a document line by line) is a sum over fi_line.
            try db.execute(
                sql: """
                    CREATE TABLE rebate_agreement (
                        id TEXT PRIMARY KEY NOT NULL, recipient TEXT NOT NULL, payload TEXT NOT NULL);
                    CREATE TABLE rebate_settlement (
                        agreement_id TEXT NOT NULL, sequence INTEGER NOT NULL CHECK (sequence > 0),
                        kind TEXT NOT NULL CHECK (kind IN ('PARTIAL', 'FINAL')), settled_on TEXT NOT NULL,
                        amount_minor INTEGER NOT NULL, accrual_reversed_minor INTEGER NOT NULL, currency TEXT NOT NULL,
                        document_number TEXT NOT NULL UNIQUE REFERENCES invoice(number),
                        PRIMARY KEY (agreement_id, sequence));
                    CREATE UNIQUE INDEX rebate_settlement_one_final ON rebate_settlement(agreement_id)
                        WHERE kind = 'FINAL';
                    ALTER TABLE fi_line ADD COLUMN rebate_agreement TEXT;
                    CREATE INDEX fi_line_rebate ON fi_line(rebate_agreement) WHERE rebate_agreement IS NOT NULL;
                    """)
        }
    }

    /// Inserts or replaces rebate agreements, inside the master data transaction of `save`.
    static func saveRebateAgreements(_ batch: MasterDataBatch, _ db: Database) throws {
        for agreement in batch.rebateAgreements {
            try db.execute(
                sql: "INSERT OR REPLACE INTO rebate_agreement (id, recipient, payload) VALUES (?, ?, ?)",
                arguments: [agreement.id, agreement.recipient, try Self.encode(agreement)])
        }
    }

    /// Every rebate agreement, by id.
    public func rebateAgreements() throws(StoreError) -> [RebateAgreement] {
        try read { db in try Self.rebateAgreements(db) }
    }

    private static func rebateAgreements(_ db: Database) throws -> [RebateAgreement] {
        try String.fetchAll(db, sql: "SELECT payload FROM rebate_agreement ORDER BY id").map { text throws in
            try decode(RebateAgreement.self, text)
        }
    }

    /// Where each agreement stands (all of them, or the one named `agreement`): the basis of the
    /// documents of its period stored so far (only those dated on or before `through`, when
    /// given), the accruals posted, and the settlements made. Every document made out to the
    /// recipient counts (invoices and memos, with their signs), except the settlements' own memos
    /// and a cancelled document with its cancellation (whatever their dates: together they are nothing).
    public func rebatePositions(
        agreement: String? = nil, through: CalendarDate? = nil, materials: [String: Material]
    ) throws(StoreError) -> [RebatePosition] {
        try read { db in
            try Self.rebateAgreements(db).filter { agreement == nil || $0.id == agreement }.map { agreement throws in
                try Self.position(agreement, through: through, materials: materials, db: db)
            }
        }
    }

    private static func position(
        _ agreement: RebateAgreement, through: CalendarDate?, materials: [String: Material], db: Database
    ) throws -> RebatePosition {
        var position = RebatePosition.empty(agreement)
        let lastDay = min(agreement.validTo, through ?? agreement.validTo)
        let invoices = try String.fetchAll(
            db,
            sql: """
                SELECT payload FROM invoice WHERE account = ? AND company_code = ? AND currency = ?
                  AND invoice_date >= ? AND invoice_date <= ?
                  AND number NOT IN (SELECT document_number FROM rebate_settlement)
                  AND number NOT IN (SELECT preceding FROM document_flow WHERE kind = 'CANCELLATION')
                  AND number NOT IN (SELECT subsequent FROM document_flow WHERE kind = 'CANCELLATION')
                ORDER BY invoice_date, number
                """,
            arguments: [
                agreement.recipient, agreement.companyCode, agreement.currency.code, agreement.validFrom.description,
                lastDay.description,
            ]
        ).map { text throws in try decode(Invoice.self, text) }
        for invoice in invoices {
            position.basis = try position.basis.adding(try agreement.basis(of: invoice, materials: materials))
            position.documents.append(invoice.number)
        }
        let accrued =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT SUM(CASE side WHEN 'C' THEN amount_minor ELSE -amount_minor END) FROM fi_line
                    WHERE rebate_agreement = ? AND account_key = ?
                    """,
                arguments: [agreement.id, AccountKey.rebateAccrual.rawValue]) ?? 0
        position.accrued = Money(minorUnits: accrued, currency: agreement.currency)
        position.settlements = try Row.fetchAll(
            db,
            sql: """
                SELECT sequence, kind, settled_on, amount_minor, accrual_reversed_minor, document_number
                FROM rebate_settlement WHERE agreement_id = ? ORDER BY sequence
                """,
            arguments: [agreement.id]
        ).map { row throws in
            let kindText: String = row["kind"]
            let dateText: String = row["settled_on"]
            guard let kind = RebateSettlement.Kind(rawValue: kindText), let date = CalendarDate(iso: dateText) else {
                throw StoreError(
                    .corrupt, "rebate settlement of \(agreement.id) has kind \(kindText), date \(dateText)")
            }
            return RebateSettlement(
                agreement: agreement.id, sequence: row["sequence"], kind: kind, date: date,
                amount: Money(minorUnits: row["amount_minor"], currency: agreement.currency),
                accrualReversed: Money(minorUnits: row["accrual_reversed_minor"], currency: agreement.currency),
                document: row["document_number"])
        }
        return position
    }

    /// Numbers (from the company code's FI range of the posting year) and stores rebate accrual
    /// documents of their own, in one transaction; returns them numbered.
    public func postRebateAccruals(_ documents: [FIDocument]) throws(StoreError) -> [FIDocument] {
        guard !documents.isEmpty else { return [] }
        return try write { db in
            try documents.map { document throws in
                var numbered = document
                numbered.number = try Self.nextNumber(
                    db, .posting, companyCode: document.companyCode, year: document.postingDate.year)
                try Self.insert(numbered, db: db)
                return numbered
            }
        }
    }

    /// Settles a rebate agreement: takes its position (the basis through `through` for a
    /// settlement of what was earned by a date), makes the settlement's memo and FI document,
    /// numbers them from the company code's ranges (`CM-`/`DM-`, `FI-`) and stores them with the
    /// settlement, all in one transaction with a run of its own (process `REBATE`).
    ///
    /// - Throws: `StoreError` with code `refused` when the settlement is refused (unknown
    ///   agreement, settled finally before, an amount beyond what was earned, nothing to settle).
    public func settleRebate(
        _ id: String, _ request: RebatePosition.SettlementRequest, on date: CalendarDate, through: CalendarDate?,
        masterData: MasterData, rounding: RoundingRule
    ) throws(StoreError) -> (draft: InvoiceDraft, settlement: RebateSettlement) {
        try write { db in
            guard let agreement = try Self.rebateAgreements(db).first(where: { $0.id == id }) else {
                throw StoreError(.refused, "no rebate agreement \(id) in the store")
            }
            let position = try Self.position(agreement, through: through, materials: masterData.materials, db: db)
            var made: (draft: InvoiceDraft, settlement: RebateSettlement)
            do throws(RebateError) {
                made = try position.settlement(request, on: date, masterData: masterData, rounding: rounding)
            } catch {
                throw StoreError(.refused, error.message)
            }
            try db.execute(
                sql: "INSERT INTO run (process, run_date, parameters, status) VALUES ('REBATE', ?, ?, 'finished')",
                arguments: [
                    date.description,
                    try Self.encode(["agreement": id, "kind": made.settlement.kind.rawValue]),
                ])
            let runKey = db.lastInsertedRowID
            let company = agreement.companyCode
            let number = try Self.nextNumber(
                db, NumberRangeKind(documentKind: made.draft.invoice.kind), companyCode: company, year: date.year)
            let posting = try Self.nextNumber(db, .posting, companyCode: company, year: date.year)
            made.draft = made.draft.numbered(invoiceNumber: number, postingNumber: posting)
            made.draft.invoice.runID = Self.runID(runKey)
            made.settlement.document = number
            try insert(made.draft, runKey: runKey, db: db)
            let settlement = made.settlement
            try db.execute(
                sql: "INSERT INTO rebate_settlement VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, settlement.sequence, settlement.kind.rawValue, settlement.date.description,
                    settlement.amount.minorUnits, settlement.accrualReversed.minorUnits, agreement.currency.code,
                    number,
                ])
            return made
        }
    }
}
