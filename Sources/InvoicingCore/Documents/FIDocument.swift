/// A financial-accounting document: balanced debit and credit lines on G/L accounts.
public struct FIDocument: Sendable, Codable, Hashable {
    /// The document number from the company code's gap-free FI number range.
    public var number: String
    /// The company code whose ledger the document posts to.
    public var companyCode: String
    /// The date the document posts in the ledger.
    public var postingDate: CalendarDate
    /// The date of the business transaction: the invoice date.
    public var documentDate: CalendarDate
    /// The invoice number it posts.
    public var reference: String
    /// The currency of every line amount.
    public var currency: Currency
    /// Held by a posting block: exists but waits for release.
    public var held: Bool
    /// The document's lines, numbered from 1.
    public var lines: [FILine]

    /// Creates an FI document from its fields, e.g. as a store reads it back.
    public init(
        number: String, companyCode: String, postingDate: CalendarDate, documentDate: CalendarDate,
        reference: String, currency: Currency, held: Bool, lines: [FILine]
    ) {
        self.number = number
        self.companyCode = companyCode
        self.postingDate = postingDate
        self.documentDate = documentDate
        self.reference = reference
        self.currency = currency
        self.held = held
        self.lines = lines
    }

    /// Debits minus credits; zero for every valid document.
    public var balance: Money {
        var total: Int64 = 0
        for line in lines { total += line.side == .debit ? line.amount.minorUnits : -line.amount.minorUnits }
        return Money(minorUnits: total, currency: currency)
    }
}

/// One line of an FI document; amounts are positive, the side says debit or credit.
public struct FILine: Sendable, Codable, Hashable {
    /// Which side of a G/L account a line posts to.
    public enum Side: String, Sendable, Codable, Hashable {
        case debit = "D"
        case credit = "C"

        /// The other side: credit for debit and debit for credit.
        public var opposite: Side { self == .debit ? .credit : .debit }
    }

    /// The line's position in the document, from 1.
    public var number: Int
    /// The G/L account the line posts to.
    public var glAccount: String
    /// Whether the line is a debit or a credit.
    public var side: Side
    /// The line's amount, never negative.
    public var amount: Money
    /// The account key that chose the G/L account, if account determination did.
    public var accountKey: AccountKey?
    /// The tax code of a tax line.
    public var taxCode: String?
    /// The contract account of a receivable line.
    public var contractAccount: String?
    /// The line text, e.g. `Revenue` or `Output tax`.
    public var text: String
    /// The rebate agreement a rebate accrual line accrues for.
    public var rebateAgreement: String? = nil
    /// The profit centre of a revenue, deduction or surcharge line (CO assignment), if the source gave one.
    public var profitCenter: String? = nil
    /// The cost centre of a revenue, deduction or surcharge line (CO assignment), if the source gave one.
    public var costCenter: String? = nil

    /// Creates an FI line from its fields, e.g. as a store reads it back.
    public init(
        number: Int, glAccount: String, side: Side, amount: Money, accountKey: AccountKey?, taxCode: String?,
        contractAccount: String?, text: String, rebateAgreement: String? = nil, profitCenter: String? = nil,
        costCenter: String? = nil
    ) {
        self.number = number
        self.glAccount = glAccount
        self.side = side
        self.amount = amount
        self.accountKey = accountKey
        self.taxCode = taxCode
        self.contractAccount = contractAccount
        self.text = text
        self.rebateAgreement = rebateAgreement
        self.profitCenter = profitCenter
        self.costCenter = costCenter
    }
}
