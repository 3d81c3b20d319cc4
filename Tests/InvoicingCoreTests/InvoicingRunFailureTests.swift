import Testing

@testable import InvoicingCore

@Suite struct InvoicingRunFailureTests {
    typealias World = TestWorld

    struct FailureCase: Sendable, CustomTestStringConvertible {
        var name: String
        var process = "NEWPRICE"
        var document: SourceDocument
        var code: UnitFailure.Code
        var item: Int?
        var message: String

        var testDescription: String { name }
    }

    /// A document whose item 1 is fine and whose item 2 is `bad`.
    static func failing(_ bad: SourceItem) -> SourceDocument {
        World.document("D-FAIL", items: [World.item(1, "BOOK", "1"), bad])
    }

    static let cases: [FailureCase] = [
        FailureCase(
            name: "missing price", document: failing(World.item(2, "NOPRICE", "1")), code: .missingPrice, item: 2,
            message: "no price for material NOPRICE and account A1 on 2026-03-15"),
        FailureCase(
            name: "no price valid on the billing date",
            document: World.document("D-FAIL", billingDate: "2024-12-31", items: [World.item(2, "BOOK", "1")]),
            code: .missingPrice, item: 2, message: "no price for material BOOK and account A1 on 2024-12-31"),
        FailureCase(
            name: "missing price even in copy mode when the item has none", process: "BILL",
            document: failing(World.item(2, "NOPRICE", "1")), code: .missingPrice, item: 2,
            message: "no price for material NOPRICE and account A1 on 2026-03-15"),
        FailureCase(
            name: "unknown material", document: failing(World.item(2, "GHOST", "1")), code: .unknownMaterial, item: 2,
            message: "unknown material GHOST"),
        FailureCase(
            name: "unit mismatch", document: failing(World.item(2, "BOOK", "1", unit: "KGM")), code: .unitMismatch,
            item: 2, message: "unit KGM differs from the base unit C62 of material BOOK"),
        FailureCase(
            name: "unknown tax code", document: failing(World.item(2, "BOOK", "1", taxCode: "ZZ")),
            code: .unknownTaxCode, item: 2, message: "unknown tax code ZZ"),
        FailureCase(
            name: "missing tax determination", document: failing(World.item(2, "NOTAX", "1")),
            code: .missingTaxDetermination, item: 2,
            message: "no tax determination for country DE, account class 1, material class 9"),
        FailureCase(
            name: "missing account determination", document: failing(World.item(2, "NOACCT", "1")),
            code: .missingAccountDetermination, item: 2,
            message:
                "no account determination for account key ERL (revenue), company code 1000, chart of accounts INT, "
                + "sales organisation S100, account group 01, material group 99: no row in any of the 8 accesses, "
                + "from company code + account group + material group + account key to account key"),
        FailureCase(
            name: "no price in the document's currency",
            document: World.document("D-FAIL", currency: .usd, items: [World.item(2, "BOOK", "1")]),
            code: .currencyMismatch, item: 2, message: "material BOOK has no price in USD on 2026-03-15"),
        FailureCase(
            name: "line amount overflow", process: "BILL",
            document: failing(World.item(2, "BOOK", "10000000", price: "1000000000000")), code: .arithmeticOverflow,
            item: 2, message: "arithmetic overflow in 10000000 × 1000000000000"),
        FailureCase(
            name: "unknown payment terms",
            document: World.document("D-FAIL", paymentTerms: "NT99", items: [World.item(1, "BOOK", "1")]),
            code: .unknownPaymentTerms, item: nil, message: "unknown payment terms NT99"),
        FailureCase(
            name: "unknown account",
            document: World.document("D-FAIL", account: "A9", items: [World.item(1, "BOOK", "1")]),
            code: .unknownAccount, item: nil, message: "unknown contract account A9"),
        FailureCase(
            name: "unknown company code",
            document: World.document("D-FAIL", companyCode: "3000", items: [World.item(1, "BOOK", "1")]),
            code: .unknownCompanyCode, item: nil, message: "unknown company code 3000"),
        FailureCase(
            name: "unknown invoicing type",
            document: World.document("D-FAIL", invoicingType: "XX", items: [World.item(1, "BOOK", "1")]),
            code: .unknownInvoicingType, item: nil, message: "unknown invoicing type XX"),
    ]

    @Test(
        "A unit that cannot be invoiced fails with a code and a message naming the document and item", arguments: cases)
    func unitFails(_ row: FailureCase) throws {
        let failure = try World.run(row.process).singleFailure([row.document])
        #expect(failure.code == row.code)
        #expect(failure.message == row.message)
        #expect(failure.document == "D-FAIL")
        #expect(failure.item == row.item)
        let prefix = row.item.map { "document D-FAIL item \($0): " } ?? "document D-FAIL: "
        #expect(failure.description == prefix + row.message)
    }

    @Test("A failed unit leaves the other units of the run alone")
    func failureIsPerUnit() throws {
        let documents = [
            World.document("D1", items: [World.item(1, "NOPRICE", "1")]),
            World.document("D2", account: "A2", items: [World.item(1, "BOOK", "1")]),
        ]
        let outcomes = try World.run("NEWPRICE").outcomes(documents)
        try #require(outcomes.count == 2)
        guard case .failed(let failure) = outcomes[0], case .invoiced(let draft) = outcomes[1] else {
            Issue.record("expected a failure and an invoice, got \(outcomes)")
            return
        }
        #expect(failure.code == .missingPrice)
        #expect(draft.invoice.buyer.id == "A2")
        #expect(draft.invoice.grossTotal == World.money("13.09"))  // 11.00 + 2.09
    }

    @Test(
        "A unit below the minimum amount is postponed; one at or above it is invoiced",
        arguments: [
            // CENT at 0.03: 279 → 8.37 + 1.59 (1.5903) = 9.96; 280 → 8.40 + 1.60 (1.596) = 10.00.
            ("279", "total 9.96 EUR is below the minimum amount 10.00 EUR"),
            ("280", nil),
            ("0.5", "total 0.02 EUR is below the minimum amount 10.00 EUR"),
        ] as [(String, String?)])
    func minimumAmountPostpones(quantity: String, reason: String?) throws {
        let document = World.document("D1", items: [World.item(1, "CENT", quantity)])
        // Status 1 for the MIN type: switching it off for the run changes nothing.
        for run in [try World.run("MIN"), try World.run("MIN", disabled: [.minimumAmount])] {
            let outcomes = run.outcomes([document])
            try #require(outcomes.count == 1)
            if let reason {
                #expect(outcomes[0] == .postponed(reason: reason))
            } else {
                guard case .invoiced(let draft) = outcomes[0] else {
                    Issue.record("expected an invoice, got \(outcomes[0])")
                    return
                }
                #expect(draft.invoice.grossTotal == World.money("10.00"))
            }
        }
    }

    @Test("Without the minimum-amount function a small unit is invoiced")
    func noMinimumWithoutTheFunction() throws {
        // Type NEW has no minimum and the category leaves MINIMUM_AMOUNT at status 3.
        let draft = try World.run("NEWPRICE", enabled: [.minimumAmount]).singleDraft([
            World.document("D1", items: [World.item(1, "CENT", "1")])
        ])
        #expect(draft.invoice.grossTotal == World.money("0.04"))  // 0.03 + 0.0057 → 0.01
    }
}
