import InvoicingCore

/// What a run did, counted as its units are decided: the figures of the summary, the watcher's
/// log and the store's run record, without holding the units.
struct RunTally {
    /// Orders selected and accounts that qualified, over all of the run's account ranges.
    var selectedOrders = 0
    var accounts = 0
    /// Orders left open, per reason (the reason's text).
    var skipped: [String: Int] = [:]
    /// Units decided, and of them invoiced (pro formas included).
    var units = 0
    var invoiced = 0
    /// Numbers of the invoices (not pro formas) and of the intercompany invoices, per range.
    var invoiceNumbers = NumberRanges()
    var intercompanyNumbers = NumberRanges()
    /// Net, tax and gross per currency of the numbered invoices, nil once a sum overflowed.
    var totals: [Currency: CurrencyTotals] = [:]
    /// Pro formas made: bill nothing, take no number.
    var proFormas: [String] = []
    /// Units postponed or failed, with why.
    var postponed: [(index: Int, account: String, reason: String)] = []
    var failed: [(index: Int, account: String, reason: String)] = []

    /// Sums of one currency's invoices.
    struct CurrencyTotals {
        var net: Money?
        var tax: Money?
        var gross: Money?
        var invoices = 0

        init(_ currency: Currency) {
            (net, tax, gross) = (.zero(currency), .zero(currency), .zero(currency))
        }
    }

    /// Counts a selection of one account range.
    mutating func count(_ selection: Selection) {
        selectedOrders += selection.orders.count
        accounts += selection.accounts.count
        for order in selection.skipped { skipped[order.reason.rawValue, default: 0] += 1 }
    }

    /// Counts one unit's outcome.
    mutating func count(_ result: UnitResult) {
        units += 1
        switch result.outcome {
        case .invoiced(let draft):
            invoiced += 1
            let invoice = draft.invoice
            guard invoice.kind != .proForma else {
                proFormas.append(invoice.number)
                return
            }
            invoiceNumbers.add(invoice.number)
            for internalDraft in draft.intercompany { intercompanyNumbers.add(internalDraft.invoice.number) }
            var sums = totals[invoice.currency] ?? CurrencyTotals(invoice.currency)
            sums.net = try? sums.net?.adding(invoice.netTotal)
            sums.tax = try? sums.tax?.adding(invoice.taxTotal)
            sums.gross = try? sums.gross?.adding(invoice.grossTotal)
            sums.invoices += 1
            totals[invoice.currency] = sums
        case .postponed(let reason):
            postponed.append((result.unit.index, result.unit.account, reason))
        case .failed(let reason):
            failed.append((result.unit.index, result.unit.account, reason))
        }
    }
}

/// Document numbers seen one after another, kept per number range as first, last and count:
/// `IN-1000-2026-000001 … 000012 (12)`.
struct NumberRanges {
    private var ranges: [(prefix: String, first: String, last: String, count: Int)] = []

    var isEmpty: Bool { ranges.isEmpty }

    /// Adds `number` to its range (its text before the last `-`).
    mutating func add(_ number: String) {
        let prefix = String(number[..<(number.lastIndex(of: "-") ?? number.startIndex)])
        // A run uses few ranges, and the range just used is the likeliest.
        if let index = ranges.lastIndex(where: { $0.prefix == prefix }) {
            ranges[index].last = number
            ranges[index].count += 1
        } else {
            ranges.append((prefix, number, number, 1))
        }
    }

    /// Each range in order of first use: its first number, `…`, the last number's sequence and
    /// the count; a range of one number shows just it.
    var description: String {
        ranges.map { range in
            range.count == 1
                ? range.first
                : "\(range.first) … \(range.last.split(separator: "-").last ?? "") (\(range.count))"
        }.joined(separator: ", ")
    }
}
