extension InvoicingRun {
    /// Steps 4 and 6: prices, taxes and posts one unit; numbers are left to the store (step 5).
    ///
    /// The number fields of the draft are empty; a simulation fills them with placeholders.
    public func invoice(_ unit: InvoicingUnit) -> UnitOutcome {
        do {
            let draft = try makeDraft(unit)
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

    private func makeDraft(_ unit: InvoicingUnit) throws(UnitFailure) -> InvoiceDraft {
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
        var lines: [InvoiceLine] = []
        for order in unit.orders {
            for item in order.document.items.sorted(by: { $0.number < $1.number }) {
                lines.append(try pricer.price(item, of: order.document, lineNumber: (lines.count + 1) * 10))
            }
        }
        do {
            let taxes = try taxSubtotals(of: lines, currency: currency)
            let net = try lines.map(\.netAmount).sum(in: currency)
            let tax = try taxes.map(\.taxAmount).sum(in: currency)
            var invoice = Invoice(
                number: "", kind: .invoice, runID: "", process: process.id, invoicingType: type.id,
                invoiceDate: parameters.runDate, dueDate: dueDate, seller: company,
                buyer: account, currency: currency, paymentTerms: terms, lines: lines, taxes: taxes, netTotal: net,
                taxTotal: tax, grossTotal: try net.adding(tax), postingNumber: "", simulated: parameters.simulate)
            invoice.installments = try installments(of: invoice, document: first.id)
            let receivable = try pricer.glAccount(.receivable, material: nil) { code, message in
                UnitFailure(code, message, document: first.id)
            }
            let posting = PostingBuilder(
                invoice: invoice, receivableAccount: receivable, held: unit.isActive(.postingBlock)
            )
            .build()
            return InvoiceDraft(invoice: invoice, posting: posting)
        } catch let failure as UnitFailure {
            throw failure
        } catch {
            throw UnitFailure(.arithmeticOverflow, "\(error)", document: first.id)
        }
    }

    /// Tax per tax code on the sum of the net line amounts, rounded once per code (EN 16931).
    private func taxSubtotals(of lines: [InvoiceLine], currency: Currency) throws(UnitFailure) -> [TaxSubtotal] {
        var bases: [String: Money] = [:]
        for line in lines {
            do {
                bases[line.taxCode] = try (bases[line.taxCode] ?? .zero(currency)).adding(line.netAmount)
            } catch {
                throw UnitFailure(.arithmeticOverflow, error.description)
            }
        }
        var subtotals: [TaxSubtotal] = []
        for (code, base) in bases.sorted(by: { $0.key < $1.key }) {
            // swift-format-ignore: NeverForceUnwrap
            let taxCode = masterData.taxCodes[code]!  // the pricer resolved every line's code
            let amount: Money
            do {
                amount = try base.percentage(taxCode.rate, rounding: configuration.rounding)
            } catch {
                throw UnitFailure(.arithmeticOverflow, error.description)
            }
            subtotals.append(
                TaxSubtotal(
                    taxCode: code, category: taxCode.category, rate: taxCode.rate, taxableAmount: base,
                    taxAmount: amount, exemptionReason: taxCode.exemptionReason, glAccount: taxCode.glAccount))
        }
        return subtotals
    }
}
