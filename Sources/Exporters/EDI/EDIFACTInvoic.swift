public import InvoicingCore

/// UN/EDIFACT INVOIC D.96A in the EANCOM style (message `INVOIC:D:96A:UN:EAN008`), for EDI partners.
///
/// The invoice goes through the same EN 16931 check and preparation as UBL and CII
/// (``EInvoiceDocument``): an invoice whose amount due is negative is written as a credit note
/// (BGM 381) with positive amounts. The interchange is deterministic: dates come from the invoice
/// date, control references from ``EDIControlNumber``.
///
/// Segments written: UNA, UNB, UNH, BGM, DTM (issue date), FTX (payment terms text), RFF (order,
/// delivery note, the contract account as the buyer's reference), NAD SE and BY each with RFF VA
/// (VAT number) and the seller's RFF XA (legal registration), FII (IBAN and BIC), CUX, PAT with DTM (due date), per line LIN, PIA, IMD, QTY,
/// MOA 203, PRI, TAX, ALC with MOA; then UNS, CNT, the totals in MOA, TAX with MOA per VAT
/// breakdown, UNT and UNZ.
public enum EDIFACTInvoic {
    /// The message identifier of UNH: INVOIC, directory D.96A, EANCOM subset version 008.
    public static let messageIdentifier = ["INVOIC", "D", "96A", "UN", "EAN008"]

    /// The interchange of `invoice` as text, after the EN 16931 check; throws the rule it breaks.
    public static func render(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> String {
        try interchange(invoice, check: check).text
    }

    /// The interchange of `invoice` with its ISO 8859-1 bytes and the characters folded.
    public static func interchange(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> EDIInterchange {
        let edi = render(try EInvoiceDocument(invoice, check: check))
        return EDIInterchange(
            text: edi.text, bytes: EDIRepertoire.latin1.encoded(edi.text), folded: EDIRepertoire.describe(edi.folds))
    }

    static func render(_ document: EInvoiceDocument) -> EDIFACTSegments {
        let invoice = document.invoice
        let amounts = document.amounts
        let control = EDIControlNumber(invoiceNumber: invoice.number).nineDigits
        let date = invoice.invoiceDate.description.filter { $0 != "-" }
        var edi = EDIFACTSegments()
        edi.raw(EDIFACTSegments.serviceStringAdvice)
        edi.segment(
            "UNB", ["UNOC", "3"], partyID(invoice.seller.vatID, fallback: invoice.seller.id),
            partyID(invoice.buyer.vatID ?? "", fallback: invoice.buyer.id), [String(date.dropFirst(2)), "0000"],
            [control])
        edi.startCount()
        edi.segment("UNH", ["1"], messageIdentifier)
        edi.segment("BGM", [document.typeCode], [invoice.number], ["9"])
        edi.segment("DTM", ["137", date, "102"])
        if !invoice.paymentTerms.description.isEmpty {
            edi.segment("FTX", ["AAB"], [], [], chunks(invoice.paymentTerms.description, of: 70, max: 5))
        }
        if let order = document.orderReference { edi.segment("RFF", ["ON", order]) }
        if let delivery = document.deliveryReference { edi.segment("RFF", ["DQ", delivery]) }
        if !invoice.buyer.id.isEmpty { edi.segment("RFF", ["API", invoice.buyer.id]) }
        party(&edi, "SE", id: invoice.seller.id, address: invoice.seller.address)
        let bank = invoice.seller.bankAccount
        if !bank.iban.isEmpty {
            // SG2 keeps NAD, FII and then RFF in this order.
            edi.segment(
                "FII", ["RB"], [bank.iban, invoice.seller.address.name], bank.bic.isEmpty ? [] : [bank.bic, "25", "17"])
        }
        if !invoice.seller.vatID.isEmpty { edi.segment("RFF", ["VA", invoice.seller.vatID]) }
        if let registration = invoice.seller.legalRegistration {
            edi.segment("RFF", ["XA", registration.identifier])  // company registration number (BT-30)
        }
        party(&edi, "BY", id: invoice.buyer.id, address: invoice.buyer.address)
        if let vatID = invoice.buyer.vatID, !vatID.isEmpty { edi.segment("RFF", ["VA", vatID]) }
        edi.segment("CUX", ["2", invoice.currency.code, "4"])
        edi.segment("PAT", ["1"])
        edi.segment("DTM", ["13", invoice.dueDate.description.filter { $0 != "-" }, "102"])
        for line in document.lines {
            edi.segment("LIN", [String(line.line.number)])
            if !line.line.material.isEmpty { edi.segment("PIA", ["5"], [line.line.material, "SA"]) }
            let name = line.line.description.isEmpty ? line.line.material : line.line.description
            edi.segment("IMD", ["F"], [], ["", "", ""] + chunks(name, of: 35, max: 2))
            edi.segment("QTY", ["47", line.quantity.normalized.description, line.line.unit])
            edi.segment("MOA", ["203", line.netAmount.decimal.description])
            // The gross price (AAB) when allowances or charges follow, the net price (AAA) otherwise.
            let basis =
                line.line.priceUnit == .one ? [] : ["", "", line.line.priceUnit.normalized.description, line.line.unit]
            edi.segment(
                "PRI", [line.allowanceCharges.isEmpty ? "AAA" : "AAB", line.price.normalized.description] + basis)
            if let object = line.invoicedObject { edi.segment("RFF", ["AAK", object]) }
            edi.segment(
                "TAX", ["7"], ["VAT"], [], [], rate(line.line.taxCategory, line.line.taxRate),
                [line.line.taxCategory.rawValue])
            for item in line.allowanceCharges {
                edi.segment("ALC", [item.isCharge ? "C" : "A"], [], [], [], ["", "", "", item.reason])
                if let percentage = item.percentage {
                    edi.segment("PCD", ["3", percentage.rate.normalized.description])
                }
                edi.segment("MOA", [item.isCharge ? "23" : "204", item.amount.decimal.description])
            }
        }
        edi.segment("UNS", ["S"])
        edi.segment("CNT", ["2", String(document.lines.count)])
        let totals = amounts.totals
        edi.segment("MOA", ["79", totals.lineNetTotal.decimal.description])
        if !totals.allowanceTotal.isZero { edi.segment("MOA", ["260", totals.allowanceTotal.decimal.description]) }
        if !totals.chargeTotal.isZero { edi.segment("MOA", ["259", totals.chargeTotal.decimal.description]) }
        edi.segment("MOA", ["125", totals.taxExclusive.decimal.description])
        edi.segment("MOA", ["176", totals.taxTotal.decimal.description])
        edi.segment("MOA", ["77", totals.taxInclusive.decimal.description])
        if !totals.prepaid.isZero { edi.segment("MOA", ["113", totals.prepaid.decimal.description]) }
        edi.segment("MOA", ["9", totals.payable.decimal.description])
        for group in amounts.vatBreakdown {
            edi.segment("TAX", ["7"], ["VAT"], [], [], rate(group.category, group.rate), [group.category.rawValue])
            edi.segment("MOA", ["125", group.taxableAmount.decimal.description])
            edi.segment("MOA", ["124", group.taxAmount.decimal.description])
        }
        edi.segment("UNT", [String(edi.count + 1)], ["1"])
        edi.segment("UNZ", ["1"], [control])
        return edi
    }

    /// UNB party identification: the VAT number, else the internal id, as mutually defined (ZZZ).
    private static func partyID(_ vatID: String, fallback: String) -> [String] {
        [String((vatID.isEmpty ? fallback : vatID).prefix(35)), "ZZZ"]
    }

    private static func party(_ edi: inout EDIFACTSegments, _ role: String, id: String, address: Address) {
        edi.segment(
            "NAD", [role], id.isEmpty ? [] : [id, "", "91"], [],
            // Party name (C080) and street (C059) are 35-character components, five and four of them.
            chunks(address.name, of: 35, max: 5), chunks(address.street, of: 35, max: 4), [address.city], [],
            [address.postalCode], [address.country])
    }

    /// TAX C243: the rate in 5278, except for category O, which has none.
    private static func rate(_ category: TaxCategory, _ rate: FixedDecimal) -> [String] {
        category == .outOfScope ? [] : ["", "", "", rate.normalized.description]
    }

    private static func chunks(_ text: String, of size: Int, max: Int) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty, result.count < max {
            result.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return result
    }
}
