import Testing

@testable import InvoicingCore

/// Rebate agreements: scales, accruals with each invoice, partial and final settlements.
@Suite struct RebateTests {
    @Test func aSettlementLineIsWrittenInTheRecipientsLanguage() {
        #expect(
            RebatePosition.lineText(agreement: "Jahresbonus", final: true, sequence: 2, language: "de")
                == "Bonus Jahresbonus, Schlussabrechnung")
        #expect(
            RebatePosition.lineText(agreement: "Jahresbonus", final: false, sequence: 2, language: "de")
                == "Bonus Jahresbonus, Teilabrechnung 2")
        #expect(
            RebatePosition.lineText(agreement: "Annual", final: false, sequence: 1, language: "fr")
                == "Rebate Annual, partial settlement 1")
    }

    typealias W = TestWorld

    /// Books by volume (0.10 per piece, 0.20 from 100 pieces) and hours by value (1 %, 2 % from
    /// 1,000.00) for account A1 in 2026; settlements taxed S19.
    static let agreement = RebateAgreement(
        id: "R1", description: "Volume rebate 2026", companyCode: "1000", recipient: "A1", currency: .eur,
        validFrom: W.date("2026-01-01"), validTo: W.date("2026-12-31"), taxCode: "S19",
        conditions: [
            RebateCondition(
                number: 1, material: "BOOK", materialGroup: nil, scaleBasis: .volume, calculation: .amount,
                levels: [.init(from: 0, rate: W.decimal("0.10")), .init(from: 100, rate: W.decimal("0.20"))]),
            RebateCondition(
                number: 2, material: nil, materialGroup: "MG", scaleBasis: .value, calculation: .percent,
                levels: [.init(from: 0, rate: 1), .init(from: 1000, rate: 2)]),
        ])

    /// The test world with G/L accounts for rebate expense (8870) and accrued rebates (2900).
    static func masterData() -> MasterData {
        var data = W.masterData()
        for (key, gl) in [(AccountKey.rebateExpense, "8870"), (.rebateAccrual, "2900")] {
            data.add(
                AccountDeterminationRule(
                    chartOfAccounts: "INT", salesOrganisation: "S100", accountGroup: "*", materialGroup: "*",
                    accountKey: key, glAccount: gl))
        }
        return data
    }

    /// The draft of one document of A1 invoiced on `date`, numbered `number`.
    static func invoice(_ number: String, on date: String, _ items: [SourceItem]) throws -> InvoiceDraft {
        let run = try W.run(runDate: W.date(date), masterData: masterData())
        return try run.singleDraft([W.document("D-\(number)", billingDate: date, items: items)])
            .numbered(invoiceNumber: number, postingNumber: "FI-\(number)")
    }

    /// The signed balance (debit positive) of `gl` over `documents`.
    static func balance(_ gl: String, _ documents: [FIDocument]) -> Int64 {
        documents.flatMap(\.lines).filter { $0.glAccount == gl }
            .reduce(0) { $0 + ($1.side == .debit ? $1.amount.minorUnits : -$1.amount.minorUnits) }
    }

    @Test func theScaleLevelReachedAppliesToTheWholeBasisRoundedOncePerCondition() throws {
        let books = Self.agreement.conditions[0]
        let basis = RebateBasis(quantity: 99, value: W.money("1287.00"))
        #expect(books.level(for: basis)?.rate == W.decimal("0.10"))
        #expect(try books.rebate(on: basis, rounding: .halfUp) == W.money("9.90"))
        let crossed = RebateBasis(quantity: 100, value: W.money("1300.00"))
        #expect(try books.rebate(on: crossed, rounding: .halfUp) == W.money("20.00"))
        // 2 % of 1,234.56 = 24.6912 → 24.69; below the first level (a net credit) nothing.
        let hours = Self.agreement.conditions[1]
        #expect(
            try hours.rebate(on: .init(quantity: 1, value: W.money("1234.56")), rounding: .halfUp) == W.money("24.69"))
        #expect(try hours.rebate(on: .init(quantity: -1, value: W.money("-5.00")), rounding: .halfUp).isZero)
    }

    @Test func anAccrualRecomputesTheWholeBasisWhenTheScaleLevelIsCrossedMidPeriod() throws {
        var accruals = RebateAccruals(
            positions: [.empty(Self.agreement)], masterData: Self.masterData(), rounding: .halfUp)
        // 60 books: 60 × 0.10 = 6.00 accrued.
        var first = try Self.invoice("IN-1", on: "2026-03-10", [W.item(10, "BOOK", "60")])
        try accruals.accrue(&first)
        let firstAccrual = first.posting.lines.suffix(2)
        #expect(firstAccrual.map(\.glAccount) == ["8870", "2900"])
        #expect(firstAccrual.map(\.side) == [.debit, .credit])
        #expect(firstAccrual.map(\.amount) == [W.money("6.00"), W.money("6.00")])
        #expect(firstAccrual.allSatisfy { $0.rebateAgreement == "R1" })
        // 60 more: 120 pieces reach the 0.20 level, 24.00 in all, so this invoice accrues 18.00.
        var second = try Self.invoice("IN-2", on: "2026-06-10", [W.item(10, "BOOK", "60")])
        try accruals.accrue(&second)
        #expect(second.posting.lines.suffix(2).map(\.amount) == [W.money("18.00"), W.money("18.00")])
        #expect(accruals.positions["R1"]?.accrued == W.money("24.00"))
        // A credit of 30 books falls back below the level: 90 × 0.10 = 9.00, so 15.00 is reversed.
        var credit = try Self.invoice("CM-1", on: "2026-07-01", [W.item(10, "BOOK", "30")])
        credit.invoice.kind = .creditMemo
        credit.invoice.negateAmounts()
        credit.posting = Cancellation.reversal(of: credit.posting, on: W.date("2026-07-01"))
        try accruals.accrue(&credit)
        let reversal = credit.posting.lines.suffix(2)
        #expect(reversal.map(\.side) == [.credit, .debit])
        #expect(reversal.map(\.amount) == [W.money("15.00"), W.money("15.00")])
        #expect(accruals.positions["R1"]?.accrued == W.money("9.00"))
        for draft in [first, second, credit] { #expect(draft.posting.balance.isZero) }
        // An invoice of another account, or outside the validity, accrues nothing.
        var other = try Self.invoice("IN-3", on: "2027-01-05", [W.item(10, "BOOK", "500")])
        let before = other.posting.lines.count
        try accruals.accrue(&other)
        #expect(other.posting.lines.count == before)
    }

    @Test func theFinalSettlementNetsAccrualsAndPartialSettlementsToTheRebateOnTheTotalBasis() throws {
        let masterData = Self.masterData()
        var accruals = RebateAccruals(positions: [.empty(Self.agreement)], masterData: masterData, rounding: .halfUp)
        var documents: [FIDocument] = []
        var first = try Self.invoice("IN-1", on: "2026-02-01", [W.item(10, "BOOK", "40"), W.item(20, "HOUR", "5")])
        try accruals.accrue(&first)
        documents.append(first.posting)
        // Accrued: 40 × 0.10 = 4.00 and 1 % of 5 × (80.00 − 10 % + 2.50) = 1 % of 372.50 = 3.73 (3.725).
        var position = try #require(accruals.positions["R1"])
        #expect(position.accrued == W.money("7.73"))
        // A partial settlement of 5.00: a credit memo of 5.00 + 19 % tax, using 5.00 of the accrual.
        let partial = try position.settlement(
            .amount(W.money("5.00")), on: W.date("2026-03-01"), masterData: masterData, rounding: .halfUp)
        #expect(partial.draft.invoice.kind == .creditMemo)
        #expect(partial.draft.invoice.grossTotal == W.money("-5.95"))
        #expect(partial.settlement.accrualReversed == W.money("5.00"))
        #expect(partial.draft.posting.balance.isZero)
        documents.append(partial.draft.posting)
        position.settlements.append(partial.settlement)
        #expect(throws: RebateError.self) {
            try position.settlement(
                .amount(W.money("2.74")), on: W.date("2026-03-01"), masterData: masterData, rounding: .halfUp)
        }
        accruals = RebateAccruals(positions: [position], masterData: masterData, rounding: .halfUp)
        // 80 more books cross the level: 120 × 0.20 = 24.00; 10 more hours: 1 % of 1,117.50 = 11.18 (11.175).
        var second = try Self.invoice("IN-2", on: "2026-09-01", [W.item(10, "BOOK", "80"), W.item(20, "HOUR", "10")])
        try accruals.accrue(&second)
        documents.append(second.posting)
        position = try #require(accruals.positions["R1"])
        // 24.00 + 2 % of 1,117.50 (22.35, the value level reached too) = 46.35 on the total basis.
        let rebate = try position.rebate(rounding: .halfUp)
        #expect(rebate == W.money("46.35"))
        #expect(position.accrued == rebate)
        let final = try position.settlement(.final, on: W.date("2027-01-15"), masterData: masterData, rounding: .halfUp)
        #expect(final.settlement.amount == W.money("41.35"))
        #expect(final.settlement.accrualReversed == W.money("41.35"))
        documents.append(final.draft.posting)
        position.settlements.append(final.settlement)
        // Partial + final = the rebate on the total basis; the accrued liability is gone, and the
        // expense account carries exactly the rebate.
        #expect(position.settled == rebate)
        #expect(position.openAccrual.isZero)
        #expect(Self.balance("2900", documents) == 0)
        #expect(Self.balance("8870", documents) == rebate.minorUnits)
        for document in documents { #expect(document.balance.isZero) }
        #expect(throws: RebateError.self) {
            try position.settlement(.final, on: W.date("2027-01-16"), masterData: masterData, rounding: .halfUp)
        }
    }

    @Test func aRetroactiveAgreementCatchesUpWithItsNextInvoiceOrAtSettlement() throws {
        let masterData = Self.masterData()
        // IN-1 was made before the agreement existed: no accrual.
        let earlier = try Self.invoice("IN-1", on: "2026-02-01", [W.item(10, "BOOK", "90")])
        #expect(!earlier.posting.lines.contains { $0.rebateAgreement != nil })
        // The store takes the agreement's position from the invoices already made in its period.
        var position = RebatePosition.empty(Self.agreement)
        position.basis = try Self.agreement.basis(of: earlier.invoice, materials: masterData.materials)
        position.documents = [earlier.invoice.number]
        // At settlement: the rebate on what was invoiced, with no accrual to reverse.
        let final = try position.settlement(.final, on: W.date("2027-01-10"), masterData: masterData, rounding: .halfUp)
        #expect(final.settlement.amount == W.money("9.00"))
        #expect(final.settlement.accrualReversed.isZero)
        // At the next run, even without an invoice of the recipient: a document of its own for 9.00,
        // once; an account restriction that leaves the recipient out posts nothing.
        var run = RebateAccruals(positions: [position], masterData: masterData, rounding: .halfUp)
        #expect(try run.catchUps(on: W.date("2026-03-01"), accounts: ["A2"]).isEmpty)
        let catchUp = try run.catchUps(on: W.date("2026-03-01"))
        #expect(catchUp.map(\.posting.reference) == ["R1"])
        #expect(catchUp.first?.posting.lines.map(\.amount) == [W.money("9.00"), W.money("9.00")])
        #expect(catchUp.first?.posting.balance.isZero == true)
        #expect(try run.catchUps(on: W.date("2026-03-02")).isEmpty)
        // Or at the next invoice: 100 books reach 0.20, so 20.00 is accrued at once, IN-1's share included.
        var accruals = RebateAccruals(positions: [position], masterData: masterData, rounding: .halfUp)
        var next = try Self.invoice("IN-2", on: "2026-04-01", [W.item(10, "BOOK", "10")])
        try accruals.accrue(&next)
        #expect(next.posting.lines.suffix(2).map(\.amount) == [W.money("20.00"), W.money("20.00")])
        #expect(next.posting.balance.isZero)
    }

    @Test func aPartialSettlementByDateSettlesWhatWasEarnedAndNeverMore() throws {
        let masterData = Self.masterData()
        var position = RebatePosition.empty(Self.agreement)
        #expect(throws: RebateError.self) {
            try position.settlement(.earned, on: W.date("2026-06-30"), masterData: masterData, rounding: .halfUp)
        }
        position.basis = [1: RebateBasis(quantity: 50, value: W.money("650.00"))]
        let earned = try position.settlement(
            .earned, on: W.date("2026-06-30"), masterData: masterData, rounding: .halfUp)
        #expect(earned.settlement.amount == W.money("5.00"))
        #expect(earned.settlement.accrualReversed.isZero)  // nothing was accrued
        #expect(earned.draft.posting.lines.map(\.side) == [.credit, .debit, .debit])
        // The recipient is German, so is the line.
        #expect(earned.draft.invoice.lines.map(\.description) == ["Bonus Volume rebate 2026, Teilabrechnung 1"])
    }
}
