/// An invoice list: a payer's invoices (or its credit memos, in a list of their own) collected on
/// a list date and sent together, with their total.
public struct InvoiceList: Sendable, Codable, Hashable {
    /// Whether a list holds invoices or credit memos; the two never share a list.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Invoices (and debit memos): a total the payer owes.
        case invoices = "INVOICES"
        /// Credit memos and invoices with a negative total: a total the payer is owed.
        case credits = "CREDITS"
    }

    /// Gap-free number, `IL-COMPANY-YEAR-NNNNNN`; empty until the store assigns one.
    public var number: String
    /// Invoices or credits.
    public var kind: Kind
    /// The list date, from the payer's calendar.
    public var listDate: CalendarDate
    /// When the list total is due: the payment terms of its first document, from the list date.
    public var dueDate: CalendarDate
    /// The company code of every document on the list.
    public var companyCode: String
    /// The payer.
    public var account: String
    /// The currency of every document on the list.
    public var currency: Currency
    /// The numbers of the documents on the list, in invoice date and number order.
    public var documents: [String]
    /// The sum of the documents' net totals.
    public var netTotal: Money
    /// The sum of the documents' tax totals.
    public var taxTotal: Money
    /// The sum of the documents' gross totals: the list total.
    public var grossTotal: Money
    /// The factoring discount on the list total, in percent, when one was agreed.
    public var discountPercent: FixedDecimal?
    /// The factoring discount: the list total × percent ÷ 100, rounded once.
    public var discount: Money?
    /// The FI document that posts the discount.
    public var discountPosting: String?

    /// Creates a list from its fields.
    public init(
        number: String, kind: Kind, listDate: CalendarDate, dueDate: CalendarDate, companyCode: String,
        account: String, currency: Currency, documents: [String], netTotal: Money, taxTotal: Money, grossTotal: Money
    ) {
        self.number = number
        self.kind = kind
        self.listDate = listDate
        self.dueDate = dueDate
        self.companyCode = companyCode
        self.account = account
        self.currency = currency
        self.documents = documents
        self.netTotal = netTotal
        self.taxTotal = taxTotal
        self.grossTotal = grossTotal
    }
}

extension InvoiceList {
    /// Whether `invoice` belongs on a credit list: a credit memo, or any document whose total is negative.
    public static func isCredit(_ invoice: Invoice) -> Bool {
        invoice.kind.rawValue == "CREDIT_MEMO" || invoice.grossTotal.isNegative
    }

    /// The unnumbered lists of `invoices` on `listDate`: one per company code, payer, currency and
    /// kind (invoices apart from credits), each with its documents dated on or before the list
    /// date, in invoice date and number order. Simulated documents are never listed.
    public static func collect(_ invoices: [Invoice], listDate: CalendarDate) throws(ArithmeticError) -> [InvoiceList] {
        struct Key: Hashable, Comparable {
            var companyCode: String
            var account: String
            var currency: String
            var kind: Kind
            static func < (lhs: Key, rhs: Key) -> Bool {
                (lhs.companyCode, lhs.account, lhs.currency, lhs.kind.rawValue)
                    < (rhs.companyCode, rhs.account, rhs.currency, rhs.kind.rawValue)
            }
        }
        var groups: [Key: [Invoice]] = [:]
        for invoice in invoices where invoice.invoiceDate <= listDate && !invoice.simulated {
            let key = Key(
                companyCode: invoice.seller.id, account: invoice.buyer.id, currency: invoice.currency.code,
                kind: isCredit(invoice) ? .credits : .invoices)
            groups[key, default: []].append(invoice)
        }
        var lists: [InvoiceList] = []
        for key in groups.keys.sorted() {
            // swift-format-ignore: NeverForceUnwrap
            let documents = groups[key]!.sorted { ($0.invoiceDate, $0.number) < ($1.invoiceDate, $1.number) }
            let first = documents[0]
            lists.append(
                InvoiceList(
                    number: "", kind: key.kind, listDate: listDate,
                    dueDate: first.paymentTerms.dueDate(for: listDate) ?? listDate, companyCode: key.companyCode,
                    account: key.account, currency: first.currency, documents: documents.map(\.number),
                    netTotal: try documents.map(\.netTotal).sum(in: first.currency),
                    taxTotal: try documents.map(\.taxTotal).sum(in: first.currency),
                    grossTotal: try documents.map(\.grossTotal).sum(in: first.currency)))
        }
        return lists
    }
}
