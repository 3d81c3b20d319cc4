import Testing

@testable import InvoicingCore

/// A small, hand-made company for the engine tests: one German company code (plus a second one
/// for split tests), three contract accounts, a handful of materials with prices, three tax codes,
/// account determination and an invoicing configuration with four processes.
///
/// Everything is chosen so that the expected amounts can be worked out by hand in each test.
enum TestWorld {
    // MARK: - Literals

    /// A decimal from plain text; test data is always well formed.
    static func decimal(_ text: String) -> FixedDecimal {
        // swift-format-ignore: NeverForceUnwrap
        try! FixedDecimal.parse(text)
    }

    /// An amount from plain text in `currency`.
    static func money(_ text: String, _ currency: Currency = .eur) -> Money {
        // swift-format-ignore: NeverForceUnwrap
        try! Money.parse(text, currency: currency)
    }

    /// A date from ISO text.
    static func date(_ iso: String) -> CalendarDate {
        // swift-format-ignore: NeverForceUnwrap
        CalendarDate(iso: iso)!
    }

    static let runDate = date("2026-03-31")

    // MARK: - Master data

    static func address(_ name: String) -> Address {
        Address(name: name, street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE")
    }

    static let company = CompanyCode(
        id: "1000", address: address("Muster GmbH"), currency: .eur, vatID: "DE123456789",
        bankAccount: BankAccount(iban: "DE02120300000000202051", bic: "BYLADEM1001", bankName: "DKB"),
        chartOfAccounts: "INT", salesOrganisation: "S100")

    /// A second company code in the same chart, for company-code splits.
    static let otherCompany = CompanyCode(
        id: "2000", address: address("Muster Services GmbH"), currency: .eur, vatID: "DE987654321",
        bankAccount: BankAccount(iban: "DE02100500000054540402", bic: "BELADEBE", bankName: "LBB"),
        chartOfAccounts: "INT", salesOrganisation: "S200")

    static func account(_ id: String, category: String = "STD", terms: String = "NT14") -> ContractAccount {
        ContractAccount(
            id: id, companyCode: "1000", address: address("Customer \(id)"), vatID: nil, language: "de",
            currency: .eur, paymentTerms: terms, invoicingCategory: category, taxClassification: "1",
            accountAssignmentGroup: "01")
    }

    static func material(_ id: String, unit: String = "C62", taxClass: String = "1", group: String = "10") -> Material {
        Material(
            id: id, description: "Material \(id)", unit: unit, materialGroup: "MG", taxClassification: taxClass,
            accountAssignmentGroup: group)
    }

    /// A condition with one scale level from zero, or the given levels.
    static func condition(
        _ id: String, _ kind: PriceCondition.Kind = .price, _ calculation: PriceCondition.Calculation = .amount,
        material: String?, account: String? = nil, value: String, currency: Currency? = .eur, priceUnit: String = "1",
        from: String = "2025-01-01", to: String = "9999-12-31", scale: [(String, String)] = []
    ) -> PriceCondition {
        let levels = scale.isEmpty ? [("0", value)] : scale
        return PriceCondition(
            id: id, kind: kind, calculation: calculation, material: material, account: account,
            validFrom: date(from), validTo: date(to), currency: calculation == .percent ? nil : currency,
            priceUnit: decimal(priceUnit),
            scale: levels.map { PriceCondition.ScaleLevel(fromQuantity: decimal($0.0), value: decimal($0.1)) })
    }

    /// The master data every engine test starts from.
    ///
    /// Prices: BOOK 12.50 until 2025-12-31 and 13.00 from 2026 (11.00 for account A2); FOOD per 100
    /// pieces with a scale 45.00 / 40.00 from 1000 / 35.00 from 5000; HOUR 80.00 with a 10 % discount,
    /// a 2.50 surcharge per hour and a USD surcharge that never applies in EUR; EXEMPT 100.00.
    /// Tax: class 1 → S19 (19 %), class 2 → R7 (7 %), class 0 → E0 (exempt, 0 %); class 9 has no rule.
    /// G/L: revenue 8000 (material group 10) / 8100 (group 20), deductions 8880, surcharges 8890,
    /// receivable 1400; material group 99 has no revenue account.
    static func masterData() -> MasterData {
        var data = MasterData()
        data.add(company)
        data.add(otherCompany)
        data.add(PaymentTerms(id: "NT14", description: "14 days net", netDays: 14))
        data.add(PaymentTerms(id: "NT30", description: "30 days net", netDays: 30))
        for id in ["A1", "A2"] { data.add(account(id)) }
        data.add(account("A3", category: "HELD", terms: "NT30"))
        data.add(material("BOOK"))
        data.add(material("FOOD", taxClass: "2", group: "20"))
        data.add(material("HOUR", unit: "HUR"))
        data.add(material("EXEMPT", taxClass: "0"))
        data.add(material("NOPRICE"))
        data.add(material("NOTAX", taxClass: "9"))
        data.add(material("NOACCT", group: "99"))
        data.add(material("CENT"))

        data.add(
            TaxCode(
                id: "S19", country: "DE", category: .standard, rate: decimal("19"), description: "Standard",
                glAccount: "3806"))
        data.add(
            TaxCode(
                id: "R7", country: "DE", category: .standard, rate: decimal("7"), description: "Reduced",
                glAccount: "3801"))
        data.add(
            TaxCode(
                id: "E0", country: "DE", category: .exempt, rate: .zero, description: "Exempt", glAccount: "3809",
                exemptionReason: "Tax exempt under § 4 UStG"))
        for (materialClass, code) in [("1", "S19"), ("2", "R7"), ("0", "E0")] {
            data.add(
                TaxDeterminationRule(
                    country: "DE", accountTaxClassification: "1", materialTaxClassification: materialClass,
                    taxCode: code))
        }

        for salesOrganisation in ["S100", "S200"] {
            func rule(_ materialGroup: String, _ key: AccountKey, _ gl: String) -> AccountDeterminationRule {
                AccountDeterminationRule(
                    chartOfAccounts: "INT", salesOrganisation: salesOrganisation, accountGroup: "*",
                    materialGroup: materialGroup, accountKey: key, glAccount: gl)
            }
            data.add(rule("10", .revenue, "8000"))
            data.add(rule("20", .revenue, "8100"))
            data.add(rule("*", .deductions, "8880"))
            data.add(rule("*", .surcharges, "8890"))
            data.add(rule("*", .receivable, "1400"))
        }

        data.add(condition("P-BOOK-25", material: "BOOK", value: "12.50", to: "2025-12-31"))
        data.add(condition("P-BOOK-26", material: "BOOK", value: "13.00", from: "2026-01-01"))
        data.add(condition("P-BOOK-A2", material: "BOOK", account: "A2", value: "11.00"))
        data.add(
            condition(
                "P-FOOD", material: "FOOD", value: "45.00", priceUnit: "100",
                scale: [("0", "45.00"), ("1000", "40.00"), ("5000", "35.00")]))
        data.add(condition("P-HOUR", material: "HOUR", value: "80.00"))
        data.add(condition("D-HOUR", .discount, .percent, material: "HOUR", value: "10"))
        data.add(condition("F-HOUR", .surcharge, .amount, material: "HOUR", value: "2.50"))
        data.add(condition("F-HOUR-USD", .surcharge, .amount, material: "HOUR", value: "1.00", currency: .usd))
        data.add(condition("P-EXEMPT", material: "EXEMPT", value: "100.00"))
        data.add(condition("P-NOTAX", material: "NOTAX", value: "1.00"))
        data.add(condition("P-NOACCT", material: "NOACCT", value: "1.00"))
        data.add(condition("P-CENT", material: "CENT", value: "0.03"))
        return data
    }

    // MARK: - Configuration

    /// Processes: `BILL` (standard grouping, copy prices), `DELIVERY` (one unit per delivery),
    /// `NEWPRICE` (new pricing) and `MIN` (minimum amount of 10.00 EUR).
    static func configuration(rounding: RoundingRule = .halfUp) -> InvoicingConfiguration {
        let categories = [
            InvoicingProcess.Category(category: .externalBilling, mainSelection: true),
            InvoicingProcess.Category(category: .sdBilling, mainSelection: true),
            InvoicingProcess.Category(category: .adHoc, mainSelection: true),
            InvoicingProcess.Category(category: .postingItem, mainSelection: false),
        ]
        let functions: [InvoicingFunction] = [.postingBlock, .minimumAmount, .print, .xmlOutput, .csvOutput]
        let adHocRule = TypeRule(category: .adHoc, documentType: nil, invoicingType: "ADH")
        func process(_ id: String, type: String, variant: String) -> InvoicingProcess {
            InvoicingProcess(
                id: id, description: "Process \(id)", categories: categories, functions: functions,
                defaultType: type, typeRules: [adHocRule], groupingVariant: variant)
        }
        return InvoicingConfiguration(
            processes: [
                process("BILL", type: "STD", variant: "STANDARD"),
                process("DELIVERY", type: "STD", variant: "PER_DELIVERY"),
                process("NEWPRICE", type: "NEW", variant: "STANDARD"),
                process("MIN", type: "MIN", variant: "STANDARD"),
            ],
            types: [
                InvoicingType(id: "STD", description: "Standard", pricingMode: .copyUnchanged),
                InvoicingType(id: "NEW", description: "New pricing", pricingMode: .newPricing),
                InvoicingType(
                    id: "ADH", description: "Ad hoc", pricingMode: .newPricing,
                    functions: [.print: .inactiveSwitchable, .csvOutput: .active]),
                InvoicingType(
                    id: "MIN", description: "With minimum", pricingMode: .newPricing,
                    functions: [.minimumAmount: .active], minimumAmounts: [.eur: money("10.00")]),
            ],
            categories: [
                InvoicingCategory(
                    id: "STD", description: "Standard",
                    functions: [.print: .active, .xmlOutput: .activeSwitchable, .csvOutput: .inactiveSwitchable]),
                InvoicingCategory(id: "HELD", description: "Posting blocked", functions: [.postingBlock: .active]),
            ],
            groupingVariants: [
                GroupingVariant(id: "STANDARD", description: "Per account", characteristics: []),
                GroupingVariant(id: "PER_DELIVERY", description: "Per delivery", characteristics: [.referenceDelivery]),
            ],
            rounding: rounding)
    }

    static func run(
        _ process: String = "BILL", runDate: CalendarDate = runDate, accounts: Set<String>? = nil,
        enabled: Set<InvoicingFunction> = [], disabled: Set<InvoicingFunction> = [],
        masterData: MasterData = masterData(), rounding: RoundingRule = .halfUp
    ) throws -> InvoicingRun {
        try InvoicingRun(
            configuration: configuration(rounding: rounding), masterData: masterData,
            parameters: RunParameters(
                process: process, runDate: runDate, accounts: accounts, enabledFunctions: enabled,
                disabledFunctions: disabled))
    }

    // MARK: - Source documents

    static func item(
        _ number: Int, _ material: String, _ quantity: String, price: String? = nil, priceUnit: String? = nil,
        unit: String? = nil, taxCode: String? = nil
    ) -> SourceItem {
        SourceItem(
            number: number, material: material, quantity: decimal(quantity), unit: unit, unitPrice: price.map(decimal),
            priceUnit: priceUnit.map(decimal), taxCode: taxCode)
    }

    static func document(
        _ id: String, account: String = "A1", category: SourceCategory = .externalBilling, type: String = "SALE",
        companyCode: String = "1000", currency: Currency = .eur, billingDate: String = "2026-03-15",
        delivery: String? = nil, paymentTerms: String? = nil, invoicingType: String? = nil, blocked: Bool = false,
        items: [SourceItem]
    ) -> SourceDocument {
        SourceDocument(
            id: id, category: category, type: type, companyCode: companyCode, account: account, currency: currency,
            documentDate: date(billingDate), billingDate: date(billingDate), referenceDelivery: delivery,
            paymentTerms: paymentTerms, invoicingType: invoicingType, billingBlock: blocked, items: items)
    }

    /// Orders numbered 1, 2, 3… in the order given.
    static func orders(_ documents: [SourceDocument]) -> [InvoicingOrder] {
        documents.enumerated().map { InvoicingOrder(id: Int64($0.offset + 1), document: $0.element) }
    }
}

extension InvoicingRun {
    /// Select, group and invoice, as the CLI does.
    func outcomes(_ documents: [SourceDocument]) -> [UnitOutcome] {
        group(select(TestWorld.orders(documents))).map(invoice)
    }

    /// The draft of a run over `documents` that must give exactly one invoiced unit.
    func singleDraft(_ documents: [SourceDocument], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> InvoiceDraft
    {
        let outcomes = outcomes(documents)
        try #require(outcomes.count == 1, sourceLocation: sourceLocation)
        guard case .invoiced(let draft) = outcomes[0] else {
            Issue.record("expected an invoice, got \(outcomes[0])", sourceLocation: sourceLocation)
            throw DraftMissing()
        }
        return draft
    }

    /// The failure of a run over `documents` that must give exactly one failed unit.
    func singleFailure(_ documents: [SourceDocument], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> UnitFailure
    {
        let outcomes = outcomes(documents)
        try #require(outcomes.count == 1, sourceLocation: sourceLocation)
        guard case .failed(let failure) = outcomes[0] else {
            Issue.record("expected a failure, got \(outcomes[0])", sourceLocation: sourceLocation)
            throw DraftMissing()
        }
        return failure
    }
}

/// Thrown after recording an issue when an outcome is not the kind a test needs.
struct DraftMissing: Error {}
