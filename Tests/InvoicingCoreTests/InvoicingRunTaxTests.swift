import Testing

@testable import InvoicingCore

@Suite struct InvoicingRunTaxTests {
    typealias World = TestWorld

    /// BOOK 2 × 13.00 = 26.00 (S19), FOOD 150 × 45.00/100 = 67.50 (R7), EXEMPT 100.00 (E0),
    /// HOUR 80.00 − 8.00 + 2.50 = 74.50 (S19).
    static let mixed = World.document(
        "D-MIX",
        items: [
            World.item(1, "BOOK", "2"), World.item(2, "FOOD", "150"), World.item(3, "EXEMPT", "1"),
            World.item(4, "HOUR", "1"),
        ])

    @Test("Tax is computed on the sum of net lines, rounded once, not per line")
    func taxIsComputedOnTheSumOfNetLines() throws {
        // Ten lines of 0.03 at 19 %: per line 0.0057 → 0.01, ten times 0.10; on the sum
        // 0.30 × 19 % = 0.057 → 0.06.
        let items = (1...10).map { World.item($0, "CENT", "1") }
        let draft = try World.run("NEWPRICE").singleDraft([World.document("D-CENTS", items: items)])
        let invoice = draft.invoice
        #expect(invoice.lines.count == 10)
        #expect(invoice.lines.allSatisfy { $0.netAmount == World.money("0.03") })
        #expect(
            invoice.taxes == [
                TaxSubtotal(
                    taxCode: "S19", category: .standard, rate: World.decimal("19"), taxableAmount: World.money("0.30"),
                    taxAmount: World.money("0.06"), exemptionReason: nil, glAccount: "3806")
            ])
        #expect(invoice.netTotal == World.money("0.30"))
        #expect(invoice.taxTotal == World.money("0.06"))
        #expect(invoice.grossTotal == World.money("0.36"))
    }

    @Test("Tax is computed per tax code, in code order, with the exemption reason carried")
    func severalTaxCodes() throws {
        let invoice = try World.run("NEWPRICE").singleDraft([Self.mixed]).invoice
        #expect(invoice.lines.map(\.taxCode) == ["S19", "R7", "E0", "S19"])
        #expect(invoice.lines.map(\.taxRate) == [World.decimal("19"), World.decimal("7"), .zero, World.decimal("19")])
        #expect(invoice.lines.map(\.taxCategory) == [.standard, .standard, .exempt, .standard])
        #expect(invoice.taxes.map(\.taxCode) == ["E0", "R7", "S19"])
        #expect(invoice.taxes.map(\.category) == [.exempt, .standard, .standard])
        #expect(invoice.taxes.map(\.exemptionReason) == ["Tax exempt under § 4 UStG", nil, nil])
        #expect(invoice.taxes.map(\.glAccount) == ["3809", "3801", "3806"])
        // S19: 26.00 + 74.50 = 100.50 × 19 % = 19.095 → 19.10; R7: 67.50 × 7 % = 4.725 → 4.73.
        #expect(invoice.taxes.map(\.taxableAmount) == ["100.00", "67.50", "100.50"].map { World.money($0) })
        #expect(invoice.taxes.map(\.taxAmount) == ["0.00", "4.73", "19.10"].map { World.money($0) })
        #expect(invoice.netTotal == World.money("268.00"))
        #expect(invoice.taxTotal == World.money("23.83"))
        #expect(invoice.grossTotal == World.money("291.83"))
    }

    @Test("Tax follows the configured rounding rule")
    func taxRoundingFollowsTheConfiguration() throws {
        let invoice = try World.run("NEWPRICE", rounding: .halfEven).singleDraft([Self.mixed]).invoice
        // R7: 4.725 → 4.72 (2 is even); S19: 19.095 → 19.10 (9 is odd, so the tie goes up).
        #expect(invoice.taxes.map(\.taxAmount) == ["0.00", "4.72", "19.10"].map { World.money($0) })
        #expect(invoice.grossTotal == World.money("291.82"))
    }

    @Test("An explicit tax code on the item overrides tax determination")
    func explicitTaxCode() throws {
        let document = World.document(
            "D1",
            items: [
                World.item(1, "BOOK", "1", price: "10.00", taxCode: "R7"), World.item(2, "BOOK", "1", price: "10.00"),
            ])
        let invoice = try World.run().singleDraft([document]).invoice
        #expect(invoice.lines.map(\.taxCode) == ["R7", "S19"])
        #expect(invoice.taxes.map(\.taxAmount) == [World.money("0.70"), World.money("1.90")])
    }

    @Test("Lines of several orders with one tax code are taxed together")
    func linesOfSeveralOrdersTaxedTogether() throws {
        // Eleven orders of 0.05 at 19 %: per line 0.0095 → 0.01, eleven times 0.11; on the sum
        // 0.55 × 19 % = 0.1045 → 0.10.
        let documents = (1...11).map { index in
            World.document("D\(index < 10 ? "0" : "")\(index)", items: [World.item(1, "BOOK", "1", price: "0.05")])
        }
        let invoice = try World.run().singleDraft(documents).invoice
        #expect(invoice.sourceDocuments.count == 11)
        #expect(invoice.taxes.map(\.taxableAmount) == [World.money("0.55")])
        #expect(invoice.taxes.map(\.taxAmount) == [World.money("0.10")])
        #expect(invoice.grossTotal == World.money("0.65"))
    }

    @Test("A credit has negative tax on its negative sum")
    func negativeTax() throws {
        let document = World.document("D1", items: [World.item(1, "BOOK", "-1.5", price: "1.00")])
        let invoice = try World.run().singleDraft([document]).invoice
        // −1.50 × 19 % = −0.285 → −0.29 (half-up rounds ties away from zero).
        #expect(invoice.taxes.map(\.taxAmount) == [World.money("-0.29")])
        #expect(invoice.grossTotal == World.money("-1.79"))
    }

    @Test("The invoice header carries the run date, due date, parties and process")
    func invoiceHeader() throws {
        let invoice = try World.run("NEWPRICE").singleDraft([Self.mixed]).invoice
        #expect(invoice.invoiceDate == World.runDate)
        #expect(invoice.dueDate == World.date("2026-04-14"))  // NT14
        #expect(invoice.paymentTerms.id == "NT14")
        #expect(invoice.process == "NEWPRICE")
        #expect(invoice.invoicingType == "NEW")
        #expect(invoice.seller == World.company)
        #expect(invoice.buyer == World.account("A1"))
        #expect(invoice.currency == .eur)
        #expect(invoice.number == "")
        #expect(invoice.postingNumber == "")
        #expect(invoice.simulated == false)
        #expect(invoice.kind == .invoice)
        let overridden = World.document("D1", paymentTerms: "NT30", items: [World.item(1, "BOOK", "1")])
        #expect(try World.run("NEWPRICE").singleDraft([overridden]).invoice.dueDate == World.date("2026-04-30"))
    }
}
