import Foundation
import InvoiceStore
import InvoicingCore

/// A store's invoices looked up by what they are (an account's invoice of a kind, the invoice of
/// some orders in a run log) rather than by number, and the numbers its ranges give next, so
/// that a test keeps its meaning when a change to the samples moves the numbers.
struct StoredInvoices {
    /// A lookup that did not find exactly one invoice.
    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    let summaries: [InvoiceStore.InvoiceSummary]
    /// The last number of each number range (`IN-1000-2026`, `FI-1000-2026`, …).
    let ranges: [String: Int64]

    /// The invoices stored in `store`, a path in `tool`'s folder.
    init(_ tool: CommandLineTool, store: String = "s.sqlite") throws {
        let store = try InvoiceStore(path: tool.url(store).path)
        summaries = try store.invoiceSummaries()
        ranges = try store.numberRanges()
    }

    /// The number of the one invoice of `kind` for `account`.
    func number(_ kind: Invoice.Kind, account: String) throws -> String {
        let matches = summaries.filter { $0.kind == kind && $0.account == account }
        guard matches.count == 1 else {
            throw NotFound(description: "\(matches.count) invoices of kind \(kind.rawValue) for \(account)")
        }
        return matches[0].number
    }

    /// The `position`th number `range` (e.g. `FI-1000-2026`) gives after the last one stored:
    /// what the next documents made there are numbered, whatever the samples made before.
    func next(in range: String, _ position: Int64 = 1) -> String {
        let sequence = String((ranges[range] ?? 0) + position)
        return range + "-" + String(repeating: "0", count: max(0, 6 - sequence.count)) + sequence
    }

    /// `number` padded as the `invoices` command lists it: to the longest number stored.
    func listed(_ number: String) -> String {
        let width = summaries.map(\.number.count).max() ?? 0
        return number + String(repeating: " ", count: max(0, width - number.count))
    }

    /// The number a run log gives to the unit of `orders` (as the log names them, e.g.
    /// `VBRK-90004720(items 10 20)`): its line `orders …: invoiced NUMBER …`.
    static func number(invoicing orders: String, inLog log: String) throws -> String {
        try numbers(invoicing: orders, inLog: log).invoice
    }

    /// The invoice and FI document numbers a run log gives to the unit of `orders`: its line
    /// `orders …: invoiced NUMBER posting NUMBER …`.
    static func numbers(invoicing orders: String, inLog log: String) throws -> (invoice: String, posting: String) {
        let marker = "orders \(orders): invoiced "
        guard let range = log.range(of: marker) else {
            throw NotFound(description: "no unit of orders \(orders) invoiced in the log")
        }
        let words = log[range.upperBound...].prefix { $0 != "\n" }.split(separator: " ")
        guard words.count >= 3, words[1] == "posting" else {
            throw NotFound(description: "the unit of orders \(orders) has no posting in the log")
        }
        return (String(words[0]), String(words[2]))
    }
}
