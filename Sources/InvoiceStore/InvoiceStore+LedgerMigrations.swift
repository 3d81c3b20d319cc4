internal import GRDB

extension InvoiceStore {
    /// Migrations of the FI side: account determination by company code, CO assignment on FI
    /// lines, intercompany billing.
    static func registerLedgerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-account-determination-company-code") { db in
            // The company code joins the key (`*` for every company code of the chart), so the
            // table is made anew; rows stored before apply to every company code.
            try db.execute(
                sql: """
                    CREATE TABLE account_determination_v4 (
                        chart_of_accounts TEXT NOT NULL, sales_organisation TEXT NOT NULL,
                        company_code TEXT NOT NULL DEFAULT '*',
                        account_group TEXT NOT NULL, material_group TEXT NOT NULL, account_key TEXT NOT NULL,
                        gl_account TEXT NOT NULL,
                        PRIMARY KEY (chart_of_accounts, sales_organisation, company_code, account_group,
                            material_group, account_key));
                    INSERT INTO account_determination_v4 (chart_of_accounts, sales_organisation, company_code,
                        account_group, material_group, account_key, gl_account)
                    SELECT chart_of_accounts, sales_organisation, '*', account_group, material_group, account_key,
                        gl_account FROM account_determination;
                    DROP TABLE account_determination;
                    ALTER TABLE account_determination_v4 RENAME TO account_determination;
                    """)
        }
        migrator.registerMigration("v4-co-assignment") { db in
            // The profit centre or cost centre of revenue lines, when the source document gave one.
            try db.execute(
                sql: """
                    ALTER TABLE fi_line ADD COLUMN profit_center TEXT;
                    ALTER TABLE fi_line ADD COLUMN cost_center TEXT;
                    """)
        }
    }
}
