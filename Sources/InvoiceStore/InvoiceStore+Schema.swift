internal import GRDB

extension InvoiceStore {
    /// The schema, one migration per released change; never edit a migration once it shipped.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            // Master data: key columns for lookups, the full record as JSON for the engine.
            for table in ["company_code", "payment_terms", "contract_account", "material", "tax_code"] {
                try db.execute(sql: "CREATE TABLE \(table) (id TEXT PRIMARY KEY NOT NULL, payload TEXT NOT NULL)")
            }
            try db.execute(
                sql: """
                    CREATE TABLE tax_determination (
                        country TEXT NOT NULL, account_class TEXT NOT NULL, material_class TEXT NOT NULL,
                        tax_code TEXT NOT NULL, PRIMARY KEY (country, account_class, material_class));
                    CREATE TABLE account_determination (
                        chart_of_accounts TEXT NOT NULL, sales_organisation TEXT NOT NULL,
                        account_group TEXT NOT NULL, material_group TEXT NOT NULL, account_key TEXT NOT NULL,
                        gl_account TEXT NOT NULL,
                        PRIMARY KEY (chart_of_accounts, sales_organisation, account_group, material_group, account_key));
                    CREATE TABLE price_condition (id TEXT PRIMARY KEY NOT NULL, payload TEXT NOT NULL);
                    CREATE TABLE configuration (id INTEGER PRIMARY KEY CHECK (id = 1), payload TEXT NOT NULL,
                        source_file TEXT NOT NULL);

                    CREATE TABLE source_document (
                        id TEXT PRIMARY KEY NOT NULL, category TEXT NOT NULL, account TEXT NOT NULL,
                        company_code TEXT NOT NULL, billing_date TEXT NOT NULL, payload TEXT NOT NULL,
                        source_file TEXT NOT NULL, source_line INTEGER NOT NULL);
                    CREATE TABLE invoicing_order (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        source_document_id TEXT NOT NULL REFERENCES source_document(id),
                        category TEXT NOT NULL, account TEXT NOT NULL, due_date TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'invoiced')),
                        invoice_number TEXT);
                    CREATE UNIQUE INDEX invoicing_order_one_open ON invoicing_order(source_document_id)
                        WHERE status = 'open';
                    CREATE INDEX invoicing_order_due ON invoicing_order(status, due_date);

                    CREATE TABLE number_range (
                        company_code TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL,
                        last_number INTEGER NOT NULL, PRIMARY KEY (company_code, kind, year));

                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, process TEXT NOT NULL, run_date TEXT NOT NULL,
                        parameters TEXT NOT NULL, status TEXT NOT NULL, summary TEXT);
                    CREATE TABLE invoice (
                        number TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, company_code TEXT NOT NULL,
                        account TEXT NOT NULL, currency TEXT NOT NULL, invoice_date TEXT NOT NULL,
                        due_date TEXT NOT NULL, net_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL,
                        gross_minor INTEGER NOT NULL, run_id INTEGER NOT NULL REFERENCES run(id),
                        posting_number TEXT NOT NULL, payload TEXT NOT NULL);
                    CREATE INDEX invoice_account ON invoice(account);
                    CREATE TABLE invoice_item (
                        invoice_number TEXT NOT NULL REFERENCES invoice(number), line INTEGER NOT NULL,
                        source_document_id TEXT NOT NULL, source_item INTEGER NOT NULL, material TEXT NOT NULL,
                        quantity TEXT NOT NULL, unit TEXT NOT NULL, net_minor INTEGER NOT NULL,
                        tax_code TEXT NOT NULL, PRIMARY KEY (invoice_number, line));
                    CREATE TABLE fi_document (
                        number TEXT PRIMARY KEY NOT NULL, company_code TEXT NOT NULL, posting_date TEXT NOT NULL,
                        reference TEXT NOT NULL, currency TEXT NOT NULL, held INTEGER NOT NULL);
                    CREATE TABLE fi_line (
                        document_number TEXT NOT NULL REFERENCES fi_document(number), line INTEGER NOT NULL,
                        gl_account TEXT NOT NULL, side TEXT NOT NULL CHECK (side IN ('D', 'C')),
                        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0), account_key TEXT,
                        tax_code TEXT, contract_account TEXT, text TEXT NOT NULL,
                        PRIMARY KEY (document_number, line));

                    CREATE TABLE processed_file (
                        content_hash TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, outcome TEXT NOT NULL);
                    """)
        }
        migrator.registerMigration("v2-print-log") { db in
            // Every print of a stored document: the run's original (reprint 0) and each copy or
            // duplicate after it, numbered 1, 2, ... per document.
            try db.execute(
                sql: """
                    CREATE TABLE print_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        document_number TEXT NOT NULL REFERENCES invoice(number),
                        edition TEXT NOT NULL CHECK (edition IN ('original', 'copy', 'duplicate')),
                        reprint INTEGER NOT NULL CHECK (reprint >= 0),
                        printed_at TEXT NOT NULL, printed_by TEXT NOT NULL, reason TEXT,
                        UNIQUE (document_number, reprint));
                    """)
        }
        registerDropFolderMigrations(&migrator)
        registerDocumentFlowMigrations(&migrator)
        registerScheduleMigrations(&migrator)
        registerRebateMigrations(&migrator)
        registerLedgerMigrations(&migrator)
        registerIntercompanyMigrations(&migrator)
        registerDeliveryMigrations(&migrator)
        registerOrderItemMigrations(&migrator)
        registerPostingNumberMigrations(&migrator)
        return migrator
    }
}
