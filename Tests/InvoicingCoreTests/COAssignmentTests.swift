import Testing

@testable import InvoicingCore

@Suite struct COAssignmentTests {
    typealias World = TestWorld

    static func item(_ number: Int, _ material: String, _ quantity: String, profit: String?, cost: String?)
        -> SourceItem
    {
        var item = World.item(number, material, quantity)
        item.profitCenter = profit
        item.costCenter = cost
        return item
    }

    @Test(
        "Profit and cost centres of the source items reach the invoice lines and the revenue lines of the FI document")
    func coOnRevenueLines() throws {
        let draft = try World.run("NEWPRICE").singleDraft([
            World.document(
                "D1",
                items: [
                    Self.item(1, "HOUR", "1", profit: "PC-NORTH", cost: nil),
                    Self.item(2, "HOUR", "2", profit: "PC-SOUTH", cost: "CC-4711"),
                    Self.item(3, "BOOK", "1", profit: nil, cost: nil),
                ])
        ])
        #expect(draft.invoice.lines.map(\.profitCenter) == ["PC-NORTH", "PC-SOUTH", nil])
        #expect(draft.invoice.lines.map(\.costCenter) == [nil, "CC-4711", nil])
        let lines = draft.posting.lines.map {
            "\($0.accountKey?.rawValue ?? "tax") \($0.glAccount) \($0.amount.decimal) \($0.profitCenter ?? "-") \($0.costCenter ?? "-")"
        }
        // HOUR 80.00 each, 10 % discount, 2.50 surcharge per hour; BOOK 13.00: one line per
        // account, key, tax code and CO assignment, so the two profit centres stay apart.
        #expect(
            lines == [
                "REC 1400 281.44 - -",
                "ERL 8000 13.00 - -",
                "ERL 8000 80.00 PC-NORTH -",
                "ERL 8000 160.00 PC-SOUTH CC-4711",
                "ERS 8880 8.00 PC-NORTH -",
                "ERS 8880 16.00 PC-SOUTH CC-4711",
                "ERF 8890 2.50 PC-NORTH -",
                "ERF 8890 5.00 PC-SOUTH CC-4711",
                "tax 3806 44.94 - -",
            ])
        #expect(draft.posting.balance.isZero)
    }

    @Test("Without CO assignment in the source the FI document is what it always was")
    func noCOWithoutSource() throws {
        let draft = try World.run("NEWPRICE").singleDraft([
            World.document("D1", items: [World.item(1, "HOUR", "1"), World.item(2, "BOOK", "1")])
        ])
        #expect(draft.posting.lines.allSatisfy { $0.profitCenter == nil && $0.costCenter == nil })
    }

    @Test("A cancellation reverses the revenue lines with their CO assignment")
    func cancellationKeepsCO() throws {
        var draft = try World.run("NEWPRICE").singleDraft([
            World.document("D1", items: [Self.item(1, "HOUR", "1", profit: "PC-NORTH", cost: "CC-1")])
        ])
        draft = draft.numbered(invoiceNumber: "IN-1000-2026-000001", postingNumber: "FI-1000-2026-000001")
        let reversal = try Cancellation.draft(cancelling: draft.invoice, posting: draft.posting, on: World.runDate)
        let revenue = try #require(reversal.posting.lines.first { $0.accountKey == .revenue })
        #expect(revenue.profitCenter == "PC-NORTH")
        #expect(revenue.costCenter == "CC-1")
        #expect(revenue.side == .debit)
    }
}
