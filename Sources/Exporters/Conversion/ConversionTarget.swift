public import InvoicingCore

/// A format `invoicerun convert` writes, and which business terms of the canonical model it
/// carries: what a target cannot carry is reported, never dropped silently.
public enum ConversionTarget: String, Sendable, Hashable, CaseIterable {
    case ubl, cii, edifact, x12
    case canonicalXML = "canonical-xml"
    case csv, text

    /// A business term of the canonical model: whether an invoice holds it, and the targets that carry it.
    struct Term: Sendable {
        var name: String
        var isPresent: @Sendable (Invoice) -> Bool
        var carriedBy: Set<ConversionTarget>
    }

    /// The terms `invoice` holds that this target does not carry (or carries only in part, said so),
    /// in the order of ``terms``, each as `NAME in TARGET`.
    public func notCarried(_ invoice: Invoice) -> [String] {
        var found = Self.terms.filter { !$0.carriedBy.contains(self) && $0.isPresent(invoice) }.map(\.name)
        if self == .x12 && invoice.paymentTerms.description.count > 80 {
            found.append("payment terms text (BT-20) beyond 80 characters")
        }
        if self == .edifact && !invoice.documentAllowanceCharges.isEmpty {
            found.append("document-level allowances and charges (BG-20, BG-21) one by one: only their totals")
        }
        return found.map { "\($0) in \(rawValue)" }
    }

    /// Every optional term of the model with the targets that carry it; the rest (number, dates,
    /// currency, lines with quantity, price, net amount and VAT, the VAT breakdown and totals)
    /// every target carries.
    static let terms: [Term] = [
        Term(
            name: "seller and buyer names and addresses (BT-27, BG-5, BT-44, BG-8)", isPresent: { _ in true },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .text]),
        Term(
            name: "seller VAT identifier (BT-31)", isPresent: { !$0.seller.vatID.isEmpty },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .text]),
        Term(
            name: "buyer VAT identifier (BT-48)", isPresent: { !($0.buyer.vatID ?? "").isEmpty },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .text]),
        Term(
            name: "seller identifier (BT-29)", isPresent: { $0.seller.identifier != nil },
            carriedBy: [.ubl, .cii, .canonicalXML]),
        Term(
            name: "seller legal registration (BT-30)", isPresent: { $0.seller.legalRegistration != nil },
            carriedBy: [.ubl, .cii, .edifact, .canonicalXML]),
        Term(
            name: "seller contact (BG-6)", isPresent: { $0.seller.contact != nil }, carriedBy: [.ubl, .cii]),
        Term(
            name: "electronic addresses (BT-34, BT-49)",
            isPresent: { $0.seller.electronicAddress != nil || $0.buyer.electronicAddress != nil },
            carriedBy: [.ubl, .cii]),
        Term(
            name: "IBAN and BIC (BT-84, BT-86)", isPresent: { !$0.seller.bankAccount.iban.isEmpty },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .text]),
        Term(
            name: "payment terms text (BT-20)", isPresent: { !$0.paymentTerms.description.isEmpty },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .text]),
        Term(
            name: "preceding invoice (BG-3)", isPresent: { $0.reference != nil },
            carriedBy: [.ubl, .cii, .canonicalXML]),
        Term(
            name: "order and delivery references (BT-13, BT-16)",
            isPresent: { $0.lines.contains { $0.referenceOrder != nil || $0.referenceDelivery != nil } },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML]),
        Term(
            name: "invoiced object (BT-128)", isPresent: { $0.lines.contains { !$0.sourceDocument.isEmpty } },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .csv]),
        Term(
            name: "line allowances and charges (BG-27, BG-28)",
            isPresent: { $0.lines.contains { !$0.conditions.isEmpty } },
            carriedBy: [.ubl, .cii, .edifact, .x12, .canonicalXML, .text]),
        Term(
            name: "base amounts of line allowance and charge percentages (BT-137, BT-142)",
            isPresent: { $0.lines.contains { $0.conditions.contains { $0.baseAmount != nil } } },
            carriedBy: [.ubl, .cii]),
        Term(
            name: "base quantity (BT-149)", isPresent: { $0.lines.contains { $0.priceUnit != .one } },
            carriedBy: [.ubl, .cii, .edifact, .canonicalXML, .csv, .text]),
        Term(
            name: "line net amount (BT-131)", isPresent: { _ in true },
            carriedBy: [.ubl, .cii, .edifact, .canonicalXML, .csv, .text]),
        Term(
            name: "document-level allowances and charges (BG-20, BG-21)",
            isPresent: { !$0.documentAllowanceCharges.isEmpty }, carriedBy: [.ubl, .cii, .edifact, .canonicalXML]),
        Term(
            name: "prepaid amount (BT-113)", isPresent: { $0.prepaidAmount != nil },
            carriedBy: [.ubl, .cii, .edifact, .canonicalXML]),
        Term(
            name: "rounding amount (BT-114)", isPresent: { $0.roundingAmount != nil },
            carriedBy: [.ubl, .cii, .canonicalXML]),
        Term(
            name: "VAT exemption reason text (BT-120)", isPresent: { $0.taxes.contains { $0.exemptionReason != nil } },
            carriedBy: [.ubl, .cii, .canonicalXML, .text]),
        Term(
            name: "VAT exemption reason code (BT-121)",
            isPresent: { $0.taxes.contains { $0.exemptionReasonCode != nil } }, carriedBy: [.ubl, .cii, .canonicalXML]
        ),
    ]
}
