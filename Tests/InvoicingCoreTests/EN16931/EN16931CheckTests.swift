import Testing

@testable import InvoicingCore

@Suite struct EN16931CheckTests {
    typealias World = TestWorld

    static func money(_ text: String) -> Money { World.money(text) }

    /// An invoice that adds up: line allowances and charges, document allowances and charges,
    /// two VAT categories, a prepaid amount and a rounding amount.
    static let valid = EN16931Amounts(
        currency: .eur,
        lines: [
            EN16931Amounts.Line(
                id: "1", baseAmount: money("100.00"), allowances: [money("10.00")], charges: [money("2.50")],
                netAmount: money("92.50"), category: .standard, rate: 19),
            EN16931Amounts.Line(
                id: "2", baseAmount: money("50.00"), allowances: [], charges: [], netAmount: money("50.00"),
                category: .exempt, rate: .zero),
        ],
        allowanceCharges: [
            EN16931Amounts.AllowanceCharge(isCharge: false, amount: money("2.50"), category: .standard, rate: 19),
            EN16931Amounts.AllowanceCharge(isCharge: true, amount: money("1.00"), category: .standard, rate: 19),
        ],
        vatBreakdown: [
            // 91.00 × 19 % = 17.29
            VATBreakdown(
                category: .exempt, rate: .zero, taxableAmount: money("50.00"), taxAmount: money("0.00"),
                exemptionReason: "Exempt under § 4 UStG"),
            VATBreakdown(category: .standard, rate: 19, taxableAmount: money("91.00"), taxAmount: money("17.29")),
        ],
        totals: EN16931Amounts.Totals(
            lineNetTotal: money("142.50"), allowanceTotal: money("2.50"), chargeTotal: money("1.00"),
            taxExclusive: money("141.00"), taxTotal: money("17.29"), taxInclusive: money("158.29"),
            prepaid: money("10.00"), rounding: money("0.01"), payable: money("148.30")))

    /// One way to break an invoice, and the rule that must name it.
    enum Breach: String, CaseIterable, Sendable {
        case lineNet, lineNetTotal, allowanceTotal, chargeTotal, taxExclusive, taxTotal, taxInclusive, payable
        case categoryTax, taxableAmount, missingBreakdown, zeroCategoryTax, standardRateZero, missingReason
        case reasonOnStandard

        /// The rules that must name it: its own first, then those that follow from it.
        var rules: [String] {
            switch self {
            case .lineNet: return ["PEPPOL-EN16931-R120"]
            case .lineNetTotal: return ["BR-CO-10", "BR-CO-13"]
            case .allowanceTotal: return ["BR-CO-11", "BR-S-08"]
            case .chargeTotal: return ["BR-CO-12", "BR-S-08"]
            case .taxExclusive: return ["BR-CO-13", "BR-CO-15"]
            case .taxTotal: return ["BR-CO-14", "BR-CO-15"]
            case .taxInclusive: return ["BR-CO-15", "BR-CO-16"]
            case .payable: return ["BR-CO-16"]
            case .categoryTax: return ["BR-CO-17"]
            case .taxableAmount: return ["BR-S-08"]
            case .missingBreakdown: return ["BR-S-08", "BR-S-08"]  // 7 % has none, 19 % lost its line
            case .zeroCategoryTax: return ["BR-CO-14", "BR-CO-17", "BR-E-09"]
            case .standardRateZero: return ["BR-S-05"]
            case .missingReason: return ["BR-E-10"]
            case .reasonOnStandard: return ["BR-S-10"]
            }
        }

        /// The valid invoice broken this way by one minor unit or one field, nothing else.
        var amounts: EN16931Amounts {
            var amounts = EN16931CheckTests.valid
            let cent = EN16931CheckTests.money("0.01")
            func plusCent(_ value: inout Money) { value = Money(minorUnits: value.minorUnits + 1, currency: .eur) }
            switch self {
            case .lineNet: amounts.lines[0].charges = [EN16931CheckTests.money("2.49")]
            case .lineNetTotal: plusCent(&amounts.totals.lineNetTotal)
            case .allowanceTotal: amounts.allowanceCharges[0].amount = EN16931CheckTests.money("2.49")
            case .chargeTotal: amounts.allowanceCharges[1].amount = EN16931CheckTests.money("1.01")
            case .taxExclusive: plusCent(&amounts.totals.taxExclusive)
            case .taxTotal: plusCent(&amounts.totals.taxTotal)
            case .taxInclusive: plusCent(&amounts.totals.taxInclusive)
            case .payable: plusCent(&amounts.totals.payable)
            case .categoryTax:
                // Every sum still agrees; only 91.00 × 19 % is not 17.30.
                plusCent(&amounts.vatBreakdown[1].taxAmount)
                plusCent(&amounts.totals.taxTotal)
                plusCent(&amounts.totals.taxInclusive)
                plusCent(&amounts.totals.payable)
            case .taxableAmount:
                amounts.lines[0].netAmount = EN16931CheckTests.money("92.50")
                amounts.vatBreakdown[1].taxableAmount = EN16931CheckTests.money("91.01")
            case .missingBreakdown: amounts.lines[0].rate = 7
            case .zeroCategoryTax: amounts.vatBreakdown[0].taxAmount = cent
            case .standardRateZero:
                amounts.lines[0].rate = .zero
                amounts.allowanceCharges[0].rate = .zero
                amounts.allowanceCharges[1].rate = .zero
                amounts.vatBreakdown[1] = VATBreakdown(
                    category: .standard, rate: .zero, taxableAmount: EN16931CheckTests.money("91.00"),
                    taxAmount: EN16931CheckTests.money("0.00"))
                amounts.totals.taxTotal = EN16931CheckTests.money("0.00")
                amounts.totals.taxInclusive = EN16931CheckTests.money("141.00")
                amounts.totals.payable = EN16931CheckTests.money("131.01")
            case .missingReason: amounts.vatBreakdown[0].exemptionReason = nil
            case .reasonOnStandard: amounts.vatBreakdown[1].exemptionReasonCode = "VATEX-EU-G"
            }
            return amounts
        }
    }

    @Test("An invoice that adds up passes every rule, with no tolerance needed")
    func aValidInvoicePasses() {
        #expect(EN16931Check(rounding: .halfUp).violations(of: Self.valid).isEmpty)
    }

    @Test("A credit note's amounts are the invoice's negated, allowances and charges swapped, and still add up")
    func negatedAmountsAddUp() {
        let credit = Self.valid.negated
        #expect(credit.totals.payable == Self.money("-148.30"))
        #expect(credit.lines[0].allowances == [Self.money("2.50")])
        #expect(credit.lines[0].charges == [Self.money("10.00")])
        #expect(credit.allowanceCharges.map(\.isCharge) == [true, false])
        #expect(credit.totals.allowanceTotal == Self.money("1.00"))
        #expect(credit.totals.chargeTotal == Self.money("2.50"))
        #expect(EN16931Check(rounding: .halfUp).violations(of: credit).isEmpty)
        #expect(credit.negated == Self.valid)
    }

    @Test("Each breach is found and named by its rule, and by those that follow from it", arguments: Breach.allCases)
    func eachBreachIsNamed(_ breach: Breach) {
        let violations = EN16931Check(rounding: .halfUp).violations(of: breach.amounts)
        #expect(violations.map(\.rule) == breach.rules, "\(violations)")
    }

    @Test("VAT is checked with the configured rounding: 16.905 is 16.91 half-up, 16.90 half-even")
    func vatIsCheckedWithTheConfiguredRounding() {
        var amounts = Self.valid
        amounts.lines[0] = EN16931Amounts.Line(
            id: "1", baseAmount: .zero(.eur), allowances: [], charges: [], netAmount: .zero(.eur), category: .standard,
            rate: 7)
        amounts.allowanceCharges = []
        // 241.50 × 7 % = 16.905: half-up 16.91, half-even 16.90.
        amounts.lines[0].baseAmount = Self.money("241.50")
        amounts.lines[0].netAmount = Self.money("241.50")
        amounts.vatBreakdown[1] = VATBreakdown(
            category: .standard, rate: 7, taxableAmount: Self.money("241.50"), taxAmount: Self.money("16.91"))
        amounts.totals = EN16931Amounts.Totals(
            lineNetTotal: Self.money("291.50"), allowanceTotal: Self.money("0.00"), chargeTotal: Self.money("0.00"),
            taxExclusive: Self.money("291.50"), taxTotal: Self.money("16.91"), taxInclusive: Self.money("308.41"),
            prepaid: Self.money("0.00"), rounding: Self.money("0.00"), payable: Self.money("308.41"))
        #expect(EN16931Check(rounding: .halfUp).violations(of: amounts).isEmpty)
        #expect(EN16931Check(rounding: .halfEven).violations(of: amounts).map(\.rule) == ["BR-CO-17"])
    }

    @Test("A run's invoice passes, and a tampered one is refused naming the rule")
    func aRunInvoiceIsValidated() throws {
        var invoice = try World.run("NEWPRICE").singleDraft([InvoicingRunTaxTests.mixed]).invoice
        try EN16931Check(rounding: .halfUp).validate(invoice)
        invoice.grossTotal = Self.money("291.84")
        #expect(throws: EN16931Violation.self) { try EN16931Check(rounding: .halfUp).validate(invoice) }
        do {
            try EN16931Check(rounding: .halfUp).validate(invoice)
        } catch {
            #expect(error.rule == "BR-CO-15")
            #expect(error.description == "BR-CO-15: the total with VAT (BT-112) is 291.84 EUR, expected 291.83 EUR")
        }
    }
}
