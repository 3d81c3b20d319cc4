public import InvoicingCore

/// Makes the print model of a stored or simulated invoice: every text in the buyer's language,
/// every number formatted and aligned for the page width, the marks of the edition printed.
///
/// Each block of the layout has a function of its own, so each can be tested and changed alone.
public struct InvoicePrintModelBuilder: Sendable {
    /// The page the model is laid out for; the description column takes the width left over.
    public var page: PageSettings
    /// Languages beyond (or replacing) the built-in English and German, by code.
    public var languages: [String: PrintLanguage]

    /// A builder for `page`, with `languages` added to the built-in ones.
    public init(page: PageSettings = .standard, languages: [String: PrintLanguage] = [:]) {
        self.page = page
        self.languages = languages
    }

    /// A builder for the page and languages of `layouts`.
    public init(layouts: PrintLayouts) {
        self.init(page: layouts.page, languages: layouts.languages)
    }

    /// The model of `invoice` as a document of `kind` (by default the invoice's own), printed as `edition`.
    public func model(
        _ invoice: Invoice, kind: PrintDocumentKind? = nil, edition: PrintEdition = .original
    ) -> InvoicePrintModel {
        let kind = kind ?? PrintDocumentKind(invoice)
        let language = self.language(invoice.buyer.language)
        let body = Body(
            header: header(invoice, kind: kind, language: language),
            columnHeader: columns(
                position: language.label("position"), material: language.label("material"),
                description: language.label("description"), quantity: language.label("quantity"),
                unit: language.label("unit"), price: language.label("price"), amount: language.label("amount"),
                tax: language.label("tax")),
            items: items(invoice, language: language),
            netTotal: total(language.label("net"), invoice.netTotal, language: language),
            taxes: taxes(invoice, language: language),
            grossTotal: total(
                invoice.advanceClearings.isEmpty
                    ? language.label("gross", for: kind) : language.label("grossBeforePrepaid"),
                invoice.grossTotal, language: language),
            closing: closing(invoice, kind: kind, language: language))
        var model = assemble(
            body, kind: kind, edition: edition, language: language, number: invoice.number, seller: invoice.seller,
            buyer: invoice.buyer, currency: invoice.currency, simulated: invoice.simulated)
        model.deductions = deductions(invoice, language: language)
        return model
    }

    /// The advances a final invoice deducts, each with its net and tax, and the amount still due.
    func deductions(_ invoice: Invoice, language: PrintLanguage) -> [InvoicePrintModel.Row] {
        guard !invoice.advanceClearings.isEmpty, let due = try? invoice.amountDue else { return [] }
        var rows: [InvoicePrintModel.Row] = []
        for clearing in invoice.advanceClearings {
            let tax = (try? clearing.taxAmount).map { language.format($0) } ?? "?"
            rows.append(
                total(
                    "\(language.label("lessAdvance")) \(clearing.number) \(language.format(clearing.invoiceDate))",
                    clearing.grossAmount.negated, language: language))
            // Its net and tax under it, so the VAT already invoiced can be read off the final invoice.
            let detail =
                "(\(language.label("net")) \(language.format(clearing.netAmount)), \(language.label("taxTotal")) \(tax))"
            rows.append(InvoicePrintModel.Row(text: TextColumns.right(detail, amountEnd - 13)))
        }
        rows.append(total(language.label("gross"), due, language: language))
        return rows
    }

    /// What differs between the kinds of documents: everything from the document header down.
    struct Body {
        var header: [PrintRow]
        var columnHeader: String
        var items: [InvoicePrintModel.Item]
        var netTotal: PrintRow
        var taxes: [PrintRow]
        var grossTotal: PrintRow
        var closing: [PrintRow]
    }

    /// The language of `code`: a language file's, a built-in one, or English.
    func language(_ code: String) -> PrintLanguage {
        languages[code] ?? .named(code)
    }

    /// A model from its `body` and the parts every kind shares: title, marks, page header and
    /// footer, the parties' addresses.
    func assemble(
        _ body: Body, kind: PrintDocumentKind, edition: PrintEdition, language: PrintLanguage, number: String,
        seller: CompanyCode, buyer: ContractAccount, currency: Currency, simulated: Bool
    ) -> InvoicePrintModel {
        let title = language.label("title", for: kind)
        let marks = self.marks(kind: kind, edition: edition, language: language)
        let from = seller.address
        let to = buyer.address
        return InvoicePrintModel(
            kind: kind, page: page, labels: language.labels(for: kind), title: title,
            marks: marks.map(PrintRow.init(text:)), simulated: simulated,
            pageHeader: TextColumns.spread("\(title) \(number)", marks.joined(separator: " · "), page.width),
            seller: [from.name, from.street, "\(from.postalCode) \(from.city)", from.country]
                .map { PrintRow(text: TextColumns.right($0, page.width)) },
            sellerLine: "\(from.name) · \(from.street) · \(from.postalCode) \(from.city)",
            buyer: [to.name, to.street, "\(to.postalCode) \(to.city)", to.country].map(PrintRow.init(text:)),
            header: body.header, columnHeader: body.columnHeader, items: body.items, netTotal: body.netTotal,
            taxes: body.taxes, grossTotal: body.grossTotal, closing: body.closing,
            footerText: "\(from.name) · \(language.label("vatID")) \(seller.vatID)",
            language: language, currency: currency)
    }

    /// The marks of a print, in the order they are shown.
    func marks(kind: PrintDocumentKind, edition: PrintEdition, language: PrintLanguage) -> [String] {
        var marks: [String] = []
        if kind == .preliminaryInvoice {
            marks.append(language.label("markPreliminary"))
        } else {
            let printed = edition.printDate.map { " (\(language.label("printedOn")) \(language.format($0)))" } ?? ""
            switch edition.kind {
            case .original: marks.append(language.label("markOriginal"))
            // Copy 0 is a view of the stored document, never counted: marked COPY all the same.
            case .copy where edition.reprint == 0: marks.append(language.label("markCopy"))
            case .copy: marks.append("\(language.label("markCopy")) \(edition.reprint)\(printed)")
            case .duplicate: marks.append("\(language.label("markDuplicate")) \(edition.reprint)\(printed)")
            }
        }
        if edition.cancelled { marks.append(language.label("markCancelled")) }
        return marks
    }

    /// The document number, dates, account, payment terms and VAT ID, each after its label.
    func header(_ invoice: Invoice, kind: PrintDocumentKind, language: PrintLanguage) -> [InvoicePrintModel.Row] {
        var header: [(String, String)] = [
            (language.label("number", for: kind), invoice.number),
            (language.label("date", for: kind), language.format(invoice.invoiceDate)),
        ]
        // Nothing is due on a credit memo or a cancellation; installments have due dates of their own.
        if ![.creditMemo, .cancellation, .installmentSchedule].contains(kind) {
            header.append((language.label("dueDate"), language.format(invoice.dueDate)))
        }
        header.append((language.label("account"), invoice.buyer.id))
        if kind != .creditMemo && kind != .cancellation {
            header.append((language.label("paymentTerms"), invoice.paymentTerms.description))
        }
        if let vatID = invoice.buyer.vatID { header.append((language.label("yourVATID"), vatID)) }
        return header.map { label, value in
            InvoicePrintModel.Row(
                text: ColumnRow.text(capacity: ColumnRow.capacity(label, 20) + value.utf8.count) { row in
                    row.left(label, 20)
                    row.append(value)
                })
        }
    }

    /// The line items: the item row, the rest of its wrapped description, one row per condition.
    /// Quantities and prices line up on their decimal separator.
    func items(_ invoice: Invoice, language: PrintLanguage) -> [InvoicePrintModel.Item] {
        let separator = language.decimalSeparator
        func price(_ unitPrice: FixedDecimal, per priceUnit: FixedDecimal) -> String {
            language.format(unitPrice, minimumScale: 2)
                + (priceUnit == .one ? "" : "/\(language.format(priceUnit))")
        }
        // Each quantity and price is formatted once and its fraction measured once, for the
        // widest fraction and for its row; the lines are read in place, not copied per pass.
        let lines = invoice.lines
        let quantities = lines.indices.map { language.format(lines[$0].quantity) }
        let prices = lines.indices.map { price(lines[$0].unitPrice, per: lines[$0].priceUnit) }
        let quantityFractions = quantities.map { TextColumns.fractionLength($0, separator: separator) }
        let priceFractions = prices.map { TextColumns.fractionLength($0, separator: separator) }
        let quantityFraction = quantityFractions.max() ?? 0
        let priceFraction = priceFractions.max() ?? 0
        let indent = TextColumns.spaces(16)
        return lines.indices.map { index in
            let line = lines[index]
            let description = TextColumns.wrap(line.description, descriptionWidth)
            var rows = [
                InvoicePrintModel.Row(
                    text: itemColumns(
                        line, description: description[0],
                        quantity: .init(
                            text: quantities[index], fraction: quantityFractions[index], width: quantityFraction),
                        price: .init(text: prices[index], fraction: priceFractions[index], width: priceFraction),
                        separator: separator, amount: language.format(line.baseAmount)))
            ]
            rows += description.dropFirst().map { InvoicePrintModel.Row(text: indent + $0) }
            for condition in line.conditions {
                let value =
                    condition.calculation == .percent
                    ? "\(language.format(condition.value))%" : language.format(condition.value, minimumScale: 2)
                let text = "\(language.label(condition.kind.rawValue)) \(condition.conditionID) \(value)"
                let amount = language.format(condition.amount)
                // The indent, the text, the amount: `indent + left(text, …) + right(amount, 12)`.
                let capacity = 16 + ColumnRow.capacity(text, amountEnd - 28) + ColumnRow.capacity(amount, 12)
                rows.append(
                    InvoicePrintModel.Row(
                        text: ColumnRow.text(capacity: capacity) { row in
                            row.spaces(16)
                            row.left(text, amountEnd - 28)
                            row.right(amount, 12)
                        }))
            }
            return InvoicePrintModel.Item(rows: rows, amount: line.netAmount)
        }
    }

    /// The row of a line item, as ``columns(position:material:description:quantity:unit:price:amount:tax:)``
    /// makes it from the quantity and price aligned by ``TextColumns/decimal(_:_:fractionWidth:separator:)``,
    /// written in one piece.
    func itemColumns(
        _ line: InvoiceLine, description: String, quantity: ColumnRow.Decimal, price: ColumnRow.Decimal,
        separator: Character, amount: String
    ) -> String {
        let position = String(line.number)
        // Each decimal column may carry its fraction's blanks and a separator's beyond its width.
        let capacity =
            ColumnRow.capacity(position, 4) + ColumnRow.capacity(line.material, 10)
            + ColumnRow.capacity(description, descriptionWidth)
            + ColumnRow.capacity(quantity.text, 9) + max(0, quantity.width) + 1
            + ColumnRow.capacity(line.unit, 4) + ColumnRow.capacity(price.text, 11) + max(0, price.width) + 1
            + ColumnRow.capacity(amount, 12) + ColumnRow.capacity(line.taxCode, 4) + 4
        return ColumnRow.text(capacity: capacity) { row in
            row.right(position, 4)
            row.append(" ")
            row.left(line.material, 10)
            row.append(" ")
            row.left(description, descriptionWidth)
            row.decimal(quantity, 9, separator: separator)
            row.append(" ")
            row.left(line.unit, 4)
            row.decimal(price, 11, separator: separator)
            row.right(amount, 12)
            row.append(" ")
            row.left(line.taxCode, 4)
        }
    }

    /// One row per tax code: rate, taxable amount, exemption reason and tax.
    func taxes(_ invoice: Invoice, language: PrintLanguage) -> [InvoicePrintModel.Row] {
        invoice.taxes.map { tax in
            let label =
                "\(language.label("taxTotal")) \(tax.taxCode) \(language.format(tax.rate))% \(language.label("taxBase")) \(language.format(tax.taxableAmount))"
                + (tax.exemptionReason.map { " (\($0))" } ?? "")
            return total(label, tax.taxAmount, language: language)
        }
    }

    /// The closing block: payment details for what is due, a note for what is not.
    func closing(_ invoice: Invoice, kind: PrintDocumentKind, language: PrintLanguage) -> [InvoicePrintModel.Row] {
        // A correction quotes the invoice it corrects; anything else quotes itself.
        let reference = "\(language.label("reference")): \(invoice.reference ?? invoice.number)"
        let posting =
            "\(language.label("vatID")) \(invoice.seller.vatID) · \(language.label("posting")) \(invoice.postingNumber)"
        let rows: [String]
        switch kind {
        case .invoice, .debitMemo, .installmentSchedule, .advanceInvoice, .prepaymentInvoice, .summaryInvoice:
            rows = payment(invoice.seller, reference: invoice.number, kind: kind, language: language) + [posting]
        case .correctiveInvoice:
            rows =
                [reference] + payment(invoice.seller, reference: invoice.number, kind: kind, language: language)
                + [posting]
        case .invoiceList:
            rows = payment(invoice.seller, reference: invoice.number, kind: kind, language: language)
        case .creditMemo, .cancellation:
            rows = [language.label("closing", for: kind), reference, posting]
        case .preliminaryInvoice:
            rows = [language.label("closing", for: kind)]
        }
        return rows.map(InvoicePrintModel.Row.init(text:))
    }

    /// Where to pay, and the reference to quote.
    func payment(
        _ seller: CompanyCode, reference: String, kind: PrintDocumentKind, language: PrintLanguage
    ) -> [String] {
        let bank = seller.bankAccount
        return [
            language.label("payTo", for: kind), "\(bank.bankName), IBAN \(bank.iban), BIC \(bank.bic)",
            "\(language.label("reference")): \(reference)",
        ]
    }

    /// A totals row: the label right-aligned before the amount column, the currency after it.
    func total(_ label: String, _ amount: Money, language: PrintLanguage) -> InvoicePrintModel.Row {
        let text = language.format(amount)
        let code = amount.currency.code
        let capacity = ColumnRow.capacity(label, amountEnd - 13) + ColumnRow.capacity(text, 13) + 1 + code.utf8.count
        return InvoicePrintModel.Row(
            text: ColumnRow.text(capacity: capacity) { row in
                row.right(label, amountEnd - 13)
                row.right(text, 13)
                row.append(" ")
                row.append(code)
            })
    }

    /// The width of the description column: what the fixed columns leave (22 on 80 characters).
    var descriptionWidth: Int { page.width - 58 }

    /// The column in which every amount ends (75 on 80 characters).
    var amountEnd: Int { page.width - 5 }

    /// One row of the item table: Pos(4) Material(10) Description Qty(9) Unit(4) Price(11) Amount(12) Tax(4).
    func columns(
        position: String, material: String, description: String, quantity: String, unit: String, price: String,
        amount: String, tax: String
    ) -> String {
        let capacity =
            ColumnRow.capacity(position, 4) + ColumnRow.capacity(material, 10)
            + ColumnRow.capacity(description, descriptionWidth) + ColumnRow.capacity(quantity, 9)
            + ColumnRow.capacity(unit, 4) + ColumnRow.capacity(price, 11) + ColumnRow.capacity(amount, 12)
            + ColumnRow.capacity(tax, 4) + 4
        return ColumnRow.text(capacity: capacity) { row in
            row.right(position, 4)
            row.append(" ")
            row.left(material, 10)
            row.append(" ")
            row.left(description, descriptionWidth)
            row.right(quantity, 9)
            row.append(" ")
            row.left(unit, 4)
            row.right(price, 11)
            row.right(amount, 12)
            row.append(" ")
            row.left(tax, 4)
        }
    }
}
