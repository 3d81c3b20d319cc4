extension InvoicingRun {
    /// Steps 4 and 6 for a unit with no advances to deduct; see ``invoice(_:advances:)``.
    public func invoice(_ unit: InvoicingUnit) -> UnitOutcome {
        invoice(unit, advances: [])
    }

    /// Steps 4 and 6: prices, taxes and posts one unit; numbers are left to the store (step 5).
    ///
    /// The number fields of the draft are empty; a simulation fills them with placeholders.
    /// `advances` are the stored advance and prepayment invoices not yet deducted: a final
    /// invoice deducts those of its account, currency and company code that bill one of its
    /// source documents' orders (see ``advancesCleared(by:from:)``).
    ///
    /// `references` are the stored invoices that the unit's memo requests correct, by number: a
    /// memo of goods a plant of another company code delivered for one of them gets an
    /// intercompany correction (see ``intercompanyDrafts(of:documents:held:reference:)``).
    public func invoice(
        _ unit: InvoicingUnit, advances: [Invoice], references: [String: Invoice] = [:]
    ) -> UnitOutcome {
        do {
            let draft = try makeDraft(unit, advances: advances, references: references)
            if unit.isActive(.minimumAmount),
                let minimum = configuration.types[unit.invoicingType]?.minimumAmounts[draft.invoice.currency],
                draft.invoice.grossTotal.magnitude < minimum.magnitude
            {
                // A small credit waits like a small debit: neither is worth a document of its own.
                return .postponed(reason: "total \(draft.invoice.grossTotal) is below the minimum amount \(minimum)")
            }
            return .invoiced(draft)
        } catch {
            return .failed(error)
        }
    }

    private func makeDraft(
        _ unit: InvoicingUnit, advances: [Invoice], references: [String: Invoice]
    ) throws(UnitFailure) -> InvoiceDraft {
        // swift-format-ignore: NeverForceUnwrap
        let first = unit.orders.first!.document  // a unit always has an order
        guard let account = masterData.accounts[unit.account] else {
            throw UnitFailure(.unknownAccount, "unknown contract account \(unit.account)", document: first.id)
        }
        guard let company = masterData.companyCodes[first.companyCode] else {
            throw UnitFailure(.unknownCompanyCode, "unknown company code \(first.companyCode)", document: first.id)
        }
        guard let type = configuration.types[unit.invoicingType] else {
            throw UnitFailure(.unknownInvoicingType, "unknown invoicing type \(unit.invoicingType)", document: first.id)
        }
        let termsID = first.paymentTerms ?? account.paymentTerms
        guard let terms = masterData.paymentTerms[termsID] else {
            throw UnitFailure(.unknownPaymentTerms, "unknown payment terms \(termsID)", document: first.id)
        }
        guard let dueDate = terms.dueDate(for: parameters.runDate) else {
            throw UnitFailure(
                .unknownPaymentTerms, "payment terms \(terms.id) put the due date past 9999-12-31", document: first.id)
        }
        let currency = first.currency
        let pricer = LinePricer(
            masterData: masterData, company: company, account: account, currency: currency,
            mode: type.pricingMode, rounding: configuration.rounding)
        // Items at cost (resource-related billing) keep their price whatever the type's mode.
        let costPricer = LinePricer(
            masterData: masterData, company: company, account: account, currency: currency, mode: .copyUnchanged,
            rounding: configuration.rounding)
        var lines: [InvoiceLine] = []
        for order in unit.orders {
            for item in order.document.items.sorted(by: { $0.number < $1.number }) {
                let (billable, atCost) = try billableItem(item, of: order.document)
                let lineNumber = (lines.count + 1) * 10
                // Either pricer in place: choosing one by `?:` copied it (and its master data) per line.
                if atCost {
                    lines.append(try costPricer.price(billable, of: order.document, lineNumber: lineNumber))
                } else {
                    lines.append(try pricer.price(billable, of: order.document, lineNumber: lineNumber))
                }
            }
        }
        do {
            let taxes = try taxSubtotals(of: lines, currency: currency)
            let net = try lines.map(\.netAmount).sum(in: currency)
            let tax = try taxes.map(\.taxAmount).sum(in: currency)
            var invoice = Invoice(
                number: "", kind: type.documentKind, runID: "", process: process.id, invoicingType: type.id,
                invoiceDate: parameters.runDate, dueDate: dueDate, seller: company,
                buyer: account, currency: currency, paymentTerms: terms, lines: lines, taxes: taxes, netTotal: net,
                taxTotal: tax, grossTotal: try net.adding(tax), postingNumber: "", simulated: parameters.simulate)
            // The memo as priced, before a credit memo is negated: its intercompany credit is priced so too.
            let unsigned = invoice
            switch first.category {
            case .creditMemoRequest:
                // Priced and taxed like an invoice, then negated: rounding is the same both ways,
                // and the posting builder puts negative amounts on the opposite sides.
                invoice.kind = .creditMemo
                invoice.reference = first.referenceInvoice
                invoice.negateAmounts()
            case .debitMemoRequest:
                invoice.kind = .debitMemo
                invoice.reference = first.referenceInvoice
            default:
                if invoice.kind == .invoice, let corrected = unit.orders.compactMap(\.corrects).min() {
                    // Billed again after its invoice was cancelled: a corrective invoice that names it.
                    invoice.kind = .corrective
                    invoice.reference = corrected
                }
            }
            if [.invoice, .corrective, .summary].contains(invoice.kind) {
                invoice.advanceClearings = try Self.advancesCleared(by: invoice, from: advances).map {
                    try AdvanceClearing(of: $0)
                }
                if !invoice.advanceClearings.isEmpty {
                    invoice.prepaidAmount = try invoice.advanceClearings.map(\.grossAmount).sum(in: currency)
                }
            }
            if [.invoice, .corrective, .summary].contains(invoice.kind) {
                invoice.installments = try installments(of: invoice, document: first.id)
            }
            let receivable = try pricer.glAccount(.receivable, material: nil) { code, message in
                UnitFailure(code, message, document: first.id)
            }
            guard invoice.kind != .proForma else {
                // Not posted: an FI document with no lines, which the store never keeps.
                let none = FIDocument(
                    number: "", companyCode: company.id, postingDate: invoice.invoiceDate,
                    documentDate: invoice.invoiceDate, reference: "", currency: currency, held: false, lines: [])
                return InvoiceDraft(invoice: invoice, posting: none)
            }
            let posting = PostingBuilder(
                invoice: invoice, receivableAccount: receivable, held: unit.isActive(.postingBlock)
            )
            .build()
            let documents = Dictionary(
                unit.orders.map { ($0.document.id, $0.document) }, uniquingKeysWith: { first, _ in first })
            // Intercompany invoices are made from the detailed lines, before a summary condenses them.
            var intercompany: [InvoiceDraft] = []
            if invoice.kind == .creditMemo || invoice.kind == .debitMemo {
                // A price difference leaves the goods where they were: the transfer price stands.
                if first.type != Self.priceDifferenceType {
                    var memo = unsigned
                    memo.kind = invoice.kind
                    intercompany = try intercompanyDrafts(
                        of: memo, documents: documents, held: unit.isActive(.postingBlock),
                        reference: invoice.reference.flatMap { references[$0] })
                }
            } else {
                intercompany = try intercompanyDrafts(
                    of: invoice, documents: documents, held: unit.isActive(.postingBlock))
            }
            if invoice.kind == .summary {
                // Posted from the detailed lines above; shown with one line per document and tax code.
                invoice.lines = try Self.summaryLines(of: invoice.lines, currency: currency)
            }
            var draft = InvoiceDraft(invoice: invoice, posting: posting)
            draft.intercompany = intercompany
            return draft
        } catch let failure as UnitFailure {
            throw failure
        } catch {
            throw UnitFailure(.arithmeticOverflow, "\(error)", document: first.id)
        }
    }

    /// Tax per tax code for the FI posting, consistent with the EN 16931 VAT breakdown.
    ///
    /// EN 16931 rounds VAT once per VAT category and rate, on the sum of the net line amounts
    /// (BR-CO-17); the posting keeps one line per tax code. Each code's tax is its base × rate,
    /// rounded; when several codes share a category and rate, the group's rounding difference
    /// (at most one minor unit per code) goes to the code with the largest base (first code id on
    /// a tie), so the codes add up to the group's tax exactly.
    func taxSubtotals(of lines: [InvoiceLine], currency: Currency) throws(UnitFailure) -> [TaxSubtotal] {
        do {
            // An invoice has a few tax codes: their bases are found by comparing codes along a
            // short list, without hashing a code twice per line or copying the lines.
            var bases: [(key: String, value: Money)] = []
            for index in lines.indices {
                let code = lines[index].taxCode
                if let position = bases.firstIndex(where: { $0.key == code }) {
                    bases[position].value = try bases[position].value.adding(lines[index].netAmount)
                } else {
                    bases.append((code, try Money.zero(currency).adding(lines[index].netAmount)))
                }
            }
            var subtotals: [TaxSubtotal] = []
            for (code, base) in bases.sorted(by: { $0.key < $1.key }) {
                // swift-format-ignore: NeverForceUnwrap
                let taxCode = masterData.taxCodes[code]!  // the pricer resolved every line's code
                subtotals.append(
                    TaxSubtotal(
                        taxCode: code, category: taxCode.category, rate: taxCode.rate, taxableAmount: base,
                        taxAmount: try base.percentage(taxCode.rate, rounding: configuration.rounding),
                        exemptionReason: taxCode.exemptionReason, glAccount: taxCode.glAccount,
                        exemptionReasonCode: taxCode.exemptionReasonCode))
            }
            return try Self.allocateGroupRounding(subtotals, currency: currency, rounding: configuration.rounding)
        } catch {
            throw UnitFailure(.arithmeticOverflow, error.description)
        }
    }

    /// Moves each VAT group's rounding difference to its code with the largest base.
    static func allocateGroupRounding(
        _ subtotals: [TaxSubtotal], currency: Currency, rounding: RoundingRule
    ) throws(ArithmeticError) -> [TaxSubtotal] {
        var result = subtotals
        let groups = Dictionary(grouping: result.indices) {
            VATBreakdown.Key(category: result[$0].category, rate: result[$0].rate)
        }
        for (key, indices) in groups where indices.count > 1 {
            let base = try indices.map { result[$0].taxableAmount }.sum(in: currency)
            let groupTax = try base.percentage(key.rate, rounding: rounding)
            let difference = try groupTax.subtracting(try indices.map { result[$0].taxAmount }.sum(in: currency))
            guard !difference.isZero else { continue }
            // swift-format-ignore: NeverForceUnwrap
            let largest = indices.max { a, b in
                let (left, right) = (result[a].taxableAmount.magnitude, result[b].taxableAmount.magnitude)
                return left != right ? left < right : result[a].taxCode > result[b].taxCode
            }!  // a group has at least two codes here
            result[largest].taxAmount = try result[largest].taxAmount.adding(difference)
        }
        return result
    }
}
