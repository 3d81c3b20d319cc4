/// A financial-accounting document: balanced debit and credit lines on G/L accounts.
public struct FIDocument: Sendable, Codable, Hashable {
    public var number: String
    public var companyCode: String
    public var postingDate: CalendarDate
    public var documentDate: CalendarDate
    /// The invoice number it posts.
    public var reference: String
    public var currency: Currency
    /// Held by a posting block: exists but waits for release.
    public var held: Bool
    public var lines: [FILine]

    /// Debits minus credits; zero for every valid document.
    public var balance: Money {
        var total: Int64 = 0
        for line in lines { total += line.side == .debit ? line.amount.minorUnits : -line.amount.minorUnits }
        return Money(minorUnits: total, currency: currency)
    }
}

/// One line of an FI document; amounts are positive, the side says debit or credit.
public struct FILine: Sendable, Codable, Hashable {
    public enum Side: String, Sendable, Codable, Hashable {
        case debit = "D"
        case credit = "C"

        public var opposite: Side { self == .debit ? .credit : .debit }
    }

    public var number: Int
    public var glAccount: String
    public var side: Side
    public var amount: Money
    public var accountKey: AccountKey?
    public var taxCode: String?
    /// The contract account of a receivable line.
    public var contractAccount: String?
    public var text: String
}
