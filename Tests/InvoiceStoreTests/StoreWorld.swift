import InvoicingCore

/// A minimal company with one material and price, enough to make real drafts for the store.
enum StoreWorld {
    static let date = CalendarDate(year: 2026, month: 11, day: 30)!

    static var masterData: MasterDataBatch {
        var batch = MasterDataBatch()
        let address = Address(name: "Seller", street: "Street 1", postalCode: "10115", city: "Berlin", country: "DE")
        batch.companyCodes = [
            CompanyCode(
                id: "1000", address: address, currency: .eur, vatID: "DE811907980",
                bankAccount: BankAccount(iban: "DE89370400440532013000", bic: "COBADEFFXXX", bankName: "Bank"),
                chartOfAccounts: "CA", salesOrganisation: "1000")
        ]
        batch.paymentTerms = [PaymentTerms(id: "NT14", description: "14 days net", netDays: 14)]
        batch.accounts = (1...3).map { index in
            ContractAccount(
                id: "A\(index)", companyCode: "1000",
                address: Address(
                    name: "Buyer \(index)", street: "Road \(index)", postalCode: "20095", city: "Hamburg", country: "DE"
                ),
                vatID: nil, language: "en", currency: .eur, paymentTerms: "NT14", invoicingCategory: "C",
                taxClassification: "1", accountAssignmentGroup: "01")
        }
        batch.materials = [
            Material(
                id: "M1", description: "Widget", unit: "C62", materialGroup: "G", taxClassification: "1",
                accountAssignmentGroup: "10")
        ]
        batch.taxCodes = [
            TaxCode(id: "S19", country: "DE", category: .standard, rate: 19, description: "VAT 19", glAccount: "3800")
        ]
        batch.taxDetermination = [
            TaxDeterminationRule(
                country: "DE", accountTaxClassification: "1", materialTaxClassification: "1", taxCode: "S19")
        ]
        batch.accountDetermination = [AccountKey.revenue, .receivable, .deductions, .surcharges].map {
            AccountDeterminationRule(
                chartOfAccounts: "CA", salesOrganisation: "1000", accountGroup: "*", materialGroup: "*", accountKey: $0,
                glAccount: "G-\($0.rawValue)")
        }
        batch.priceConditions = [
            PriceCondition(
                id: "P1", kind: .price, calculation: .amount, material: "M1", account: nil,
                validFrom: CalendarDate(year: 2026, month: 1, day: 1)!,
                validTo: CalendarDate(year: 2026, month: 12, day: 31)!,
                currency: .eur, priceUnit: .one,
                scale: [.init(fromQuantity: .zero, value: FixedDecimal(significand: 1050, scale: 2))])
        ]
        return batch
    }

    static let configuration = InvoicingConfiguration(
        processes: [
            InvoicingProcess(
                id: "P", description: "Process",
                categories: [
                    .init(category: .externalBilling, mainSelection: true),
                    .init(category: .creditMemoRequest, mainSelection: true),
                    .init(category: .debitMemoRequest, mainSelection: true),
                ],
                functions: [.pricing, .tax, .posting], defaultType: "T", groupingVariant: "V")
        ],
        types: [InvoicingType(id: "T", description: "Type", pricingMode: .copyUnchanged)],
        categories: [InvoicingCategory(id: "C", description: "Category", functions: [:])],
        groupingVariants: [GroupingVariant(id: "V", description: "Variant", characteristics: [])])

    static func document(_ id: String, account: String, quantity: Int64 = 2) -> SourceDocument {
        SourceDocument(
            id: id, category: .externalBilling, type: "USAGE", companyCode: "1000", account: account, currency: .eur,
            documentDate: date, billingDate: date,
            items: [SourceItem(number: 10, material: "M1", quantity: FixedDecimal(quantity))])
    }

    /// The drafts the engine makes of every open order in `orders`.
    static func drafts(for orders: [InvoicingOrder]) throws -> [(InvoiceDraft, [Int64])] {
        var data = MasterData()
        data.add(masterData)
        let run = try InvoicingRun(
            configuration: configuration, masterData: data, parameters: RunParameters(process: "P", runDate: date))
        return run.group(run.select(orders)).compactMap { unit in
            guard case .invoiced(let draft) = run.invoice(unit) else { return nil }
            return (draft, unit.orders.map(\.id))
        }
    }
}
