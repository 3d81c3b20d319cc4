@testable import InvoicingCore

/// Random but complete master data and source documents, built from a seed: every material has a
/// price in every currency in use from 2000 on, every tax class a tax code and every key a G/L
/// account, so every unit must be invoiced and any failure is a finding.
struct RandomWorld {
    var masterData = MasterData()
    var configuration: InvoicingConfiguration
    var orders: [InvoicingOrder] = []
    /// Process `COPY` copies document prices, `NEW` prices anew; both share the grouping variant.
    static let processes = ["COPY", "NEW"]
    static let runDate = TestWorld.date("2026-03-31")

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let start = TestWorld.date("2000-01-01")
        let end = TestWorld.date("9999-12-31")
        let priceChange = TestWorld.date("2026-02-01")

        // Company codes: the first in a random currency, the second always in yen.
        // swift-format-ignore: NeverForceUnwrap
        let pool: [Currency] = [.eur, .usd, .chf, .gbp, Currency(code: "BHD")!]
        var companies: [CompanyCode] = []
        for index in 1...random.int(1...3) {
            let currency = index == 2 ? Currency.jpy : random.pick(pool)
            let company = CompanyCode(
                id: "C\(index)", address: TestWorld.address("Company \(index)"), currency: currency,
                vatID: "XX\(index)", bankAccount: BankAccount(iban: "XX00", bic: "XXXX", bankName: "Bank"),
                chartOfAccounts: "CHART", salesOrganisation: "S\(index)")
            companies.append(company)
            masterData.add(company)
            for (key, gl) in [
                (AccountKey.revenue, "8000"), (.deductions, "8880"), (.surcharges, "8890"), (.receivable, "1400"),
            ] {
                masterData.add(
                    AccountDeterminationRule(
                        chartOfAccounts: "CHART", salesOrganisation: "S\(index)", accountGroup: "*", materialGroup: "*",
                        accountKey: key, glAccount: gl))
            }
        }
        let currencies = Array(Set(companies.map(\.currency))).sorted()

        for (id, days) in [("P0", 0), ("P14", 14), ("P30", 30)] {
            masterData.add(PaymentTerms(id: id, description: id, netDays: days))
        }

        // Tax codes and one tax class per code.
        let rates = ["0", "5", "7", "7.7", "19", "20", "21", "25"]
        let taxCodeCount = random.int(1...4)
        for index in 0..<taxCodeCount {
            let rate = TestWorld.decimal(random.pick(rates))
            masterData.add(
                TaxCode(
                    id: "T\(index)", country: "DE", category: rate.isZero ? .zeroRated : .standard, rate: rate,
                    description: "Tax \(index)", glAccount: "38\(index)0"))
            masterData.add(
                TaxDeterminationRule(
                    country: "DE", accountTaxClassification: "A", materialTaxClassification: "M\(index)",
                    taxCode: "T\(index)"))
        }

        // Contract accounts.
        var accounts: [ContractAccount] = []
        for index in 1...random.int(1...30) {
            let company = random.pick(companies)
            let account = ContractAccount(
                id: "K\(index < 10 ? "0" : "")\(index)", companyCode: company.id,
                address: TestWorld.address("K\(index)"),
                vatID: nil, language: "en", currency: company.currency,
                paymentTerms: random.pick(["P0", "P14", "P30"]),
                invoicingCategory: random.pick(["OPEN", "HELD"]), taxClassification: "A", accountAssignmentGroup: "G")
            accounts.append(account)
            masterData.add(account)
        }

        // Materials with prices in every currency, some with scales, validity periods,
        // account-specific prices, discounts and surcharges.
        func randomDecimal(integerDigits: Int, maxScale: Int) -> FixedDecimal {
            let (significand, scale) = random.decimal(integerDigits: integerDigits, maxScale: maxScale)
            return FixedDecimal(significand: significand, scale: scale)
        }
        var materials: [String] = []
        for index in 1...random.int(1...40) {
            let id = "M\(index)"
            materials.append(id)
            masterData.add(
                Material(
                    id: id, description: "Material \(index)", unit: "C62", materialGroup: "MG",
                    taxClassification: "M\(random.int(0...(taxCodeCount - 1)))", accountAssignmentGroup: "*"))
            for currency in currencies {
                func price(_ suffix: String, account: String?, from: CalendarDate, to: CalendarDate) -> PriceCondition {
                    var levels = [
                        PriceCondition.ScaleLevel(
                            fromQuantity: .zero, value: randomDecimal(integerDigits: 3, maxScale: 6))
                    ]
                    if random.chance(30) {
                        levels.append(
                            PriceCondition.ScaleLevel(
                                fromQuantity: FixedDecimal(Int64(random.int(2...50))),
                                value: randomDecimal(integerDigits: 3, maxScale: 6)))
                    }
                    return PriceCondition(
                        id: "P-\(id)-\(currency)\(suffix)", kind: .price, calculation: .amount, material: id,
                        account: account, validFrom: from, validTo: to, currency: currency,
                        priceUnit: FixedDecimal(Int64(random.pick([1, 1, 10, 100]))), scale: levels)
                }
                if random.chance(30) {
                    masterData.add(price("-OLD", account: nil, from: start, to: priceChange.adding(days: -1)!))
                    masterData.add(price("-NEW", account: nil, from: priceChange, to: end))
                } else {
                    masterData.add(price("", account: nil, from: start, to: end))
                }
                if random.chance(20) {
                    masterData.add(price("-K", account: random.pick(accounts).id, from: start, to: end))
                }
                if random.chance(20) {
                    masterData.add(
                        PriceCondition(
                            id: "F-\(id)-\(currency)", kind: .surcharge, calculation: .amount, material: id,
                            account: nil,
                            validFrom: start, validTo: end, currency: currency, priceUnit: .one,
                            scale: [.init(fromQuantity: .zero, value: randomDecimal(integerDigits: 1, maxScale: 3))]))
                }
            }
            if random.chance(30) {
                masterData.add(
                    PriceCondition(
                        id: "D-\(id)", kind: .discount, calculation: .percent, material: id, account: nil,
                        validFrom: start, validTo: end, currency: nil, priceUnit: .one,
                        scale: [.init(fromQuantity: .zero, value: randomDecimal(integerDigits: 1, maxScale: 2))]))
            }
        }

        // Configuration: one grouping variant shared by both processes.
        let characteristics = GroupingCharacteristic.allCases.filter { _ in random.chance(15) }
        configuration = InvoicingConfiguration(
            processes: zip(Self.processes, ["COPYTYPE", "NEWTYPE"]).map { process, type in
                InvoicingProcess(
                    id: process, description: process,
                    categories: [
                        .init(category: .externalBilling, mainSelection: true),
                        .init(category: .sdBilling, mainSelection: true),
                        .init(category: .postingItem, mainSelection: false),
                    ],
                    functions: [.postingBlock], defaultType: type, groupingVariant: "VARIANT")
            },
            types: [
                InvoicingType(id: "COPYTYPE", description: "Copy", pricingMode: .copyUnchanged),
                InvoicingType(id: "NEWTYPE", description: "New", pricingMode: .newPricing),
            ],
            categories: [
                InvoicingCategory(id: "OPEN", description: "Open", functions: [:]),
                InvoicingCategory(id: "HELD", description: "Held", functions: [.postingBlock: .active]),
            ],
            groupingVariants: [GroupingVariant(id: "VARIANT", description: "Random", characteristics: characteristics)])

        // Source documents.
        var documentNumber = 0
        for account in accounts {
            // swift-format-ignore: NeverForceUnwrap
            let company = companies.first { $0.id == account.companyCode }!
            for _ in 0..<random.int(1...4) {
                documentNumber += 1
                var items: [SourceItem] = []
                for itemNumber in 1...random.int(1...10) {
                    let (significand, scale) = random.decimal(integerDigits: 3, maxScale: 3)
                    let quantity = FixedDecimal(
                        significand: random.chance(5) ? -significand : significand, scale: scale)
                    let documentPrice = random.chance(40)
                    items.append(
                        SourceItem(
                            number: itemNumber * 10, material: random.pick(materials), quantity: quantity,
                            unitPrice: documentPrice ? randomDecimal(integerDigits: 3, maxScale: 6) : nil,
                            priceUnit: documentPrice && random.chance(30) ? FixedDecimal(100) : nil,
                            taxCode: random.chance(10) ? "T\(random.int(0...(taxCodeCount - 1)))" : nil))
                }
                let billingDate = TestWorld.date("2026-01-01").adding(days: random.int(0...105))!
                let document = SourceDocument(
                    id: "S\(String(1_000_000 + documentNumber).dropFirst())",
                    category: random.pick([.externalBilling, .externalBilling, .sdBilling, .postingItem]),
                    type: random.pick(["SALE", "USAGE"]), companyCode: company.id, account: account.id,
                    currency: company.currency, documentDate: billingDate, billingDate: billingDate,
                    referenceOrder: "O\(random.int(1...3))", referenceDelivery: "L\(random.int(1...3))",
                    paymentTerms: random.chance(10) ? random.pick(["P0", "P14", "P30"]) : nil,
                    billingBlock: random.chance(5), items: items)
                orders.append(InvoicingOrder(id: Int64(documentNumber), document: document))
            }
        }
    }

    func run(_ process: String) throws -> InvoicingRun {
        try InvoicingRun(
            configuration: configuration, masterData: masterData,
            parameters: RunParameters(process: process, runDate: Self.runDate))
    }
}
