extension RebatePosition {
    /// What a settlement settles.
    public enum SettlementRequest: Sendable, Hashable {
        /// A partial settlement of this amount (net), at most the rebate earned and not settled.
        case amount(Money)
        /// A partial settlement of the rebate earned on the position's basis and not settled yet.
        case earned
        /// The final settlement: the rebate on the whole period's basis at the level it reaches,
        /// minus the partial settlements; reverses whatever accrual is still open.
        case final
    }

    /// The settlement's credit memo to the recipient (a debit memo when a final settlement takes
    /// back more than was earned) with its FI document, and the settlement record; unnumbered.
    ///
    /// The memo has one line, the rebate amount (net), taxed with the agreement's tax code,
    /// rounded once. Its FI document credits the recipient's receivable (`REC`) and debits rebate
    /// expense (`ERB`) and output tax; the accrual it uses up is reversed in the same document,
    /// accrued rebates (`ERU`, debit) against rebate expense (credit). A partial settlement uses
    /// up as much open accrual as it settles (never more than is open); the final one all of it,
    /// so afterwards the agreement's accrued liability is zero and its expense is exactly the
    /// rebate settled.
    public func settlement(
        _ request: SettlementRequest, on date: CalendarDate, masterData: MasterData, rounding: RoundingRule
    ) throws(RebateError) -> (draft: InvoiceDraft, settlement: RebateSettlement) {
        let id = agreement.id
        guard !isFinal else { throw RebateError("rebate agreement \(id) was settled finally; it settles nothing more") }
        let currency = agreement.currency
        let amount: Money
        let reversed: Money
        do {
            let open = try rebate(rounding: rounding).subtracting(settled)
            switch request {
            case .amount(let requested):
                guard requested.minorUnits > 0 else {
                    throw RebateError("a partial settlement must be positive, not \(requested)")
                }
                guard requested <= open else {
                    throw RebateError(
                        "\(requested) is more than the rebate earned and not settled of \(id) (\(open))")
                }
                amount = requested
            case .earned:
                guard open.minorUnits > 0 else {
                    throw RebateError("rebate agreement \(id) has no rebate earned and not settled (\(open))")
                }
                amount = open
            case .final:
                amount = open
            }
            reversed =
                request == .final
                ? openAccrual
                : Money(minorUnits: max(0, min(amount.minorUnits, openAccrual.minorUnits)), currency: currency)
        } catch let error as RebateError {
            throw error
        } catch {
            throw RebateError("rebate agreement \(id): \(error)")
        }
        let kind: RebateSettlement.Kind = request == .final ? .final : .partial
        let sequence = settlements.count + 1
        let draft = try settlementDraft(
            amount: amount, reversed: reversed, kind: kind, sequence: sequence, on: date,
            masterData: masterData, rounding: rounding)
        return (
            draft,
            RebateSettlement(
                agreement: id, sequence: sequence, kind: kind, date: date, amount: amount, accrualReversed: reversed,
                document: "")
        )
    }

    private func settlementDraft(
        amount: Money, reversed: Money, kind: RebateSettlement.Kind, sequence: Int, on date: CalendarDate,
        masterData: MasterData, rounding: RoundingRule
    ) throws(RebateError) -> InvoiceDraft {
        let id = agreement.id
        guard let company = masterData.companyCodes[agreement.companyCode] else {
            throw RebateError("rebate agreement \(id): unknown company code \(agreement.companyCode)")
        }
        guard let account = masterData.accounts[agreement.recipient] else {
            throw RebateError("rebate agreement \(id): unknown recipient \(agreement.recipient)")
        }
        guard let terms = masterData.paymentTerms[account.paymentTerms], let due = terms.dueDate(for: date) else {
            throw RebateError("rebate agreement \(id): unknown payment terms \(account.paymentTerms)")
        }
        guard let taxCode = masterData.taxCodes[agreement.taxCode] else {
            throw RebateError("rebate agreement \(id): unknown tax code \(agreement.taxCode)")
        }
        func gl(_ key: AccountKey) throws(RebateError) -> String {
            do {
                return try RebateAccruals.glAccount(key, company, account, masterData, agreement: id)
            } catch {
                throw RebateError(error.message)
            }
        }
        let (receivable, expense, liability) = (try gl(.receivable), try gl(.rebateExpense), try gl(.rebateAccrual))
        let isCredit = !amount.isNegative
        do {
            // Priced as a debit of the rebate's magnitude, then negated for a credit memo, as the
            // run makes credit memos: rounding is the same both ways.
            let net = amount.magnitude
            let tax = try net.percentage(taxCode.rate, rounding: rounding)
            let line = InvoiceLine(
                number: 10, sourceDocument: id, sourceItem: sequence, referenceOrder: nil, referenceDelivery: nil,
                material: id,
                description: Self.lineText(
                    agreement: agreement.description ?? id, final: kind == .final, sequence: sequence,
                    language: account.language), quantity: .one,
                unit: "C62", unitPrice: net.decimal, priceUnit: .one, priceSource: .document, baseAmount: net,
                conditions: [], netAmount: net, taxCode: taxCode.id, taxCategory: taxCode.category,
                taxRate: taxCode.rate, revenueAccount: expense)
            var invoice = Invoice(
                number: "", kind: isCredit ? .creditMemo : .debitMemo, runID: "", process: "REBATE",
                invoicingType: "REBATE", invoiceDate: date, dueDate: due, seller: company, buyer: account,
                currency: agreement.currency, paymentTerms: terms, lines: [line],
                taxes: [
                    TaxSubtotal(
                        taxCode: taxCode.id, category: taxCode.category, rate: taxCode.rate, taxableAmount: net,
                        taxAmount: tax, exemptionReason: taxCode.exemptionReason, glAccount: taxCode.glAccount,
                        exemptionReasonCode: taxCode.exemptionReasonCode)
                ], netTotal: net, taxTotal: tax, grossTotal: try net.adding(tax), postingNumber: "",
                simulated: false)
            if isCredit { invoice.negateAmounts() }
            var lines: [FILine] = []
            func add(
                _ gl: String, natural side: FILine.Side, _ value: Money, key: AccountKey?, taxCode: String? = nil,
                contractAccount: String? = nil, text: String
            ) {
                guard !value.isZero else { return }
                lines.append(
                    FILine(
                        number: lines.count + 1, glAccount: gl, side: value.isNegative ? side.opposite : side,
                        amount: value.magnitude, accountKey: key, taxCode: taxCode, contractAccount: contractAccount,
                        text: text))
            }
            add(
                receivable, natural: .debit, invoice.grossTotal, key: .receivable, contractAccount: account.id,
                text: "Receivable \(account.id)")
            add(expense, natural: .credit, invoice.netTotal, key: .rebateExpense, text: "Rebate settlement \(id)")
            add(
                taxCode.glAccount, natural: .credit, invoice.taxTotal, key: nil, taxCode: taxCode.id,
                text: "Output tax \(taxCode.id) \(taxCode.rate)%")
            add(
                liability, natural: .debit, reversed, key: .rebateAccrual, text: "Accrual reversed \(id)")
            add(expense, natural: .credit, reversed, key: .rebateExpense, text: "Accrual reversed \(id)")
            let posting = FIDocument(
                number: "", companyCode: company.id, postingDate: date, documentDate: date, reference: "",
                currency: agreement.currency, held: false, lines: lines)
            return InvoiceDraft(invoice: invoice, posting: posting)
        } catch {
            throw RebateError("rebate agreement \(id): \(error)")
        }
    }
}

extension RebatePosition {
    /// The settlement line's text in the recipient's language (German or English; English for
    /// any other), as the print shows it: `Bonus Jahresbonus 2026, Schlussabrechnung`.
    static func lineText(agreement: String, final: Bool, sequence: Int, language: String) -> String {
        switch language {
        case "de":
            "Bonus \(agreement), " + (final ? "Schlussabrechnung" : "Teilabrechnung \(sequence)")
        default:
            "Rebate \(agreement), " + (final ? "final settlement" : "partial settlement \(sequence)")
        }
    }
}
