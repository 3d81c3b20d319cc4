/// A settlement of a rebate agreement, as stored: a credit memo to the recipient.
public struct RebateSettlement: Sendable, Codable, Hashable {
    /// Partial (on account) or final (closes the agreement).
    public enum Kind: String, Sendable, Codable, Hashable {
        case partial = "PARTIAL"
        case final = "FINAL"
    }

    /// The agreement settled.
    public var agreement: String
    /// The settlement's number within the agreement, from 1.
    public var sequence: Int
    /// Partial or final.
    public var kind: Kind
    /// The settlement date: the credit memo's date.
    public var date: CalendarDate
    /// The rebate amount settled (net, before tax); negative when a final settlement takes back
    /// more than was earned.
    public var amount: Money
    /// The accrued liability the settlement reversed.
    public var accrualReversed: Money
    /// The credit (or debit) memo that settles it.
    public var document: String

    /// Creates a settlement from its fields.
    public init(
        agreement: String, sequence: Int, kind: Kind, date: CalendarDate, amount: Money, accrualReversed: Money,
        document: String
    ) {
        self.agreement = agreement
        self.sequence = sequence
        self.kind = kind
        self.date = date
        self.amount = amount
        self.accrualReversed = accrualReversed
        self.document = document
    }
}
