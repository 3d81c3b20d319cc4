import Testing

@testable import InvoicingCore

@Suite struct IntercompanyBillingTests {
    typealias World = TestWorld

    /// Plant P1 belongs to company code 1000, P2 to 2000; 2000 delivers for 1000 at 80 % of the
    /// customer's unit price and invoices it through its internal account IC-1000.
    static func run(percent: String? = "80", agreements: Bool = true) throws -> InvoicingRun {
        var configuration = World.configuration()
        configuration.plants = [
            "P1": Plant(id: "P1", companyCode: "1000"), "P2": Plant(id: "P2", companyCode: "2000"),
        ]
        if agreements {
            configuration.intercompany = [
                IntercompanyAgreement(
                    deliveringCompanyCode: "2000", sellingCompanyCode: "1000", internalAccount: "IC-1000",
                    transferPricePercent: percent.map(World.decimal))
            ]
        }
        var data = World.masterData()
        var icInvoice = World.account("IC-1000", terms: "NT30")
        icInvoice.companyCode = "2000"
        icInvoice.accountAssignmentGroup = "IC"
        data.add(icInvoice)
        // The delivering company code posts internal revenue and receivables to accounts of their own.
        for (key, gl) in [(AccountKey.revenue, "8400"), (.receivable, "1410")] {
            data.add(
                AccountDeterminationRule(
                    chartOfAccounts: "INT", salesOrganisation: "S200", companyCode: "2000", accountGroup: "IC",
                    materialGroup: "*", accountKey: key, glAccount: gl))
        }
        // The selling company code receives: expense, input tax, payable.
        for (key, gl) in [
            (AccountKey.intercompanyExpense, "5400"), (.inputTax, "1576"), (.intercompanyPayable, "1610"),
        ] {
            data.add(
                AccountDeterminationRule(
                    chartOfAccounts: "INT", salesOrganisation: "S100", companyCode: "1000", accountGroup: "*",
                    materialGroup: "*", accountKey: key, glAccount: gl))
        }
        data.add(World.condition("P-BOOK-IC", material: "BOOK", account: "IC-1000", value: "9.75"))
        return try InvoicingRun(
            configuration: configuration, masterData: data,
            parameters: RunParameters(process: "BILL", runDate: World.runDate))
    }

    static func item(_ number: Int, _ material: String, _ quantity: String, plant: String?) -> SourceItem {
        var item = World.item(number, material, quantity)
        item.plant = plant
        return item
    }

    static let document = World.document(
        "D1",
        items: [
            item(1, "BOOK", "10", plant: "P2"), item(2, "FOOD", "100", plant: "P1"), item(3, "HOUR", "1", plant: nil),
        ])

    static func lines(_ posting: FIDocument) -> [String] {
        posting.lines.map {
            "\($0.side.rawValue) \($0.accountKey?.rawValue ?? "tax") \($0.glAccount) \($0.amount.decimal)"
        }
    }

    @Test("A line delivered from another company code's plant makes an internal invoice at the transfer price")
    func internalInvoiceAtTransferPrice() throws {
        let draft = try Self.run().singleDraft([Self.document])
        // The customer invoice is unchanged: BOOK 130.00, FOOD 45.00, HOUR 74.50.
        #expect(draft.invoice.seller.id == "1000")
        #expect(draft.invoice.netTotal == World.money("249.50"))
        #expect(draft.invoice.lines.map(\.plant) == ["P2", "P1", nil])
        try #require(draft.intercompany.count == 1)
        let icInvoice = draft.intercompany[0]
        #expect(icInvoice.invoice.kind == .intercompany)
        #expect(icInvoice.invoice.seller.id == "2000")
        #expect(icInvoice.invoice.buyer.id == "IC-1000")
        // Only the line of plant P2: 10 × (13.00 × 80 % = 10.40) = 104.00; 19 % = 19.76.
        #expect(icInvoice.invoice.lines.map(\.material) == ["BOOK"])
        #expect(icInvoice.invoice.lines.map(\.unitPrice) == [World.decimal("10.40")])
        #expect(icInvoice.invoice.netTotal == World.money("104.00"))
        #expect(icInvoice.invoice.taxTotal == World.money("19.76"))
        #expect(icInvoice.invoice.grossTotal == World.money("123.76"))
        #expect(icInvoice.invoice.dueDate == World.date("2026-04-30"))
    }

    @Test(
        "The internal invoice posts IC revenue at the delivering and IC expense and payable at the selling company code, both balanced"
    )
    func balancedPostingsInBothCompanyCodes() throws {
        let icInvoice = try #require(try Self.run().singleDraft([Self.document]).intercompany.first)
        #expect(icInvoice.posting.companyCode == "2000")
        #expect(Self.lines(icInvoice.posting) == ["D REC 1410 123.76", "C ERL 8400 104.00", "C tax 3806 19.76"])
        #expect(icInvoice.posting.balance.isZero)
        let receiver = try #require(icInvoice.receiverPosting)
        #expect(receiver.companyCode == "1000")
        #expect(Self.lines(receiver) == ["D ICE 5400 104.00", "D VST 1576 19.76", "C ICP 1610 123.76"])
        #expect(receiver.balance.isZero)
    }

    @Test("Without a percentage the transfer price comes from the internal account's price condition")
    func transferPriceCondition() throws {
        let icInvoice = try #require(try Self.run(percent: nil).singleDraft([Self.document]).intercompany.first)
        #expect(icInvoice.invoice.lines.map(\.unitPrice) == [World.decimal("9.75")])
        #expect(icInvoice.invoice.netTotal == World.money("97.50"))
        #expect(icInvoice.posting.balance.isZero)
        #expect(try #require(icInvoice.receiverPosting).balance.isZero)
    }

    @Test("Lines of the seller's own plants, or without a plant, make no internal invoice")
    func ownPlantsMakeNone() throws {
        let draft = try Self.run().singleDraft([
            World.document(
                "D2", items: [Self.item(1, "BOOK", "1", plant: "P1"), Self.item(2, "BOOK", "1", plant: nil)])
        ])
        #expect(draft.intercompany.isEmpty)
    }

    @Test("A delivering company code without an agreement, or an unknown plant, fails the unit")
    func missingAgreementFails() throws {
        let failure = try Self.run(agreements: false).singleFailure([Self.document])
        #expect(failure.code == .missingIntercompanyAgreement)
        #expect(
            failure.description
                == "document D1 item 1: plant P2 of company code 2000 delivers for company code 1000, and no intercompany agreement names the two"
        )
        let unknown = try Self.run().singleFailure([
            World.document("D3", items: [Self.item(1, "BOOK", "1", plant: "P9")])
        ])
        #expect(unknown.code == .unknownPlant)
        #expect(unknown.description == "document D3 item 1: unknown plant P9")
    }
}
