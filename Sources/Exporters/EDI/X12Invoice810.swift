public import InvoicingCore

/// ANSI ASC X12 810 Invoice, version 004010, for North American EDI partners.
///
/// The invoice goes through the same EN 16931 check and preparation as UBL and CII
/// (``EInvoiceDocument``): an invoice whose amount due is negative is written as a credit memo
/// (BIG07 `CR`) with positive amounts. The interchange is deterministic: ISA09/GS04 are the
/// invoice date, times 0000, control numbers from ``EDIControlNumber``.
///
/// Segments written: ISA, GS, ST, BIG (date, number, order), REF (delivery note, contract account),
/// CUR, N1 loops SE, BY and RI (remit to, with the IBAN in REF) with N3, N4 and REF VX (VAT number),
/// ITD (net due date and terms text), per line IT1 with PID, REF, TXI and SAC; then TDS, TXI per VAT
/// breakdown, CTT, SE, GE and IEA.
public enum X12Invoice810 {
    /// The interchange of `invoice` as text, after the EN 16931 check; throws the rule it breaks.
    public static func render(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> String {
        try interchange(invoice, check: check).text
    }

    /// The interchange of `invoice` with its ASCII bytes and the characters folded.
    public static func interchange(_ invoice: Invoice, check: EN16931Check) throws(EInvoiceError) -> EDIInterchange {
        let x12 = try render(try EInvoiceDocument(invoice, check: check))
        return EDIInterchange(
            text: x12.text, bytes: EDIRepertoire.ascii.encoded(x12.text), folded: EDIRepertoire.describe(x12.folds))
    }

    static func render(_ document: EInvoiceDocument) throws(EInvoiceError) -> X12Segments {
        let invoice = document.invoice
        let control = EDIControlNumber(invoiceNumber: invoice.number)
        let date = invoice.invoiceDate.description.filter { $0 != "-" }
        let sender = invoice.seller.vatID.isEmpty ? invoice.seller.id : invoice.seller.vatID
        let receiver = invoice.buyer.vatID.flatMap { $0.isEmpty ? nil : $0 } ?? invoice.buyer.id
        func n2(_ money: Money) throws(EInvoiceError) -> String {
            // TDS and SAC amounts are N2: cents with the decimal point implied.
            let scale = invoice.currency.minorUnits
            guard scale <= 2 else {
                throw EInvoiceError(
                    invoice: invoice.number, rule: "X12-N2",
                    message: "\(invoice.currency.code) has \(scale) decimals; X12 810 amounts carry two")
            }
            var cents = money.minorUnits
            for _ in scale..<2 { cents *= 10 }
            return String(cents)
        }
        var x12 = X12Segments()
        let header = [
            "00", x12.fixed("", 10), "00", x12.fixed("", 10), "ZZ", x12.fixed(sender, 15), "ZZ",
            x12.fixed(receiver, 15), String(date.dropFirst(2)), "0000", "U", "00401", control.nineDigits, "0", "P",
            String(X12Segments.componentSeparator),
        ]
        x12.header(header)
        x12.segment(
            "GS", "IN", String(sender.prefix(15)), String(receiver.prefix(15)), date, "0000", String(control.value),
            "X", "004010")
        x12.startCount()
        x12.segment("ST", "810", "0001")
        x12.segment(
            "BIG", date, invoice.number, "", document.orderReference ?? "", "", "", document.isCreditNote ? "CR" : "DI")
        x12.segment("CUR", "SE", invoice.currency.code)
        if let delivery = document.deliveryReference { x12.segment("REF", "PK", delivery) }
        if !invoice.buyer.id.isEmpty { x12.segment("REF", "IT", invoice.buyer.id) }
        party(&x12, "SE", id: invoice.seller.id, address: invoice.seller.address, vatID: invoice.seller.vatID)
        party(&x12, "BY", id: invoice.buyer.id, address: invoice.buyer.address, vatID: invoice.buyer.vatID ?? "")
        let bank = invoice.seller.bankAccount
        if !bank.iban.isEmpty {
            x12.segment("N1", "RI", invoice.seller.address.name)
            // REF02 holds 30 characters; a longer IBAN (up to 34) goes in REF03 with the BIC after it.
            if bank.iban.count <= 30 {
                x12.segment("REF", "11", bank.iban, bank.bic)
            } else {
                x12.segment("REF", "11", "", [bank.iban, bank.bic].filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
        x12.segment(
            "ITD", "01", "3", "", "", "", invoice.dueDate.description.filter { $0 != "-" }, "", "", "", "", "",
            String(invoice.paymentTerms.description.prefix(80)))
        for line in document.lines {
            x12.segment(
                "IT1", String(line.line.number), line.quantity.normalized.description, unit(line.line.unit),
                line.price.normalized.description, "", line.line.material.isEmpty ? "" : "VP", line.line.material)
            // The IT1 loop keeps TXI before PID, and REF and SAC after it.
            x12.segment(
                "TXI", "VA", "", rate(line.line.taxCategory, line.line.taxRate), "VD", line.line.taxCategory.rawValue)
            let name = line.line.description.isEmpty ? line.line.material : line.line.description
            x12.segment("PID", "F", "", "", "", String(name.prefix(80)))
            if let object = line.invoicedObject { x12.segment("REF", "VN", object) }
            for item in line.allowanceCharges {
                x12.segment(
                    "SAC", item.isCharge ? "C" : "A", "ZZZZ", "", "", try n2(item.amount),
                    item.percentage == nil ? "" : "3",
                    item.percentage.map { $0.rate.normalized.description } ?? "", "", "", "", "", "", "", "",
                    String(item.reason.prefix(80)))
            }
        }
        let totals = document.amounts.totals
        x12.segment("TDS", try n2(totals.payable), try n2(totals.taxExclusive))
        for group in document.amounts.vatBreakdown {
            x12.segment(
                "TXI", "VA", group.taxAmount.decimal.description, rate(group.category, group.rate), "VD",
                group.category.rawValue, "", "", group.taxableAmount.decimal.description)
        }
        x12.segment("CTT", String(document.lines.count))
        x12.segment("SE", String(x12.count + 1), "0001")
        x12.segment("GE", "1", String(control.value))
        x12.segment("IEA", "1", control.nineDigits)
        return x12
    }

    private static func party(_ x12: inout X12Segments, _ role: String, id: String, address: Address, vatID: String) {
        x12.segment("N1", role, String(address.name.prefix(60)), id.isEmpty ? "" : "91", id)
        if !address.street.isEmpty { x12.segment("N3", String(address.street.prefix(55))) }
        x12.segment("N4", String(address.city.prefix(30)), "", address.postalCode, address.country)
        if !vatID.isEmpty { x12.segment("REF", "VX", vatID) }
    }

    /// TXI03, the percent: none for category O.
    private static func rate(_ category: TaxCategory, _ rate: FixedDecimal) -> String {
        category == .outOfScope ? "" : rate.normalized.description
    }

    /// The X12 unit of measure (data element 355) for a UN/ECE Rec 20 code: the common ones
    /// mapped, two-character codes kept, anything else ZZ (mutually defined).
    public static func unit(_ code: String) -> String {
        let known: [String: String] = [
            "C62": "EA", "H87": "EA", "EA": "EA", "KWH": "KH", "HUR": "HR", "DAY": "DA", "MON": "MO", "KGM": "KG",
            "MTR": "MR", "LTR": "LT", "MIN": "MJ", "ANN": "YR", "WEE": "WK", "MTQ": "CR", "MTK": "SM", "TNE": "TN",
            "SET": "SE", "LS": "LS",
        ]
        if let mapped = known[code] { return mapped }
        return code.count == 2 ? code : "ZZ"
    }
}
