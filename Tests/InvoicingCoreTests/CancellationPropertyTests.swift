import Testing

@testable import InvoicingCore

/// Over the random worlds (`RandomWorld`): every invoice and its cancellation net to zero, line by
/// line, per tax code and per G/L account, and every reversal balances.
@Suite struct CancellationPropertyTests {
    @Test("Invoice plus cancellation nets to zero everywhere, and the reversal balances")
    func invoiceAndCancellationNetToZero() throws {
        var checked = 0
        for seed in PropertyTests.seeds.prefix(10) {
            let world = RandomWorld(seed: seed)
            for process in RandomWorld.processes {
                let run = try world.run(process)
                for unit in run.group(run.select(world.orders)) {
                    guard case .invoiced(let draft) = run.invoice(unit) else { continue }
                    try Self.check(draft, "seed \(seed) process \(process) unit \(unit.index)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    static func check(_ draft: InvoiceDraft, _ context: String) throws {
        let original = draft.numbered(invoiceNumber: "IN-1", postingNumber: "FI-1")
        let cancellation = try Cancellation.draft(
            cancelling: original.invoice, posting: original.posting, on: CalendarDate(year: 9999, month: 12, day: 31)!)
        for (line, reversed) in zip(original.invoice.lines, cancellation.invoice.lines) {
            #expect(line.netAmount.minorUnits + reversed.netAmount.minorUnits == 0, "\(context)")
        }
        for (tax, reversed) in zip(original.invoice.taxes, cancellation.invoice.taxes) {
            #expect(tax.taxAmount.minorUnits + reversed.taxAmount.minorUnits == 0, "\(context)")
        }
        #expect(
            original.invoice.grossTotal.minorUnits + cancellation.invoice.grossTotal.minorUnits == 0, "\(context)")
        #expect(cancellation.posting.balance.isZero, "\(context)")
        var perAccount: [String: Int64] = [:]
        for line in original.posting.lines + cancellation.posting.lines {
            perAccount[line.glAccount, default: 0] +=
                line.side == .debit ? line.amount.minorUnits : -line.amount.minorUnits
        }
        #expect(perAccount.values.allSatisfy { $0 == 0 }, "\(context)")
    }
}
