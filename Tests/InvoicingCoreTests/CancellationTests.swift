import Testing

@testable import InvoicingCore

/// The cancellation of an invoice: every amount negated exactly, the FI document reversed line by line.
@Suite struct CancellationTests {
    typealias World = TestWorld

    static let date = World.date("2026-04-02")

    /// The mixed invoice (discount, surcharge, three tax codes) as the store would hold it.
    static func stored() throws -> InvoiceDraft {
        try World.run("NEWPRICE").singleDraft([InvoicingRunTaxTests.mixed])
            .numbered(invoiceNumber: "IN-1000-2026-000007", postingNumber: "FI-1000-2026-000007")
    }

    @Test func everyAmountIsNegatedAndInvoicePlusCancellationNetsToZero() throws {
        let original = try Self.stored()
        let cancellation = try Cancellation.draft(
            cancelling: original.invoice, posting: original.posting, on: Self.date)
        let invoice = cancellation.invoice
        #expect(invoice.kind == .cancellation)
        #expect(invoice.reference == "IN-1000-2026-000007")
        #expect(invoice.number == "" && invoice.postingNumber == "")
        #expect(invoice.invoiceDate == Self.date && invoice.dueDate == Self.date)
        #expect(invoice.lines.count == original.invoice.lines.count)
        for (line, reversed) in zip(original.invoice.lines, invoice.lines) {
            #expect(reversed.quantity == line.quantity.negated)
            #expect(reversed.unitPrice == line.unitPrice)
            #expect(try reversed.netAmount.adding(line.netAmount).isZero)
            #expect(try reversed.baseAmount.adding(line.baseAmount).isZero)
            #expect(reversed.conditions.map(\.amount) == line.conditions.map(\.amount.negated))
        }
        for (tax, reversed) in zip(original.invoice.taxes, invoice.taxes) {
            #expect(reversed.taxCode == tax.taxCode)
            #expect(reversed.taxAmount == tax.taxAmount.negated)
            #expect(reversed.taxableAmount == tax.taxableAmount.negated)
        }
        #expect(try invoice.grossTotal.adding(original.invoice.grossTotal).isZero)
        #expect(try invoice.netTotal.adding(invoice.taxTotal) == invoice.grossTotal)
        #expect(invoice.grossTotal == World.money("-291.83"))
    }

    @Test func theFIDocumentIsReversedLineByLineAndBalances() throws {
        let original = try Self.stored()
        let posting = try Cancellation.draft(cancelling: original.invoice, posting: original.posting, on: Self.date)
            .posting
        #expect(posting.lines.count == original.posting.lines.count)
        for (line, reversed) in zip(original.posting.lines, posting.lines) {
            #expect(reversed.number == line.number)
            #expect(reversed.glAccount == line.glAccount)
            #expect(reversed.side == line.side.opposite)
            #expect(reversed.amount == line.amount)
            #expect(reversed.taxCode == line.taxCode && reversed.accountKey == line.accountKey)
        }
        #expect(posting.balance == .zero(.eur))
        #expect(posting.postingDate == Self.date)
        // Debits of the original are credits of the reversal: per account they net to zero.
        var net: [String: Int64] = [:]
        for line in original.posting.lines + posting.lines {
            net[line.glAccount, default: 0] += line.side == .debit ? line.amount.minorUnits : -line.amount.minorUnits
        }
        #expect(net.values.allSatisfy { $0 == 0 })
    }

    @Test func aCancellationCannotBeCancelled() throws {
        let original = try Self.stored()
        var cancellation = try Cancellation.draft(
            cancelling: original.invoice, posting: original.posting, on: Self.date)
        cancellation = cancellation.numbered(invoiceNumber: "CN-1000-2026-000001", postingNumber: "FI-1000-2026-000008")
        #expect(
            throws: DocumentFlowError(
                .notCancellable, "CN-1000-2026-000001 is a cancellation; a cancellation cannot be cancelled"
            )
        ) {
            _ = try Cancellation.draft(cancelling: cancellation.invoice, posting: cancellation.posting, on: Self.date)
        }
    }

    @Test func refusals() throws {
        let original = try Self.stored()
        var simulated = original.invoice
        simulated.simulated = true
        #expect(throws: DocumentFlowError(.notCancellable, "IN-1000-2026-000007 is a simulation; it was never stored"))
        {
            _ = try Cancellation.draft(cancelling: simulated, posting: original.posting, on: Self.date)
        }
        var other = original.posting
        other.number = "FI-1000-2026-000001"
        #expect(
            throws: DocumentFlowError(
                .notCancellable, "FI document FI-1000-2026-000001 does not post IN-1000-2026-000007")
        ) {
            _ = try Cancellation.draft(cancelling: original.invoice, posting: other, on: Self.date)
        }
        #expect(throws: DocumentFlowError.self) {
            _ = try Cancellation.draft(
                cancelling: original.invoice, posting: original.posting, on: World.date("2026-03-30"))
        }
    }
}
