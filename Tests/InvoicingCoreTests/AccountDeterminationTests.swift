import Testing

@testable import InvoicingCore

@Suite struct AccountDeterminationTests {
    typealias World = TestWorld

    /// One row in each of the eight accesses, each with its own G/L account `G1` … `G8`.
    static let rows: [AccountDeterminationRule] = AccountDeterminationAccess.sequence.enumerated().map {
        offset, access in
        AccountDeterminationRule(
            chartOfAccounts: "INT", salesOrganisation: "S100", companyCode: access.companyCode ? "1000" : "*",
            accountGroup: access.accountGroup ? "01" : "*", materialGroup: access.materialGroup ? "10" : "*",
            accountKey: .revenue, glAccount: "G\(offset + 1)")
    }

    static let request = AccountDeterminationRequest(
        company: World.company, accountGroup: "01", materialGroup: "10", key: .revenue)

    static func masterData(_ rules: [AccountDeterminationRule]) -> MasterData {
        var data = MasterData()
        for rule in rules { data.add(rule) }
        return data
    }

    @Test("The access sequence is documented most specific first, company code before the chart")
    func sequenceOrder() {
        #expect(
            AccountDeterminationAccess.sequence.map(\.description) == [
                "company code + account group + material group + account key",
                "company code + account group + account key",
                "company code + material group + account key",
                "company code + account key",
                "account group + material group + account key",
                "account group + account key",
                "material group + account key",
                "account key",
            ])
    }

    @Test(
        "The most specific access with a row wins; without it the next access in the sequence",
        arguments: 0..<8)
    func mostSpecificThenFallback(dropped: Int) throws {
        // Rows of the first `dropped` accesses are missing: the next access must answer.
        let data = Self.masterData(Array(Self.rows.dropFirst(dropped)))
        let match = try #require(data.accountDetermination(Self.request))
        #expect(match.glAccount == "G\(dropped + 1)")
        #expect(match.access == AccountDeterminationAccess.sequence[dropped])
    }

    @Test("A row for another company code, account group or material group is never taken")
    func otherKeysDoNotMatch() {
        let others = [
            AccountDeterminationRule(
                chartOfAccounts: "INT", salesOrganisation: "S100", companyCode: "2000", accountGroup: "01",
                materialGroup: "10", accountKey: .revenue, glAccount: "OTHER-CC"),
            AccountDeterminationRule(
                chartOfAccounts: "INT", salesOrganisation: "S100", accountGroup: "02", materialGroup: "*",
                accountKey: .revenue, glAccount: "OTHER-AG"),
            AccountDeterminationRule(
                chartOfAccounts: "INT", salesOrganisation: "S100", accountGroup: "*", materialGroup: "20",
                accountKey: .revenue, glAccount: "OTHER-MG"),
            AccountDeterminationRule(
                chartOfAccounts: "INT", salesOrganisation: "S100", accountGroup: "*", materialGroup: "*",
                accountKey: .deductions, glAccount: "OTHER-KEY"),
        ]
        #expect(Self.masterData(others).accountDetermination(Self.request) == nil)
        let fallback = others + [Self.rows[7]]
        #expect(Self.masterData(fallback).accountDetermination(Self.request)?.glAccount == "G8")
    }

    @Test("A company code's own row beats a chart-wide row that is more specific in the groups")
    func companyCodeBeforeChart() {
        let data = Self.masterData([Self.rows[4], Self.rows[3]])
        #expect(data.accountDetermination(Self.request)?.glAccount == "G4")
    }

    @Test("Re-importing a row with the same key fields replaces it; another company code adds one")
    func replacingRows() {
        var data = Self.masterData([Self.rows[0]])
        var replacement = Self.rows[0]
        replacement.glAccount = "NEW"
        data.add(replacement)
        var other = Self.rows[0]
        other.companyCode = "2000"
        data.add(other)
        #expect(data.accountDetermination.count == 2)
        #expect(data.accountDetermination(Self.request)?.glAccount == "NEW")
    }

    @Test("The run posts revenue, deductions, surcharges and receivable through the access sequence")
    func runUsesCompanyRows() throws {
        var data = World.masterData()
        for (key, gl) in [
            (AccountKey.revenue, "8001"), (.deductions, "8881"), (.surcharges, "8891"), (.receivable, "1401"),
        ] {
            data.add(
                AccountDeterminationRule(
                    chartOfAccounts: "INT", salesOrganisation: "S100", companyCode: "1000", accountGroup: "01",
                    materialGroup: key == .receivable ? "*" : "10", accountKey: key, glAccount: gl))
        }
        let draft = try World.run("NEWPRICE", masterData: data).singleDraft([
            World.document("D1", items: [World.item(1, "HOUR", "2"), World.item(2, "FOOD", "100")])
        ])
        let accounts = draft.posting.lines.map { "\($0.accountKey?.rawValue ?? "tax") \($0.glAccount)" }
        // HOUR (group 10) takes the company's rows; FOOD (group 20) falls back to the chart's 8100.
        #expect(
            accounts == ["REC 1401", "ERL 8001", "ERL 8100", "ERS 8881", "ERF 8891", "tax 3801", "tax 3806"])
        #expect(draft.posting.balance.isZero)
    }

    @Test("No row in any access fails the unit with a message naming the account key and its fields")
    func missingKeyFailsTheUnit() throws {
        var data = MasterData()
        for company in [World.company] { data.add(company) }
        let template = World.masterData()
        for account in template.accounts.values { data.add(account) }
        for material in template.materials.values { data.add(material) }
        for terms in template.paymentTerms.values { data.add(terms) }
        for code in template.taxCodes.values { data.add(code) }
        for conditions in template.priceConditions.values { for condition in conditions { data.add(condition) } }
        for rule in template.accountDetermination where rule.accountKey != .receivable { data.add(rule) }
        for (key, code) in template.taxDetermination {
            data.add(
                TaxDeterminationRule(
                    country: key.country, accountTaxClassification: key.account,
                    materialTaxClassification: key.material,
                    taxCode: code))
        }
        let failure = try World.run("NEWPRICE", masterData: data).singleFailure([
            World.document("D1", items: [World.item(1, "BOOK", "1")])
        ])
        #expect(failure.code == .missingAccountDetermination)
        #expect(
            failure.message
                == "no account determination for account key REC (receivables), company code 1000, chart of accounts INT, "
                + "sales organisation S100, account group 01, material group -: no row in any of the 8 accesses, "
                + "from company code + account group + material group + account key to account key")
    }

    /// The lookup as it was first written: every row of the request's chart, sales organisation
    /// and key, searched once per access of the sequence. The index must answer as it does.
    static func scan(_ rules: [AccountDeterminationRule], _ request: AccountDeterminationRequest)
        -> AccountDeterminationMatch?
    {
        let candidates = rules.filter {
            $0.accountKey == request.key && $0.chartOfAccounts == request.chartOfAccounts
                && $0.salesOrganisation == request.salesOrganisation
        }
        for access in AccountDeterminationAccess.sequence {
            if let rule = candidates.first(where: { request.matches($0, in: access) }) {
                return AccountDeterminationMatch(glAccount: rule.glAccount, access: access)
            }
        }
        return nil
    }

    @Test("The indexed lookup answers every request as a scan of all rows would, replaced rows included")
    func indexAnswersAsTheScan() {
        var random = SplitMix64(seed: 7)
        let keys: [AccountKey] = [.revenue, .deductions, .receivable]
        for _ in 0..<200 {
            var data = MasterData()
            var rules: [AccountDeterminationRule] = []
            for number in 0..<random.int(0...40) {
                // Few values per field, so rows collide, replace each other and fall back often.
                let rule = AccountDeterminationRule(
                    chartOfAccounts: random.pick(["INT", "CADE"]), salesOrganisation: random.pick(["S1", "S2"]),
                    companyCode: random.pick(["*", "1000", "2000"]), accountGroup: random.pick(["*", "01", "02"]),
                    materialGroup: random.pick(["*", "10", ""]), accountKey: random.pick(keys),
                    glAccount: "G\(number)")
                rules.removeAll {
                    $0.chartOfAccounts == rule.chartOfAccounts && $0.salesOrganisation == rule.salesOrganisation
                        && $0.companyCode == rule.companyCode && $0.accountGroup == rule.accountGroup
                        && $0.materialGroup == rule.materialGroup && $0.accountKey == rule.accountKey
                }
                rules.append(rule)
                data.add(rule)
            }
            #expect(data.accountDetermination == rules)
            for _ in 0..<20 {
                // A request may carry `*` itself, which no keyed row matches, or no material group.
                let request = AccountDeterminationRequest(
                    companyCode: random.pick(["*", "1000", "2000"]), chartOfAccounts: random.pick(["INT", "CADE"]),
                    salesOrganisation: random.pick(["S1", "S2", "S3"]), accountGroup: random.pick(["*", "01", "02"]),
                    materialGroup: random.pick(["*", "10", "20", ""]), key: random.pick(keys))
                #expect(data.accountDetermination(request) == Self.scan(rules, request), "\(request)")
            }
        }
    }
}
