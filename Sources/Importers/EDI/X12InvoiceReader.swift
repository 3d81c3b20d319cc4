internal import InvoicingCore

/// Reads an ANSI X12 810 (004010) interchange, as ``X12Invoice810`` writes it, into the canonical
/// ``Invoice``.
///
/// Read: BIG (date, number, order, `CR`), CUR, REF PK/IT, N1 SE/BY with N3, N4 and REF VX, N1 RI
/// with REF 11 (IBAN and BIC), ITD (due date, terms), per IT1 the TXI, PID, REF VN and SAC; TDS and
/// TXI per VAT breakdown. The 810 has no line net amount: it is quantity × price plus charges less
/// allowances, rounded half-up to the currency. Units come back from the X12 codes the writer
/// maps to (EA → C62, KH → KWH, …). Prepaid and rounding amounts and document-level allowances
/// are not in the 810, so the amount due must be the total with VAT.
struct X12InvoiceReader: EDIMessageReader {
    let segments: [EDISegment]
    let fileName: String

    /// An N2 amount: cents with the decimal point implied.
    private func cents(_ text: String, _ currency: Currency, _ segment: EDISegment) throws(ImportDiagnostic) -> Money {
        guard let value = Int64(text), currency.minorUnits <= 2 else {
            throw problem(segment, "'\(text)' is not an amount in cents of \(currency.code)")
        }
        var minor = value
        for _ in currency.minorUnits..<2 { minor /= 10 }
        return Money(minorUnits: minor, currency: currency)
    }

    /// The UN/ECE Rec 20 code of an X12 unit, the inverse of ``X12Invoice810/unit(_:)``'s table.
    static let units: [String: String] = [
        "EA": "C62", "KH": "KWH", "HR": "HUR", "DA": "DAY", "MO": "MON", "KG": "KGM", "MR": "MTR", "LT": "LTR",
        "MJ": "MIN", "YR": "ANN", "WK": "WEE", "CR": "MTQ", "SM": "MTK", "TN": "TNE", "SE": "SET", "LS": "LS",
    ]

    func read() throws(ImportDiagnostic) -> EInvoiceReading {
        guard segments.contains(where: { $0.tag == "ST" && $0[1] == "810" }),
            let big = segments.first(where: { $0.tag == "BIG" })
        else { throw problem(segments.first, "not an X12 810 invoice (ST 810 and BIG)") }
        let credit = big[7] == "CR"
        guard let cur = segments.first(where: { $0.tag == "CUR" }), let currency = Currency(code: cur[2]) else {
            throw problem(big, "no currency (CUR)")
        }
        let sign: (Money) -> Money = { credit ? $0.negated : $0 }
        guard let issued = EDIFACTInvoicReader.date(big[1]) else { throw problem(big, "'\(big[1])' is not a date") }
        var due = issued
        var terms = ""
        var delivery: String?
        var buyerID = ""
        var parties: [String: (id: String, address: Address, vat: String?)] = [:]
        var party: String?
        var iban = ""
        var bic = ""
        var lines: [InvoiceLine] = []
        var afterSummary = false
        var taxes: [TaxSubtotal] = []
        var payable: Money?
        var taxExclusive: Money?
        var unmatched: [String] = []

        func category(_ segment: EDISegment) throws(ImportDiagnostic) -> (TaxCategory, FixedDecimal) {
            guard let category = TaxCategory(rawValue: segment[5]) else {
                throw problem(segment, "VAT category '\(segment[5])' is not supported (\(TaxCategory.codeList))")
            }
            return (category, segment[3].isEmpty ? .zero : try decimal(segment[3], segment))
        }
        func finishLine() throws(ImportDiagnostic) {
            guard !lines.isEmpty else { return }
            var line = lines[lines.count - 1]
            let product: Money
            do {
                product = try Money.extended(
                    quantity: line.quantity, unitPrice: line.unitPrice, currency: currency, rounding: .halfUp)
            } catch {
                throw problem(nil, "line \(line.number): \(error)")
            }
            line.baseAmount = product
            do {
                line.netAmount = try line.conditions.map(\.amount).reduce(product) { try $0.adding($1) }
            } catch {
                throw problem(nil, "line \(line.number): \(error)")
            }
            lines[lines.count - 1] = line
        }

        for segment in segments {
            switch (segment.tag, afterSummary) {
            case ("REF", _):
                switch segment[1] {
                case "PK": delivery = segment[2]
                case "IT": buyerID = segment[2]
                case "VX": if let party { parties[party]?.vat = segment[2] }
                case "11":
                    if segment[2].isEmpty {
                        let parts = segment[3].split(separator: " ").map(String.init)
                        iban = parts.first ?? ""
                        bic = parts.count > 1 ? parts[1] : ""
                    } else {
                        iban = segment[2]
                        bic = segment[3]
                    }
                case "VN":
                    guard !lines.isEmpty else { break }
                    let (document, item) = UBLDocumentReader.invoicedObject(segment[2])
                    lines[lines.count - 1].sourceDocument = document
                    lines[lines.count - 1].sourceItem = item
                default: break
                }
            case ("N1", _):
                party = segment[1]
                if segment[1] != "RI" {
                    parties[segment[1]] = (
                        segment[4], Address(name: segment[2], street: "", postalCode: "", city: "", country: ""), nil
                    )
                }
            case ("N3", _): if let party { parties[party]?.address.street = segment[1] }
            case ("N4", _):
                if let party {
                    parties[party]?.address.city = segment[1]
                    parties[party]?.address.postalCode = segment[3]
                    parties[party]?.address.country = segment[4]
                }
            case ("ITD", _):
                due = EDIFACTInvoicReader.date(segment[6]) ?? issued
                terms = segment[12]
            case ("IT1", false):
                try finishLine()
                party = nil
                var quantity = try decimal(segment[2], segment)
                if credit { quantity = quantity.negated }
                let unit = Self.units[segment[3]] ?? segment[3]
                if Self.units[segment[3]] == nil { unmatched.append(segment[3]) }
                lines.append(
                    InvoiceLine(
                        number: Int(segment[1]) ?? lines.count + 1, sourceDocument: "", sourceItem: 0,
                        referenceOrder: big[4].isEmpty ? nil : big[4], referenceDelivery: delivery,
                        material: segment[6] == "VP" ? segment[7] : "", description: "", quantity: quantity,
                        unit: unit, unitPrice: try decimal(segment[4], segment), priceUnit: .one,
                        priceSource: .document, baseAmount: .zero(currency), conditions: [],
                        netAmount: .zero(currency), taxCode: "", taxCategory: .standard, taxRate: .zero,
                        revenueAccount: ""))
            case ("TXI", false) where !lines.isEmpty:
                let (category, rate) = try category(segment)
                lines[lines.count - 1].taxCategory = category
                lines[lines.count - 1].taxRate = rate
                lines[lines.count - 1].taxCode = UBLDocumentReader.taxCode(category, rate)
            case ("PID", false) where !lines.isEmpty: lines[lines.count - 1].description = segment[5]
            case ("SAC", false) where !lines.isEmpty:
                let isCharge = segment[1] == "C"
                let written = sign(try cents(segment[5], currency, segment))
                let amount = isCharge ? written : written.negated
                lines[lines.count - 1].conditions.append(
                    UBLDocumentReader.condition(
                        reason: segment[15], isCharge: isCharge != credit, amount: amount,
                        percent: segment[7].isEmpty ? nil : try decimal(segment[7], segment), base: nil))
            case ("TDS", _):
                try finishLine()
                afterSummary = true
                payable = sign(try cents(segment[1], currency, segment))
                taxExclusive = sign(try cents(segment[2], currency, segment))
            case ("TXI", true):
                let (category, rate) = try category(segment)
                taxes.append(
                    TaxSubtotal(
                        taxCode: UBLDocumentReader.taxCode(category, rate), category: category, rate: rate,
                        taxableAmount: sign(try money(segment[8], currency, segment)),
                        taxAmount: sign(try money(segment[2], currency, segment)), exemptionReason: nil,
                        glAccount: ""))
            default: break
            }
        }
        guard let seller = parties["SE"], let buyer = parties["BY"] else {
            throw problem(big, "no seller (N1 SE) or buyer (N1 BY)")
        }
        guard let payable, let taxExclusive else { throw problem(big, "no totals (TDS)") }
        let netTotal: Money
        let taxTotal: Money
        let gross: Money
        do {
            netTotal = try lines.map(\.netAmount).sum(in: currency)
            taxTotal = try taxes.map(\.taxAmount).sum(in: currency)
            gross = try netTotal.adding(taxTotal)
        } catch {
            throw problem(big, "\(error)")
        }
        let invoice = Invoice(
            number: big[2], kind: .invoice, runID: "", process: "", invoicingType: "", invoiceDate: issued,
            dueDate: due,
            seller: CompanyCode(
                id: seller.id, address: seller.address, currency: currency, vatID: seller.vat ?? "",
                bankAccount: BankAccount(iban: iban, bic: bic, bankName: ""), chartOfAccounts: "",
                salesOrganisation: ""),
            buyer: ContractAccount(
                id: buyerID.isEmpty ? buyer.id : buyerID, companyCode: "", address: buyer.address, vatID: buyer.vat,
                language: "en", currency: currency, paymentTerms: "", invoicingCategory: "", taxClassification: "",
                accountAssignmentGroup: ""),
            currency: currency,
            paymentTerms: PaymentTerms(id: "", description: terms, netDays: due.daysSinceEpoch - issued.daysSinceEpoch),
            lines: lines, taxes: taxes.sorted { $0.taxCode < $1.taxCode }, netTotal: netTotal, taxTotal: taxTotal,
            grossTotal: gross, postingNumber: "", simulated: false)
        try EDITotals.verify(invoice, taxExclusive: taxExclusive, payable: payable, at: problem(big, ""))
        var notCarried: [String] = []
        if !unmatched.isEmpty {
            notCarried.append(
                "units kept as X12 codes, not UN/ECE Rec 20: \(Set(unmatched).sorted().joined(separator: ", "))")
        }
        return EInvoiceReading(format: .x12, invoice: invoice, notCarried: notCarried)
    }
}
