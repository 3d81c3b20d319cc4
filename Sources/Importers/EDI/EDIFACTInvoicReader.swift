internal import InvoicingCore

/// Reads a UN/EDIFACT INVOIC D.96A interchange, as ``EDIFACTInvoic`` writes it (EANCOM style),
/// into the canonical ``Invoice``: what InvoiceRun writes comes back whole.
///
/// Read: BGM (number, 380/381), DTM 137 and 13, FTX AAB, RFF ON/DQ/API, NAD SE/BY with RFF VA
/// and XA, FII RB, CUX, per LIN the PIA, IMD, QTY 47, MOA 203, PRI, RFF AAK, TAX and ALC with PCD
/// and MOA 204/23; after UNS the totals (MOA 79, 125, 176, 77, 113, 9) and TAX with MOA 125/124
/// per VAT breakdown. Document-level allowances and charges come as totals only (MOA 260/259),
/// which the model cannot split into its items: such an interchange is refused.
struct EDIFACTInvoicReader: EDIMessageReader {
    let segments: [EDISegment]
    let fileName: String

    static func date(_ text: String) -> CalendarDate? {
        guard text.count == 8, text.allSatisfy(\.isNumber) else { return nil }
        let digits = Array(text)
        return CalendarDate(
            iso: String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8]))
    }

    func read() throws(ImportDiagnostic) -> EInvoiceReading {
        guard let bgm = segments.first(where: { $0.tag == "BGM" }) else { throw problem(nil, "no BGM segment") }
        guard segments.contains(where: { $0.tag == "UNH" && $0[2] == "INVOIC" }) else {
            throw problem(segments.first, "not an INVOIC message")
        }
        let credit = bgm[1] == "381"
        guard let cux = segments.first(where: { $0.tag == "CUX" }), let currency = Currency(code: cux[1, 2]) else {
            throw problem(bgm, "no currency (CUX)")
        }
        let sign: (Money) -> Money = { credit ? $0.negated : $0 }
        var issued: CalendarDate?
        var due: CalendarDate?
        var terms: [String] = []
        var order: String?
        var delivery: String?
        var buyerID = ""
        var parties: [String: (id: String, address: Address, vat: String?, registration: String?)] = [:]
        var party: String?
        var iban = ""
        var bic = ""
        var lines: [InvoiceLine] = []
        var afterSummary = false
        var totals: [String: Money] = [:]
        var taxes: [TaxSubtotal] = []
        var tax: (category: TaxCategory, rate: FixedDecimal)?
        var taxableAmount: Money?
        var pendingCondition: (isCharge: Bool, reason: String, percent: FixedDecimal?)?

        func category(_ segment: EDISegment) throws(ImportDiagnostic) -> (TaxCategory, FixedDecimal) {
            guard let category = TaxCategory(rawValue: segment[6]) else {
                throw problem(segment, "VAT category '\(segment[6])' is not supported (\(TaxCategory.codeList))")
            }
            return (category, segment[5, 4].isEmpty ? .zero : try decimal(segment[5, 4], segment))
        }

        for segment in segments {
            switch (segment.tag, afterSummary) {
            case ("DTM", _):
                switch segment[1] {
                case "137": issued = Self.date(segment[1, 2])
                case "13": due = Self.date(segment[1, 2])
                default: break
                }
            case ("FTX", _) where segment[1] == "AAB": terms = segment.elements.count >= 4 ? segment.elements[3] : []
            case ("RFF", _):
                let value = segment[1, 2]
                switch segment[1] {
                case "ON": order = value
                case "DQ": delivery = value
                case "API": buyerID = value
                case "VA": if let party { parties[party]?.vat = value }
                case "XA": if let party { parties[party]?.registration = value }
                case "AAK":
                    guard !lines.isEmpty else { break }
                    let (document, item) = UBLDocumentReader.invoicedObject(value)
                    lines[lines.count - 1].sourceDocument = document
                    lines[lines.count - 1].sourceItem = item
                default: break
                }
            case ("NAD", _):
                party = segment[1]
                let name = segment.elements.count >= 4 ? segment.elements[3].joined() : ""
                let street = segment.elements.count >= 5 ? segment.elements[4].joined() : ""
                parties[segment[1]] = (
                    segment[2],
                    Address(name: name, street: street, postalCode: segment[8], city: segment[6], country: segment[9]),
                    nil, nil
                )
            case ("FII", _) where segment[1] == "RB":
                iban = segment[2]
                bic = segment[3]
            case ("LIN", false):
                party = nil
                lines.append(
                    InvoiceLine(
                        number: Int(segment[1]) ?? lines.count + 1, sourceDocument: "", sourceItem: 0,
                        referenceOrder: order, referenceDelivery: delivery, material: "", description: "",
                        quantity: .zero, unit: "C62", unitPrice: .zero, priceUnit: .one, priceSource: .document,
                        baseAmount: .zero(currency), conditions: [], netAmount: .zero(currency), taxCode: "",
                        taxCategory: .standard, taxRate: .zero, revenueAccount: ""))
            case ("PIA", false) where !lines.isEmpty: lines[lines.count - 1].material = segment[2]
            case ("IMD", false) where !lines.isEmpty:
                lines[lines.count - 1].description =
                    segment.elements.count >= 3 ? segment.elements[2].dropFirst(3).joined() : ""
            case ("QTY", false) where !lines.isEmpty:
                var quantity = try decimal(segment[1, 2], segment)
                if credit { quantity = quantity.negated }
                lines[lines.count - 1].quantity = quantity
                if !segment[1, 3].isEmpty { lines[lines.count - 1].unit = segment[1, 3] }
            case ("MOA", false) where !lines.isEmpty:
                let amount = sign(try money(segment[1, 2], currency, segment))
                if segment[1] == "203" {
                    lines[lines.count - 1].netAmount = amount
                    lines[lines.count - 1].baseAmount = amount
                } else if let pending = pendingCondition, ["204", "23"].contains(segment[1]) {
                    let signed = pending.isCharge ? amount : amount.negated
                    do {
                        lines[lines.count - 1].baseAmount = try lines[lines.count - 1].baseAmount.subtracting(signed)
                    } catch {
                        throw problem(segment, "\(error)")
                    }
                    lines[lines.count - 1].conditions.append(
                        UBLDocumentReader.condition(
                            reason: pending.reason, isCharge: pending.isCharge != credit, amount: signed,
                            percent: pending.percent, base: nil))
                    pendingCondition = nil
                }
            case ("PRI", false) where !lines.isEmpty:
                lines[lines.count - 1].unitPrice = try decimal(segment[1, 2], segment)
                if !segment[1, 5].isEmpty { lines[lines.count - 1].priceUnit = try decimal(segment[1, 5], segment) }
            case ("TAX", false) where !lines.isEmpty:
                let (category, rate) = try category(segment)
                lines[lines.count - 1].taxCategory = category
                lines[lines.count - 1].taxRate = rate
                lines[lines.count - 1].taxCode = UBLDocumentReader.taxCode(category, rate)
            case ("ALC", false):
                pendingCondition = (segment[1] == "C", segment[5, 4], nil)
            case ("PCD", false) where segment[1] == "3":
                pendingCondition?.percent = try decimal(segment[1, 2], segment)
            case ("UNS", _):
                afterSummary = true
            case ("MOA", true):
                let amount = sign(try money(segment[1, 2], currency, segment))
                if tax != nil, segment[1] == "125" {
                    taxableAmount = amount
                } else if let current = tax, let taxable = taxableAmount, segment[1] == "124" {
                    taxes.append(
                        TaxSubtotal(
                            taxCode: UBLDocumentReader.taxCode(current.category, current.rate),
                            category: current.category, rate: current.rate, taxableAmount: taxable, taxAmount: amount,
                            exemptionReason: nil, glAccount: ""))
                    tax = nil
                    taxableAmount = nil
                } else if tax == nil {
                    totals[segment[1]] = amount
                }
            case ("TAX", true):
                tax = try category(segment)
            default: break
            }
        }
        guard let issued else { throw problem(bgm, "no issue date (DTM 137)") }
        let dueDate = due ?? issued
        guard let seller = parties["SE"], let buyer = parties["BY"] else {
            throw problem(bgm, "no seller (NAD SE) or buyer (NAD BY)")
        }
        for code in ["260", "259"] where totals[code] != nil {
            throw problem(
                segments.last { $0.tag == "MOA" && $0[1] == code },
                "document-level allowances and charges come as totals only (MOA \(code)); the model needs each one")
        }
        // EANCOM writes the totals without and with VAT as 125 and 77; the EN 16931 binding of
        // INVOIC (D14B, EN 16931-3-4) as 389 and 388.
        guard let netTotal = totals["79"], let gross = totals["77"] ?? totals["388"],
            let taxExclusive = totals["125"] ?? totals["389"], let payable = totals["9"]
        else { throw problem(bgm, "the totals after UNS need MOA 79, 125 or 389, 77 or 388, and 9") }
        let invoice = Invoice(
            number: bgm[2], kind: .invoice, runID: "", process: "", invoicingType: "", invoiceDate: issued,
            dueDate: dueDate,
            seller: CompanyCode(
                id: seller.id, address: seller.address, currency: currency, vatID: seller.vat ?? "",
                bankAccount: BankAccount(iban: iban, bic: bic, bankName: ""), chartOfAccounts: "",
                salesOrganisation: "",
                legalRegistration: seller.registration.map { PartyIdentifier(identifier: $0) }),
            buyer: ContractAccount(
                id: buyerID.isEmpty ? buyer.id : buyerID, companyCode: "", address: buyer.address, vatID: buyer.vat,
                language: "en", currency: currency, paymentTerms: "", invoicingCategory: "", taxClassification: "",
                accountAssignmentGroup: ""),
            currency: currency,
            paymentTerms: PaymentTerms(
                id: "", description: terms.joined(), netDays: dueDate.daysSinceEpoch - issued.daysSinceEpoch),
            lines: lines, taxes: taxes.sorted { $0.taxCode < $1.taxCode }, netTotal: netTotal,
            taxTotal: totals["176"] ?? .zero(currency), grossTotal: gross, postingNumber: "", simulated: false,
            prepaidAmount: totals["113"], reference: nil)
        try EDITotals.verify(invoice, taxExclusive: taxExclusive, payable: payable, at: problem(bgm, ""))
        return EInvoiceReading(format: .edifact, invoice: invoice, notCarried: [])
    }
}

/// The totals an EDI interchange states that the canonical invoice derives, checked when reading.
enum EDITotals {
    static func verify(
        _ invoice: Invoice, taxExclusive: Money, payable: Money, at place: ImportDiagnostic
    ) throws(ImportDiagnostic) {
        var diagnostic = place
        let amounts: EN16931Amounts
        do {
            amounts = try EN16931Amounts(invoice)
        } catch {
            diagnostic.message = "\(error)"
            throw diagnostic
        }
        if amounts.totals.taxExclusive != taxExclusive {
            diagnostic.message =
                "BR-CO-13: the total without VAT is \(taxExclusive), but the amounts give \(amounts.totals.taxExclusive)"
            throw diagnostic
        }
        if amounts.totals.payable != payable {
            diagnostic.message =
                "BR-CO-16: the amount due is \(payable), but the amounts give \(amounts.totals.payable)"
            throw diagnostic
        }
    }
}
