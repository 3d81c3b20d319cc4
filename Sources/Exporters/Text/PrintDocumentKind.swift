public import InvoicingCore

/// What a printed document is; it picks the layout (`Templates/NAME.mustache`) and the fixed texts.
///
/// The raw values match `Invoice.Kind`'s, so a kind the core adds later (credit memo, debit memo,
/// cancellation) prints with its own layout without a change here.
public enum PrintDocumentKind: String, Sendable, Hashable, CaseIterable {
    /// An invoice: the buyer pays the total.
    case invoice = "INVOICE"
    /// A credit memo: the seller owes the buyer the total.
    case creditMemo = "CREDIT_MEMO"
    /// A debit memo: a further amount the buyer owes.
    case debitMemo = "DEBIT_MEMO"
    /// A cancellation: reverses an invoice with opposite signs.
    case cancellation = "CANCELLATION"
    /// A preliminary (pro forma) invoice, from a simulation or of a pro forma invoicing type: no
    /// number from a range, no posting, not payable.
    case preliminaryInvoice = "PRELIMINARY"
    /// An advance invoice: part of an order's price billed before delivery.
    case advanceInvoice = "ADVANCE"
    /// A prepayment invoice: the whole price billed before delivery.
    case prepaymentInvoice = "PREPAYMENT"
    /// A corrective invoice: bills again what a cancelled invoice billed.
    case correctiveInvoice = "CORRECTIVE"
    /// A summary invoice: one line per delivery and tax code.
    case summaryInvoice = "SUMMARY"
    /// An invoice list: a payer's invoices (or credit memos) collected into one document.
    case invoiceList = "INVOICE_LIST"
    /// An installment schedule: one invoice's total due in installments, each with its due date.
    case installmentSchedule = "INSTALLMENT_SCHEDULE"

    /// The kinds that print one invoice-like document (`InvoicePrintModelBuilder`); the others
    /// collect or schedule documents and have builders of their own.
    public static let documents: [PrintDocumentKind] = [
        .invoice, .creditMemo, .debitMemo, .cancellation, .preliminaryInvoice, .advanceInvoice, .prepaymentInvoice,
        .correctiveInvoice, .summaryInvoice,
    ]

    /// The kind of `invoice` as printed: a simulated document is preliminary whatever its kind.
    public init(_ invoice: Invoice) {
        if invoice.simulated || invoice.kind == .proForma {
            self = .preliminaryInvoice
        } else if invoice.kind == .intercompany && invoice.grossTotal.minorUnits < 0 {
            // An intercompany credit (of a credit memo): the delivering company code owes it back.
            self = .creditMemo
        } else if let kind = PrintDocumentKind(rawValue: invoice.kind.rawValue), Self.documents.contains(kind) {
            self = kind
        } else {
            self = .invoice
        }
    }

    /// The name of the template that lays this kind out.
    public var templateName: String {
        switch self {
        case .invoice: "invoice"
        case .creditMemo: "creditmemo"
        case .debitMemo: "debitmemo"
        case .cancellation: "cancellation"
        case .preliminaryInvoice: "preliminary"
        case .advanceInvoice: "advance"
        case .prepaymentInvoice: "prepayment"
        case .correctiveInvoice: "corrective"
        case .summaryInvoice: "summary"
        case .invoiceList: "invoicelist"
        case .installmentSchedule: "installments"
        }
    }

    /// Whether the buyer pays the total of a document of this kind by its due date.
    public var isPayable: Bool {
        [.invoice, .debitMemo, .advanceInvoice, .prepaymentInvoice, .correctiveInvoice, .summaryInvoice].contains(self)
    }

    /// The prefix of this kind's own fixed texts (`creditMemo.title`), which override the general ones.
    var textKey: String {
        switch self {
        case .invoice: "invoice"
        case .creditMemo: "creditMemo"
        case .debitMemo: "debitMemo"
        case .cancellation: "cancellation"
        case .preliminaryInvoice: "preliminary"
        case .advanceInvoice: "advance"
        case .prepaymentInvoice: "prepayment"
        case .correctiveInvoice: "corrective"
        case .summaryInvoice: "summary"
        case .invoiceList: "invoiceList"
        case .installmentSchedule: "installments"
        }
    }
}
