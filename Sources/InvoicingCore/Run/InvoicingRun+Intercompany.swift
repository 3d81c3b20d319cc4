extension InvoicingRun {
    /// The request type of a credit memo request for a price difference (no goods returned).
    public static let priceDifferenceType = "PRICE_DIFFERENCE"

    /// The internal invoices of a customer invoice: one per company code whose plants delivered
    /// lines of it, when that is not the seller, from the delivering company code to the selling
    /// one at the transfer price, each with its two FI documents.
    ///
    /// For a credit or debit memo (`invoice` priced, not yet negated) they are its intercompany
    /// corrections: the memo's quantities at the transfer price, an intercompany credit (every
    /// amount negated, posted on the opposite sides in both company codes) for a credit memo. A
    /// memo line without a plant takes the plant of the `reference` invoice's first line of the
    /// same material, since the goods came from there.
    func intercompanyDrafts(
        of invoice: Invoice, documents: [String: SourceDocument], held: Bool, reference: Invoice? = nil
    ) throws(UnitFailure) -> [InvoiceDraft] {
        let memo = invoice.kind == .creditMemo || invoice.kind == .debitMemo
        guard [.invoice, .corrective, .summary].contains(invoice.kind) || memo else { return [] }
        var linesByCompany: [String: [InvoiceLine]] = [:]
        for var line in invoice.lines {
            if memo, line.plant == nil {
                line.plant = reference?.lines.first { $0.material == line.material && $0.plant != nil }?.plant
            }
            guard let plantID = line.plant else { continue }
            guard let plant = configuration.plants[plantID] else {
                throw UnitFailure(
                    .unknownPlant, "unknown plant \(plantID)", document: line.sourceDocument, item: line.sourceItem)
            }
            if plant.companyCode != invoice.seller.id { linesByCompany[plant.companyCode, default: []].append(line) }
        }
        var drafts: [InvoiceDraft] = []
        for code in linesByCompany.keys.sorted() {
            // swift-format-ignore: NeverForceUnwrap
            let lines = linesByCompany[code]!  // a key of the dictionary
            drafts.append(
                try intercompanyDraft(from: code, lines: lines, of: invoice, documents: documents, held: held))
        }
        return drafts
    }

    private func intercompanyDraft(
        from deliveringCode: String, lines customerLines: [InvoiceLine], of invoice: Invoice,
        documents: [String: SourceDocument], held: Bool
    ) throws(UnitFailure) -> InvoiceDraft {
        let first = customerLines[0]
        func fail(_ code: UnitFailure.Code, _ message: String) -> UnitFailure {
            UnitFailure(code, message, document: first.sourceDocument, item: first.sourceItem)
        }
        let selling = invoice.seller
        guard
            let agreement = configuration.intercompany.first(where: {
                $0.deliveringCompanyCode == deliveringCode && $0.sellingCompanyCode == selling.id
            })
        else {
            throw fail(
                .missingIntercompanyAgreement,
                "plant \(first.plant ?? "") of company code \(deliveringCode) delivers for company code \(selling.id), "
                    + "and no intercompany agreement names the two")
        }
        guard let company = masterData.companyCodes[deliveringCode] else {
            throw fail(.unknownCompanyCode, "unknown company code \(deliveringCode)")
        }
        guard let account = masterData.accounts[agreement.internalAccount] else {
            throw fail(.unknownAccount, "unknown internal contract account \(agreement.internalAccount)")
        }
        guard let terms = masterData.paymentTerms[account.paymentTerms],
            let dueDate = terms.dueDate(for: parameters.runDate)
        else {
            throw fail(.unknownPaymentTerms, "unknown payment terms \(account.paymentTerms)")
        }
        // The transfer price is a document price (kept, no conditions) or, without a percentage,
        // the internal account's own price conditions.
        let pricer = LinePricer(
            masterData: masterData, company: company, account: account, currency: invoice.currency,
            mode: .copyUnchanged, rounding: configuration.rounding)
        var lines: [InvoiceLine] = []
        for line in customerLines {
            var unitPrice: FixedDecimal?
            if let percent = agreement.transferPricePercent {
                do {
                    unitPrice = try line.unitPrice.multiplied(
                        by: FixedDecimal(significand: percent.significand, scale: percent.scale + 2), scale: 6,
                        rounding: configuration.rounding)
                } catch {
                    throw fail(.arithmeticOverflow, error.description)
                }
            }
            let item = SourceItem(
                number: line.sourceItem, material: line.material, description: line.description,
                quantity: line.quantity, unit: line.unit, unitPrice: unitPrice,
                priceUnit: unitPrice == nil ? nil : line.priceUnit)
            guard let document = documents[line.sourceDocument] else {
                throw fail(.unknownMaterial, "source document \(line.sourceDocument) is not in the unit")
            }
            lines.append(try pricer.price(item, of: document, lineNumber: (lines.count + 1) * 10))
        }
        do {
            let taxes = try taxSubtotals(of: lines, currency: invoice.currency)
            let net = try lines.map(\.netAmount).sum(in: invoice.currency)
            let tax = try taxes.map(\.taxAmount).sum(in: invoice.currency)
            var icInvoice = Invoice(
                number: "", kind: .intercompany, runID: "", process: process.id, invoicingType: invoice.invoicingType,
                invoiceDate: parameters.runDate, dueDate: dueDate, seller: company, buyer: account,
                currency: invoice.currency, paymentTerms: terms, lines: lines, taxes: taxes, netTotal: net,
                taxTotal: tax, grossTotal: try net.adding(tax), postingNumber: "", simulated: parameters.simulate)
            // An intercompany credit: priced like the internal invoice, then negated, so the
            // posting builders put its amounts on the opposite sides in both company codes.
            if invoice.kind == .creditMemo { icInvoice.negateAmounts() }
            let receivable = try pricer.glAccount(.receivable, material: nil, fail: fail)
            var draft = InvoiceDraft(
                invoice: icInvoice,
                posting: PostingBuilder(invoice: icInvoice, receivableAccount: receivable, held: held).build())
            draft.receiverPosting = try receiverPosting(of: icInvoice, at: selling, held: held, fail: fail)
            return draft
        } catch let failure as UnitFailure {
            throw failure
        } catch {
            throw fail(.arithmeticOverflow, "\(error)")
        }
    }

    /// The selling company code's FI document of an internal invoice: intercompany expense per
    /// G/L account and tax code and input tax per tax code (debit), the payable to the delivering
    /// company code (credit); balanced by construction.
    private func receiverPosting(
        of icInvoice: Invoice, at selling: CompanyCode, held: Bool, fail: (UnitFailure.Code, String) -> UnitFailure
    ) throws(UnitFailure) -> FIDocument {
        func gl(_ key: AccountKey, materialGroup: String) throws(UnitFailure) -> String {
            let request = AccountDeterminationRequest(
                company: selling, accountGroup: "", materialGroup: materialGroup, key: key)
            guard let match = masterData.accountDetermination(request) else {
                throw fail(.missingAccountDetermination, "no account determination for \(request)")
            }
            return match.glAccount
        }
        struct ExpenseKey: Hashable, Comparable {
            var gl: String
            var taxCode: String
            static func < (lhs: ExpenseKey, rhs: ExpenseKey) -> Bool { (lhs.gl, lhs.taxCode) < (rhs.gl, rhs.taxCode) }
        }
        var expenses: [ExpenseKey: Int64] = [:]
        for line in icInvoice.lines {
            let group = masterData.materials[line.material]?.accountAssignmentGroup ?? ""
            expenses[
                ExpenseKey(gl: try gl(.intercompanyExpense, materialGroup: group), taxCode: line.taxCode), default: 0] +=
                line.netAmount.minorUnits
        }
        var lines: [FILine] = []
        func add(_ gl: String, _ side: FILine.Side, _ minor: Int64, key: AccountKey?, taxCode: String?, text: String) {
            guard minor != 0 else { return }
            lines.append(
                FILine(
                    number: lines.count + 1, glAccount: gl, side: minor < 0 ? side.opposite : side,
                    amount: Money(minorUnits: minor < 0 ? -minor : minor, currency: icInvoice.currency),
                    accountKey: key, taxCode: taxCode, contractAccount: nil, text: text))
        }
        for (key, minor) in expenses.sorted(by: { $0.key < $1.key }) {
            add(key.gl, .debit, minor, key: .intercompanyExpense, taxCode: key.taxCode, text: "Intercompany expense")
        }
        for tax in icInvoice.taxes where !tax.taxAmount.isZero {
            add(
                try gl(.inputTax, materialGroup: ""), .debit, tax.taxAmount.minorUnits, key: .inputTax,
                taxCode: tax.taxCode, text: "Input tax \(tax.taxCode) \(tax.rate)%")
        }
        add(
            try gl(.intercompanyPayable, materialGroup: ""), .credit, icInvoice.grossTotal.minorUnits,
            key: .intercompanyPayable, taxCode: nil, text: "Payable to company code \(icInvoice.seller.id)")
        return FIDocument(
            number: "", companyCode: selling.id, postingDate: icInvoice.invoiceDate,
            documentDate: icInvoice.invoiceDate,
            reference: "", currency: icInvoice.currency, held: held, lines: lines)
    }
}
