public import InvoicingCore

/// An invoice prepared for an EN 16931 syntax (UBL, CII): checked, signed as the document type
/// wants it, and with the parties' electronic addresses resolved. Both writers start from here,
/// so they carry the same business terms with the same amounts.
///
/// An invoice whose amount due is negative becomes a credit note (type 381) with every amount
/// and quantity negated, because EN 16931 credit notes state positive amounts for a credit.
public struct EInvoiceDocument: Sendable {
    /// The PEPPOL BIS Billing 3.0 specification identifier (BT-24).
    public static let customizationID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    /// The PEPPOL BIS Billing 3.0 business process (BT-23).
    public static let profileID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

    /// One line as written: quantity and amounts signed for the document type, price positive.
    public struct Line: Sendable {
        /// The invoice line as the run made it.
        public var line: InvoiceLine
        /// The invoiced quantity (BT-129), signed so that quantity × price has the line's sign.
        public var quantity: FixedDecimal
        /// The item net price (BT-146), never negative (BR-27).
        public var price: FixedDecimal
        /// The line allowances and charges: the run's discounts and surcharges.
        public var allowanceCharges: [AllowanceCharge]
        /// The line net amount (BT-131).
        public var netAmount: Money

        /// The invoiced object (BT-128): `DOCUMENT/ITEM` of the source item billed; nil when unknown.
        public var invoicedObject: String? {
            switch (line.sourceDocument.isEmpty, line.sourceItem) {
            case (true, _): return nil
            case (false, 0): return line.sourceDocument
            default: return "\(line.sourceDocument)/\(line.sourceItem)"
            }
        }
    }

    /// A line allowance (BG-27) or charge (BG-28).
    public struct AllowanceCharge: Sendable {
        /// True for a charge, false for an allowance.
        public var isCharge: Bool
        /// The amount, positive.
        public var amount: Money
        /// The reason text, e.g. the condition id and kind.
        public var reason: String
        /// The percentage and its base amount, for percentage conditions.
        public var percentage: (rate: FixedDecimal, base: Money)?
    }

    /// The invoice as the run made it.
    public let invoice: Invoice
    /// Whether the document is a credit note (381) rather than an invoice (380).
    public let isCreditNote: Bool
    /// The amounts written, checked against EN 16931 and signed for the document type.
    public let amounts: EN16931Amounts
    /// The lines written.
    public let lines: [Line]
    /// The seller's electronic address (BT-34): the company code's, or its VAT number.
    public let sellerAddress: ElectronicAddress?
    /// The buyer's electronic address (BT-49), from the account or its VAT number.
    public let buyerAddress: ElectronicAddress?

    /// Checks `invoice` with `check` and prepares it; throws the rule it breaks.
    public init(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) {
        // The amounts the check computed, not a second computation of the same.
        let checked: EN16931Amounts
        do {
            checked = try check.validatedAmounts(of: invoice)
        } catch {
            throw EInvoiceError(invoice: invoice.number, rule: error.rule, message: error.message)
        }
        self.invoice = invoice
        let credit = invoice.grossTotal.isNegative
        isCreditNote = credit
        let sign: Int64 = credit ? -1 : 1
        func signed(_ money: Money) -> Money { credit ? money.negated : money }
        amounts = credit ? checked.negated : checked
        lines = invoice.lines.map { line in
            let priceSign: Int64 = line.unitPrice.isNegative ? -1 : 1
            let quantitySign = sign * priceSign
            let base = signed(line.baseAmount)
            return Line(
                line: line,
                quantity: quantitySign < 0 ? line.quantity.negated : line.quantity,
                price: priceSign < 0 ? line.unitPrice.negated : line.unitPrice,
                allowanceCharges: line.conditions.map { condition in
                    let amount = signed(condition.amount)
                    // The percentage goes with its base only when the two give the amount exactly
                    // (PEPPOL-EN16931-R040): a read condition keeps the base it came with; the
                    // run's percentages are of the line's base amount.
                    var percentage: (FixedDecimal, Money)?
                    if condition.calculation == .percent {
                        if let stated = condition.baseAmount {
                            percentage = (condition.value, stated.magnitude)
                        } else if (try? base.magnitude.percentage(condition.value, rounding: check.rounding))
                            == amount.magnitude
                        {
                            percentage = (condition.value, base.magnitude)
                        }
                    }
                    let isCharge = amount.isZero ? (condition.kind == .surcharge) != credit : !amount.isNegative
                    return AllowanceCharge(
                        isCharge: isCharge, amount: amount.magnitude,
                        reason: "\(condition.kind.rawValue) \(condition.conditionID)", percentage: percentage)
                },
                netAmount: signed(line.netAmount))
        }
        sellerAddress = invoice.seller.electronicAddress ?? ElectronicAddress(vatID: invoice.seller.vatID)
        buyerAddress = invoice.buyer.electronicAddress ?? invoice.buyer.vatID.flatMap(ElectronicAddress.init(vatID:))
    }

    /// The document type code (BT-3): 381 credit note; else 326 partial invoice for an advance
    /// invoice (German rules, DE-R-017, warn on 386 there), 386 prepayment invoice, 384 corrected
    /// invoice for a corrective invoice, 380 commercial invoice.
    public var typeCode: String {
        if isCreditNote { return "381" }
        switch invoice.kind {
        case .advance: return "326"
        case .prepayment: return "386"
        case .corrective: return "384"
        default: return "380"
        }
    }

    /// The order all lines refer to (BT-13), when they refer to exactly one.
    public var orderReference: String? { single { $0.referenceOrder } }

    /// The delivery all lines refer to (BT-16), when they refer to exactly one.
    public var deliveryReference: String? { single { $0.referenceDelivery } }

    /// The value `field` has on every line, when all lines have the same one (nil without lines).
    private func single(_ field: (InvoiceLine) -> String?) -> String? {
        guard let first = invoice.lines.first else { return nil }
        let value = field(first)
        return invoice.lines.allSatisfy { field($0) == value } ? value : nil
    }

    /// The remittance information (BT-83): the invoice number, which the payer quotes.
    public var paymentReference: String { invoice.number }

    /// The payment means code (BT-81): 58 SEPA credit transfer for euro IBANs, 30 credit transfer
    /// otherwise (credit notes too: the seller's account stays on them, as partners' credit notes
    /// carry it); 1 (instrument not defined) when the seller has no IBAN, as a read invoice may.
    public var paymentMeansCode: String {
        if invoice.seller.bankAccount.iban.isEmpty { return "1" }  // instrument not defined: no account to name
        return invoice.currency == .eur
            && Self.sepaCountries.contains(String(invoice.seller.bankAccount.iban.prefix(2)))
            ? "58" : "30"
    }

    /// The countries of the SEPA scheme, by the first two letters of their IBANs; made once.
    private static let sepaCountries: Set<String> = [
        "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
        "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM",
    ]
}
