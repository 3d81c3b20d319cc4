public import InvoicingCore

extension Invoice.Kind {
    /// The kind an e-invoice's type code (BT-3) stands for, as the writers use the codes: 326
    /// partial invoice an advance, 386 a prepayment, 384 a corrective invoice; any other code an
    /// invoice (a credit note is told by its root element or code 381, and negated apart).
    public init(eInvoiceTypeCode code: String?) {
        switch code {
        case "326": self = .advance
        case "386": self = .prepayment
        case "384": self = .corrective
        default: self = .invoice
        }
    }
}
