/// Kinds of number ranges; each company code has one range per kind and year.
public enum NumberRangeKind: String, Sendable, Hashable, CaseIterable {
    case invoice = "IN"
    case posting = "FI"
    /// Cancellations, numbered apart from the invoices they cancel.
    case cancellation = "CN"
    /// Credit memos.
    case creditMemo = "CM"
    /// Debit memos.
    case debitMemo = "DM"
    /// Intercompany invoices, numbered by the delivering company code.
    case intercompany = "IC"

    /// The range that numbers documents of `kind`.
    public init(documentKind kind: Invoice.Kind) {
        switch kind {
        // Advance, prepayment, corrective and summary invoices are invoices: one gap-free range.
        // A pro forma takes no number from any range; the store never draws one for it.
        case .invoice, .advance, .prepayment, .corrective, .summary, .proForma: self = .invoice
        case .cancellation: self = .cancellation
        case .creditMemo: self = .creditMemo
        case .debitMemo: self = .debitMemo
        case .intercompany: self = .intercompany
        }
    }

    /// The printed number for a sequence value, e.g. `IN-1000-2026-000042`.
    public func number(companyCode: String, year: Int, sequence: Int64) -> String {
        let digits = String(sequence)
        return "\(rawValue)-\(companyCode)-\(year)-"
            + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
