import Testing

@testable import InvoicingCore

@Suite struct InstallmentTests {
    typealias World = TestWorld

    static func terms(_ pairs: [(String, Int)]) -> [InstallmentTerm] {
        pairs.map { InstallmentTerm(percent: World.decimal($0.0), days: $0.1) }
    }

    static let thirds = terms([("33.33", 14), ("33.33", 44), ("33.34", 74)])

    @Test(
        "Each installment but the last is rounded per currency; the last takes the remainder",
        arguments: [
            ("100.00", Currency.eur, thirds, ["33.33", "33.33", "33.34"]),
            ("100.00", .eur, terms([("33.3333", 0), ("33.3333", 30), ("33.3334", 60)]), ["33.33", "33.33", "33.34"]),
            ("-100.00", .eur, thirds, ["-33.33", "-33.33", "-33.34"]),
            ("1000", .jpy, thirds, ["333", "333", "334"]),
            ("10.000", Currency(code: "BHD")!, thirds, ["3.333", "3.333", "3.334"]),
            ("0.05", .eur, terms([("50", 0), ("50", 30)]), ["0.03", "0.02"]),
            ("3096.76", .gbp, thirds, ["1032.15", "1032.15", "1032.46"]),
            ("99.99", .eur, terms([("100", 30)]), ["99.99"]),
        ])
    func splitsWithTheRemainderOnTheLast(
        total: String, currency: Currency, terms: [InstallmentTerm], expected: [String]
    )
        throws
    {
        let amount = World.money(total, currency)
        let installments = try InstallmentTerm.split(
            amount, by: terms, invoiceDate: World.date("2026-11-30"), rounding: .halfUp)
        #expect(installments.map(\.amount) == expected.map { World.money($0, currency) })
        #expect(try installments.map(\.amount).sum(in: currency) == amount, "the installments add up exactly")
        #expect(installments.map(\.number) == Array(1...terms.count))
    }

    /// 0.05 at 50 %: 0.025 is a tie, so the rule decides the first installment; the second is the rest.
    @Test(
        "The configured rule rounds the installments",
        arguments: [(RoundingRule.halfUp, "0.03", "0.02"), (.halfEven, "0.02", "0.03"), (.down, "0.02", "0.03")])
    func theRuleDecidesTies(rounding: RoundingRule, first: String, second: String) throws {
        let installments = try InstallmentTerm.split(
            World.money("0.05"), by: Self.terms([("50", 0), ("50", 30)]), invoiceDate: World.date("2026-11-30"),
            rounding: rounding)
        #expect(installments.map(\.amount) == [World.money(first), World.money(second)])
    }

    @Test("Each installment is due its days after the invoice date")
    func dueDates() throws {
        let installments = try InstallmentTerm.split(
            World.money("100.00"), by: Self.thirds, invoiceDate: World.date("2026-11-30"), rounding: .halfUp)
        #expect(installments.map(\.dueDate) == ["2026-12-14", "2027-01-13", "2027-02-12"].map(World.date))
    }

    @Test("Percentages that do not add up to 100 are refused")
    func percentagesMustAddUpTo100() {
        #expect(throws: InstallmentError("installment percentages add up to 99.99, not 100")) {
            try InstallmentTerm.split(
                World.money("100.00"), by: Self.terms([("33.33", 0), ("33.33", 30), ("33.33", 60)]),
                invoiceDate: World.date("2026-11-30"), rounding: .halfUp)
        }
    }

    @Test("An invoice with installment terms posts one receivable per installment and stays balanced")
    func oneReceivablePerInstallment() throws {
        var data = World.masterData()
        data.add(PaymentTerms(id: "RT3", description: "Thirds", netDays: 74, installments: Self.thirds))
        let draft = try World.run("NEWPRICE", masterData: data).singleDraft([
            World.document("D1", account: "A2", paymentTerms: "RT3", items: [World.item(1, "BOOK", "3")])
        ])
        // 3 × 11.00 = 33.00; 19 % = 6.27; gross 39.27 = 13.09 + 13.09 + 13.09.
        let installments = try #require(draft.invoice.installments)
        #expect(installments.map(\.amount) == ["13.09", "13.09", "13.09"].map { World.money($0) })
        let receivables = draft.posting.lines.filter { $0.accountKey == .receivable }
        #expect(receivables.map(\.amount) == installments.map(\.amount))
        #expect(receivables.allSatisfy { $0.side == .debit && $0.glAccount == "1400" && $0.contractAccount == "A2" })
        #expect(
            receivables.map(\.text) == [
                "Receivable A2 installment 1 due 2026-04-14", "Receivable A2 installment 2 due 2026-05-14",
                "Receivable A2 installment 3 due 2026-06-13",
            ])
        #expect(draft.posting.balance.isZero)
    }

    @Test("Payment terms without installments keep one receivable and no schedule")
    func noInstallmentsWithoutTerms() throws {
        let draft = try World.run("NEWPRICE").singleDraft([
            World.document("D1", account: "A2", items: [World.item(1, "BOOK", "3")])
        ])
        #expect(draft.invoice.installments == nil)
        #expect(draft.posting.lines.filter { $0.accountKey == .receivable }.count == 1)
    }

    @Test("Installment terms that cannot split the invoice fail its unit with the reason")
    func badTermsFailTheUnit() throws {
        var data = World.masterData()
        data.add(PaymentTerms(id: "BAD", description: "Bad", netDays: 0, installments: Self.terms([("60", 0)])))
        let outcomes = try World.run("NEWPRICE", masterData: data).outcomes([
            World.document("D1", account: "A2", paymentTerms: "BAD", items: [World.item(1, "BOOK", "3")])
        ])
        guard case .failed(let failure) = try #require(outcomes.first) else {
            Issue.record("expected a failure, got \(outcomes)")
            return
        }
        #expect(failure.description == "document D1: payment terms BAD: installment percentages add up to 60, not 100")
    }
}
