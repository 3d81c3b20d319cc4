internal import Foundation
internal import GRDB
public import InvoicingCore

extension InvoiceStore {
    /// Inserts or replaces master data records (a later import of the same key wins).
    public func save(_ batch: MasterDataBatch) throws(StoreError) {
        try write { db in
            // One statement per table, prepared once: preparing it afresh for every record
            // cost as much as SQLite's insert.
            func upsert<T: Encodable>(_ table: String, _ id: String, _ value: T) throws {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table) (id, payload) VALUES (?, ?)")
                    .execute(arguments: [id, try Self.encode(value)])
            }
            for value in batch.companyCodes { try upsert("company_code", value.id, value) }
            for value in batch.paymentTerms { try upsert("payment_terms", value.id, value) }
            try Self.saveContractAccounts(batch.accounts, db)
            for value in batch.materials { try upsert("material", value.id, value) }
            for value in batch.taxCodes { try upsert("tax_code", value.id, value) }
            for value in batch.priceConditions { try upsert("price_condition", value.id, value) }
            try Self.saveBillingPlans(batch, db)
            try Self.saveRebateAgreements(batch, db)
            for rule in batch.taxDetermination {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO tax_determination VALUES (?, ?, ?, ?)",
                    arguments: [
                        rule.country, rule.accountTaxClassification, rule.materialTaxClassification, rule.taxCode,
                    ])
            }
            for rule in batch.accountDetermination {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO account_determination (chart_of_accounts, sales_organisation,
                            company_code, account_group, material_group, account_key, gl_account)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        rule.chartOfAccounts, rule.salesOrganisation, rule.companyCode, rule.accountGroup,
                        rule.materialGroup, rule.accountKey.rawValue, rule.glAccount,
                    ])
            }
        }
    }

    /// Inserts or replaces contract accounts: the bulk of master data (an import of a large
    /// business brings hundreds of thousands), so their JSON is written by hand
    /// (`ContractAccount+StoreJSON.swift`, the bytes `encode` gives) into one buffer and bound
    /// to one prepared statement where it lies.
    private static func saveContractAccounts(_ accounts: [ContractAccount], _ db: Database) throws {
        guard !accounts.isEmpty else { return }
        let statement = try DirectStatement(
            db, sql: "INSERT OR REPLACE INTO contract_account (id, payload) VALUES (?, ?)")
        var writer = InvoiceJSONWriter(capacity: 1_024)
        for account in accounts {
            writer.removeAll()
            writer.writeStored(account)
            // The JSON is bound where it lies, without a copy, while the statement runs.
            try writer.withBytes { json in
                try statement.execute { row in
                    row.text(account.id)
                    row.text(borrowing: json)
                }
            }
        }
    }

    /// The index just past the first occurrence of `pattern` in `bytes`, or nil.
    private static func end(ofFirst pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
            if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return start + pattern.count }
        }
        return nil
    }

    /// All master data, indexed for the engine.
    public func loadMasterData() throws(StoreError) -> MasterData {
        try loadMasterData(contractAccounts: true)
    }

    /// The ids of the company codes, and each contract account's company code: what an import
    /// checks its documents against, without loading every account's record.
    public func accountCompanies() throws(StoreError) -> (companyCodes: Set<String>, accounts: [String: String]) {
        try read { db in
            let codes = Set(try String.fetchAll(db, sql: "SELECT id FROM company_code"))
            var accounts: [String: String] = [:]
            // The company code is found in each payload here rather than by `json_extract`,
            // which parsed every account's whole JSON: 11,600 instructions an account, where an
            // import of 100,000 accounts asks for them all.
            let rows = try Row.fetchCursor(db, sql: "SELECT id, payload FROM contract_account")
            while let row = try rows.next() {
                accounts[row[0]] = try Self.companyCode(ofAccountPayload: row[1])
            }
            return (codes, accounts)
        }
    }

    /// The `companyCode` member of a stored contract account's JSON.
    ///
    /// The store writes the member as `"companyCode":"…"` at the top level (no space, sorted keys,
    /// no other object of the account has the key), and the text `"companyCode":"` cannot
    /// occur inside a JSON string, where every quote is escaped: so the first such text is
    /// the member. A value with an escape, or JSON written another way, is read by `JSONDecoder`.
    static func companyCode(ofAccountPayload payload: String) throws(StoreError) -> String {
        var payload = payload
        let found = payload.withUTF8 { bytes -> String? in
            let key: StaticString = "\"companyCode\":\""
            guard let value = key.withUTF8Buffer({ key in Self.end(ofFirst: key, in: bytes) }),
                let end = bytes[value...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
                bytes[end] == UInt8(ascii: "\"")
            else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[value..<end]), as: UTF8.self)
        }
        if let found { return found }
        return try contractAccount(payload: payload).companyCode
    }

    /// The stored contract accounts with the given ids (in id order); ids not stored are left out.
    public func contractAccounts(ids: some Collection<String>) throws(StoreError) -> [ContractAccount] {
        try contractAccountPayloads(ids: ids).map { text throws(StoreError) in try Self.contractAccount(payload: text) }
    }

    /// The stored JSON of the contract accounts `ids` (those that exist), in id order, for
    /// ``contractAccount(payload:)`` to read on any thread: a run reads a range's accounts on
    /// every core.
    public func contractAccountPayloads(ids: some Collection<String>) throws(StoreError) -> [String] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            // The ids travel as one JSON array: one statement whatever their number.
            let list = String(decoding: try JSONEncoder().encode(Array(ids)), as: UTF8.self)
            return try String.fetchAll(
                db,
                sql: "SELECT payload FROM contract_account WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                arguments: [list])
        }
    }

    /// A contract account from the JSON ``contractAccountPayloads(ids:)`` gave.
    public static func contractAccount(payload: String) throws(StoreError) -> ContractAccount {
        try ContractAccount(storePayload: payload)
    }

    /// The master data, with or without the contract accounts (which a run of many accounts
    /// loads a range at a time, with `contractAccounts(ids:)`).
    public func loadMasterData(contractAccounts: Bool) throws(StoreError) -> MasterData {
        try read { db in
            var data = MasterData()
            func all<T: Decodable>(_ table: String, _ type: T.Type) throws -> [T] {
                try String.fetchAll(db, sql: "SELECT payload FROM \(table) ORDER BY id").map { text throws in
                    try Self.decode(type, text)
                }
            }
            for value in try all("company_code", CompanyCode.self) { data.add(value) }
            for value in try all("payment_terms", PaymentTerms.self) { data.add(value) }
            if contractAccounts {
                for value in try all("contract_account", ContractAccount.self) { data.add(value) }
            }
            for value in try all("material", Material.self) { data.add(value) }
            for value in try all("tax_code", TaxCode.self) { data.add(value) }
            for value in try all("price_condition", PriceCondition.self) { data.add(value) }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM tax_determination ORDER BY 1, 2, 3") {
                data.add(
                    TaxDeterminationRule(
                        country: row["country"], accountTaxClassification: row["account_class"],
                        materialTaxClassification: row["material_class"], taxCode: row["tax_code"]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM account_determination
                    ORDER BY chart_of_accounts, sales_organisation, company_code, account_group, material_group,
                        account_key
                    """)
            {
                let keyText: String = row["account_key"]
                guard let key = AccountKey(rawValue: keyText) else {
                    throw StoreError(.corrupt, "stored account key \(keyText) is unknown")
                }
                data.add(
                    AccountDeterminationRule(
                        chartOfAccounts: row["chart_of_accounts"], salesOrganisation: row["sales_organisation"],
                        companyCode: row["company_code"], accountGroup: row["account_group"],
                        materialGroup: row["material_group"], accountKey: key,
                        glAccount: row["gl_account"]))
            }
            return data
        }
    }

    /// Stores the invoicing configuration (the JSON text of the configuration file).
    public func saveConfiguration(json: String, sourceFile: String) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO configuration (id, payload, source_file) VALUES (1, ?, ?)",
                arguments: [json, sourceFile])
        }
    }

    /// The stored configuration's JSON text, if one was imported.
    public func loadConfigurationJSON() throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT payload FROM configuration WHERE id = 1") }
    }
}
