public import InvoicingCore

/// One installment of an installment plan as printed: when it is due and how much.
public struct ScheduledInstallment: Sendable, Hashable {
    /// The date by which the installment must be paid.
    public var dueDate: CalendarDate
    /// The installment's amount.
    public var amount: Money

    /// Creates an installment.
    public init(dueDate: CalendarDate, amount: Money) {
        self.dueDate = dueDate
        self.amount = amount
    }
}

extension InvoicePrintModelBuilder {
    /// The invoice list `number` of `documents`, one row each with net, tax and gross, and their
    /// totals; dated `date`, the total due by `dueDate`. Nil when there is nothing to list, when
    /// the documents are for more than one payer or in more than one currency, or when a total
    /// leaves the range of an amount.
    ///
    /// With a factoring `discount` (its percentage and amount), the closing block starts with the
    /// discount and the amount payable, the list total less the discount.
    public func invoiceList(
        _ documents: [Invoice], number: String, date: CalendarDate, dueDate: CalendarDate,
        edition: PrintEdition = .original, discount: (percent: FixedDecimal, amount: Money)? = nil
    ) -> InvoicePrintModel? {
        guard let first = documents.first,
            documents.allSatisfy({ $0.currency == first.currency && $0.buyer.id == first.buyer.id }),
            let net = try? documents.map(\.netTotal).sum(in: first.currency),
            let tax = try? documents.map(\.taxTotal).sum(in: first.currency),
            let gross = try? documents.map(\.grossTotal).sum(in: first.currency)
        else { return nil }
        let kind = PrintDocumentKind.invoiceList
        let language = self.language(first.buyer.language)
        var header: [(String, String)] = [
            (language.label("number", for: kind), number), (language.label("date", for: kind), language.format(date)),
            (language.label("dueDate"), language.format(dueDate)), (language.label("account"), first.buyer.id),
        ]
        if let vatID = first.buyer.vatID { header.append((language.label("yourVATID"), vatID)) }
        let items = documents.map { document in
            InvoicePrintModel.Item(
                rows: [
                    PrintRow(
                        text: listColumns(
                            document.number, language.format(document.invoiceDate), language.format(document.netTotal),
                            language.format(document.taxTotal), language.format(document.grossTotal),
                            first.currency.code))
                ], amount: document.grossTotal)
        }
        let body = Body(
            header: header.map { PrintRow(text: TextColumns.left($0.0, 20) + $0.1) },
            columnHeader: listColumns(
                language.label("listDocument"), language.label("listDate"), language.label("listNet"),
                language.label("listTax"), language.label("listGross"), ""),
            items: items, netTotal: total(language.label("net"), net, language: language),
            taxes: [total(language.label("taxTotal"), tax, language: language)],
            grossTotal: total(language.label("gross", for: kind), gross, language: language),
            closing: listDiscount(discount, gross: gross, language: language)
                + payment(first.seller, reference: number, kind: kind, language: language).map(PrintRow.init(text:)))
        return assemble(
            body, kind: kind, edition: edition, language: language, number: number, seller: first.seller,
            buyer: first.buyer, currency: first.currency, simulated: documents.contains(where: \.simulated))
    }

    /// The installment schedule of `invoice`: one row per installment with its due date, then the
    /// invoice's totals, which the installments add up to.
    public func installmentSchedule(
        _ invoice: Invoice, installments: [ScheduledInstallment], edition: PrintEdition = .original
    ) -> InvoicePrintModel {
        let kind = PrintDocumentKind.installmentSchedule
        let language = self.language(invoice.buyer.language)
        let items = installments.enumerated().map { index, installment in
            InvoicePrintModel.Item(
                rows: [
                    PrintRow(
                        text: installmentColumns(
                            String(index + 1), language.format(installment.dueDate),
                            language.format(installment.amount),
                            installment.amount.currency.code))
                ], amount: installment.amount)
        }
        let body = Body(
            header: header(invoice, kind: kind, language: language),
            columnHeader: installmentColumns(
                language.label("installmentNumber"), language.label("dueDate"), language.label("amount"), ""),
            items: items, netTotal: total(language.label("net"), invoice.netTotal, language: language),
            taxes: taxes(invoice, language: language),
            grossTotal: total(language.label("gross", for: kind), invoice.grossTotal, language: language),
            closing: closing(invoice, kind: kind, language: language))
        return assemble(
            body, kind: kind, edition: edition, language: language, number: invoice.number, seller: invoice.seller,
            buyer: invoice.buyer, currency: invoice.currency, simulated: invoice.simulated)
    }

    /// One row of an invoice list: Document(22) Date(12) Net Tax(13) Gross(14) Currency; the gross
    /// amount ends where every amount ends.
    func listColumns(
        _ number: String, _ date: String, _ net: String, _ tax: String, _ gross: String, _ currency: String
    ) -> String {
        TextColumns.left(number, 22) + TextColumns.left(date, 12) + TextColumns.right(net, amountEnd - 61)
            + TextColumns.right(tax, 13) + TextColumns.right(gross, 14) + " " + currency
    }

    /// One row of an installment schedule: No(4) Due date(14) Amount Currency.
    func installmentColumns(_ number: String, _ dueDate: String, _ amount: String, _ currency: String) -> String {
        TextColumns.right(number, 4) + "  " + TextColumns.left(dueDate, 14) + TextColumns.right(amount, amountEnd - 20)
            + " " + currency
    }

    /// The discount and the amount payable of a list with a factoring discount, then a blank row.
    private func listDiscount(
        _ discount: (percent: FixedDecimal, amount: Money)?, gross: Money, language: PrintLanguage
    ) -> [PrintRow] {
        guard let discount else { return [] }
        let payable = Money(minorUnits: gross.minorUnits - discount.amount.minorUnits, currency: gross.currency)
        let percent = discount.percent.formatted(decimalSeparator: language.decimalSeparator)
        return [
            total("\(language.label("listDiscount")) \(percent) %", discount.amount, language: language),
            total(language.label("listPayable"), payable, language: language), PrintRow(text: ""),
        ]
    }
}
