import Testing

@testable import InvoicingCore

@Suite struct InvoicingRunPostingTests {
    typealias World = TestWorld

    static func line(
        _ number: Int, _ gl: String, _ side: FILine.Side, _ amount: String, key: AccountKey?, taxCode: String?,
        account: String? = nil, text: String
    ) -> FILine {
        FILine(
            number: number, glAccount: gl, side: side, amount: World.money(amount), accountKey: key, taxCode: taxCode,
            contractAccount: account, text: text)
    }

    @Test("The FI document posts receivable, revenue and conditions per G/L account and tax code, and tax per code")
    func postingLines() throws {
        let draft = try World.run("NEWPRICE").singleDraft([InvoicingRunTaxTests.mixed])
        // Revenue: 8000 ERL E0 100.00; 8000 ERL S19 26.00 + 80.00; 8100 ERL R7 67.50;
        // discount 8.00 on ERS as a debit; surcharge 2.50 on ERF; the zero E0 tax posts no line.
        #expect(
            draft.posting.lines == [
                Self.line(
                    1, "1400", .debit, "291.83", key: .receivable, taxCode: nil, account: "A1", text: "Receivable A1"),
                Self.line(2, "8000", .credit, "100.00", key: .revenue, taxCode: "E0", text: "Revenue"),
                Self.line(3, "8000", .credit, "106.00", key: .revenue, taxCode: "S19", text: "Revenue"),
                Self.line(4, "8100", .credit, "67.50", key: .revenue, taxCode: "R7", text: "Revenue"),
                Self.line(5, "8880", .debit, "8.00", key: .deductions, taxCode: "S19", text: "Sales deductions"),
                Self.line(6, "8890", .credit, "2.50", key: .surcharges, taxCode: "S19", text: "Surcharges"),
                Self.line(7, "3801", .credit, "4.73", key: nil, taxCode: "R7", text: "Output tax R7 7%"),
                Self.line(8, "3806", .credit, "19.10", key: nil, taxCode: "S19", text: "Output tax S19 19%"),
            ])
        #expect(draft.posting.balance == .zero(.eur))
    }

    @Test("The FI document header follows the invoice")
    func postingHeader() throws {
        let posting = try World.run("NEWPRICE").singleDraft([InvoicingRunTaxTests.mixed]).posting
        #expect(posting.companyCode == "1000")
        #expect(posting.postingDate == World.runDate)
        #expect(posting.documentDate == World.runDate)
        #expect(posting.currency == .eur)
        #expect(posting.held == false)
        #expect(posting.number == "")
        #expect(posting.reference == "")
    }

    @Test("The receivable is the gross total on the REC account with the contract account")
    func receivableIsGross() throws {
        let draft = try World.run("NEWPRICE").singleDraft([
            World.document("D1", account: "A2", items: [World.item(1, "BOOK", "3")])
        ])
        // 3 × 11.00 = 33.00; 19 % = 6.27; gross 39.27.
        let receivable = try #require(draft.posting.lines.first)
        #expect(draft.invoice.grossTotal == World.money("39.27"))
        #expect(receivable.amount == draft.invoice.grossTotal)
        #expect(receivable.glAccount == "1400")
        #expect(receivable.accountKey == .receivable)
        #expect(receivable.contractAccount == "A2")
        #expect(receivable.side == .debit)
        #expect(draft.posting.lines.filter { $0.accountKey == .receivable }.count == 1)
        #expect(draft.posting.balance.isZero)
    }

    @Test("A credit posts every line on the opposite side")
    func creditPostsOpposite() throws {
        let draft = try World.run().singleDraft([
            World.document("D1", items: [World.item(1, "BOOK", "-2", price: "13.00")])
        ])
        // −26.00 net, −4.94 tax, −30.94 gross.
        #expect(
            draft.posting.lines == [
                Self.line(
                    1, "1400", .credit, "30.94", key: .receivable, taxCode: nil, account: "A1", text: "Receivable A1"),
                Self.line(2, "8000", .debit, "26.00", key: .revenue, taxCode: "S19", text: "Revenue"),
                Self.line(3, "3806", .debit, "4.94", key: nil, taxCode: "S19", text: "Output tax S19 19%"),
            ])
        #expect(draft.posting.balance.isZero)
    }

    @Test("Revenue lines that cancel out post nothing")
    func cancellingLinesPostNothing() throws {
        let draft = try World.run().singleDraft([
            World.document(
                "D1", items: [World.item(1, "BOOK", "2", price: "5.00"), World.item(2, "BOOK", "-2", price: "5.00")])
        ])
        #expect(draft.invoice.grossTotal.isZero)
        #expect(draft.posting.lines.isEmpty)
        #expect(draft.posting.balance.isZero)
    }

    @Test("Numbering a draft puts the numbers everywhere they appear")
    func numberingTheDraft() throws {
        let draft = try World.run().singleDraft([World.document("D1", items: [World.item(1, "BOOK", "1")])])
        let numbered = draft.numbered(invoiceNumber: "IN-1000-2026-000001", postingNumber: "FI-1000-2026-000007")
        #expect(numbered.invoice.number == "IN-1000-2026-000001")
        #expect(numbered.invoice.postingNumber == "FI-1000-2026-000007")
        #expect(numbered.posting.number == "FI-1000-2026-000007")
        #expect(numbered.posting.reference == "IN-1000-2026-000001")
        #expect(numbered.posting.lines == draft.posting.lines)
        #expect(NumberRangeKind.invoice.number(companyCode: "1000", year: 2026, sequence: 42) == "IN-1000-2026-000042")
        #expect(
            NumberRangeKind.posting.number(companyCode: "1000", year: 2026, sequence: 1_234_567)
                == "FI-1000-2026-1234567")
    }
}
