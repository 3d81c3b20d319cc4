import Testing

@testable import InvoicingCore

/// VAT categories B (split payment), L (IGIC) and M (IPSI), and VAT amounts stated by a read invoice.
@Suite struct VATCategoryRuleTests {
    typealias World = TestWorld

    static func money(_ text: String) -> Money { World.money(text) }

    /// One line of `net` in `category` at `rate`, its breakdown with `tax` and totals that add up.
    static func single(
        _ category: TaxCategory, rate: FixedDecimal, net: String, tax: String, reason: String? = nil
    ) -> EN16931Amounts {
        let gross = Money(minorUnits: money(net).minorUnits + money(tax).minorUnits, currency: .eur)
        return EN16931Amounts(
            currency: .eur,
            lines: [
                EN16931Amounts.Line(
                    id: "1", baseAmount: money(net), allowances: [], charges: [], netAmount: money(net),
                    category: category, rate: rate)
            ],
            allowanceCharges: [],
            vatBreakdown: [
                VATBreakdown(
                    category: category, rate: rate, taxableAmount: money(net), taxAmount: money(tax),
                    exemptionReason: reason)
            ],
            totals: EN16931Amounts.Totals(
                lineNetTotal: money(net), allowanceTotal: money("0.00"), chargeTotal: money("0.00"),
                taxExclusive: money(net), taxTotal: money(tax), taxInclusive: gross, prepaid: money("0.00"),
                rounding: money("0.00"), payable: gross))
    }

    @Test(
        "B, L and M are taxed like S at their rate; L and M may be 0 %, never below, and carry no exemption reason",
        arguments: [
            (TaxCategory.splitPayment, FixedDecimal(22), "1246.00", "274.12", nil, [String]()),
            (.canaryIslands, 7, "100.00", "7.00", nil, []),
            (.canaryIslands, .zero, "100.00", "0.00", nil, []),
            (.ceutaMelilla, 4, "80.00", "3.20", nil, []),
            (.canaryIslands, 7, "100.00", "7.00", "exento", ["BR-AF-10"]),
            (.ceutaMelilla, 4, "80.00", "3.20", "exento", ["BR-AG-10"]),
            (.canaryIslands, -1, "100.00", "-1.00", nil, ["BR-AF-05"]),
            (.splitPayment, 22, "1246.00", "274.13", nil, ["BR-CO-17"]),
            (.splitPayment, 22, "1246.00", "274.12", "scissione dei pagamenti", []),
        ] as [(TaxCategory, FixedDecimal, String, String, String?, [String])])
    func newCategoriesFollowTheirRules(
        category: TaxCategory, rate: FixedDecimal, net: String, tax: String, reason: String?, rules: [String]
    ) {
        let amounts = Self.single(category, rate: rate, net: net, tax: tax, reason: reason)
        #expect(EN16931Check(rounding: .halfUp).violations(of: amounts).map(\.rule) == rules)
    }

    @Test("Categories B, L and M get no default VATEX code in the breakdown")
    func newCategoriesGetNoDefaultReason() throws {
        let taxes = [TaxCategory.splitPayment, .canaryIslands, .ceutaMelilla].map { category in
            TaxSubtotal(
                taxCode: category.rawValue, category: category, rate: 5, taxableAmount: Self.money("10.00"),
                taxAmount: Self.money("0.50"), exemptionReason: nil, glAccount: "")
        }
        let breakdown = try VATBreakdown.of(taxes, currency: .eur)
        #expect(breakdown.map(\.category.rawValue) == ["B", "L", "M"])
        #expect(breakdown.allSatisfy { $0.exemptionReason == nil && $0.exemptionReasonCode == nil })
    }

    /// A run's invoice whose lines and taxes of `rate` % are moved into `category`.
    static func invoice(moving rate: FixedDecimal?, to category: TaxCategory) throws -> Invoice {
        var invoice = try World.run("NEWPRICE").singleDraft([InvoicingRunTaxTests.mixed]).invoice
        for index in invoice.lines.indices
        where invoice.lines[index].taxCategory == .standard && (rate == nil || invoice.lines[index].taxRate == rate) {
            invoice.lines[index].taxCategory = category
        }
        for index in invoice.taxes.indices
        where invoice.taxes[index].category == .standard && (rate == nil || invoice.taxes[index].rate == rate) {
            invoice.taxes[index].category = category
        }
        return invoice
    }

    @Test("Split payment needs a domestic Italian invoice (BR-B-01) without standard-rated lines (BR-B-02)")
    func splitPaymentIsDomesticItalianAndNotMixedWithStandardRate() throws {
        let check = EN16931Check(rounding: .halfUp)
        var invoice = try Self.invoice(moving: nil, to: .splitPayment)
        #expect(
            throws: EN16931Violation(
                rule: "BR-B-01", "split payment (B) needs a domestic Italian invoice; the parties are in DE and DE")
        ) {
            try check.validate(invoice)
        }
        invoice.seller.address.country = "IT"
        invoice.buyer.address.country = "IT"
        try check.validate(invoice)

        var mixed = try Self.invoice(moving: 7, to: .splitPayment)
        mixed.seller.address.country = "IT"
        mixed.buyer.address.country = "IT"
        #expect(throws: EN16931Violation(rule: "BR-B-02", "split payment (B) and standard rate (S) are mixed")) {
            try check.validate(mixed)
        }
    }

    @Test(
        "IGIC and IPSI lines need the seller's VAT identifier (BR-AF-02, BR-AG-02)",
        arguments: [
            (TaxCategory.canaryIslands, "BR-AF-02"), (.ceutaMelilla, "BR-AG-02"),
        ])
    func igicAndIpsiNeedTheSellersVATNumber(category: TaxCategory, rule: String) throws {
        var invoice = try Self.invoice(moving: nil, to: category)
        try EN16931Check(rounding: .halfUp).validate(invoice)
        invoice.seller.vatID = ""
        do {
            try EN16931Check(rounding: .halfUp).validate(invoice)
            Issue.record("a seller without VAT number passed")
        } catch {
            #expect(error.rule == rule)
        }
    }

    /// XRechnung's technical case 01.06: 30 × 132.878 = 3,986.34 net at 19 %, whose VAT is 757.40
    /// per category (and per line: it has one), but the example states 757.41 (the gross unit price
    /// 158.125 × 30 = 4,743.75, less the net).
    static let statedOneCentOff = single(.standard, rate: 19, net: "3986.34", tax: "757.41")

    @Test("A read invoice keeps its stated VAT within the schematron's tolerance; the engine's must be exact")
    func statedVATIsKeptWithinTheTolerance() {
        let computed = EN16931Check(rounding: .halfUp)
        let stated = EN16931Check(rounding: .halfUp, vatAmounts: .stated)
        #expect(computed.violations(of: Self.statedOneCentOff).map(\.rule) == ["BR-CO-17"])
        #expect(stated.violations(of: Self.statedOneCentOff).isEmpty)
        #expect(
            stated.deviations(of: Self.statedOneCentOff) == [
                "the VAT of category S at 19 % is 757.41 EUR as stated, 0.01 EUR more than 757.40 EUR rounded per category"
            ])
        #expect(computed.deviations(of: Self.statedOneCentOff).isEmpty)
        // 0.99 off is within the tolerance, a whole euro is not.
        #expect(stated.violations(of: Self.single(.standard, rate: 19, net: "3986.34", tax: "758.39")).isEmpty)
        #expect(
            stated.violations(of: Self.single(.standard, rate: 19, net: "3986.34", tax: "758.40")).map(\.rule)
                == ["BR-CO-17"])
    }
}
