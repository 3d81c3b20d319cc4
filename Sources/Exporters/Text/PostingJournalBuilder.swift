public import InvoicingCore

/// Makes the posting journal of a run's FI documents for one company code.
public struct PostingJournalBuilder: Sendable {
    /// The page the journal is laid out for; the text column takes the width left over.
    public var page: PageSettings
    /// The language of the journal's texts, numbers and dates.
    public var language: PrintLanguage

    /// A builder for `page` in `language`.
    public init(page: PageSettings = .standard, language: PrintLanguage) {
        self.page = page
        self.language = language
    }

    /// The journal of `documents` (FI documents of `companyCode`) posted by run `runID`.
    public func model(_ documents: [FIDocument], companyCode: CompanyCode, runID: String) -> PostingJournalModel {
        model(
            items: documents.map(item), postingDates: Set(documents.map(\.postingDate)), companyCode: companyCode,
            runID: runID)
    }

    /// The journal of the FI documents made into `items` (by `item(_:)`), posted on
    /// `postingDates`; an item's rows may be left out when they are given page by page.
    public func model(
        items: [PostingJournalModel.Item], postingDates: Set<CalendarDate>, companyCode: CompanyCode, runID: String
    ) -> PostingJournalModel {
        let title = language.label("journalTitle")
        let dates = postingDates.sorted()
        var header = [
            PrintRow(
                text: TextColumns.left(language.label("companyCode"), 20)
                    + "\(companyCode.id) \(companyCode.address.name)"),
            PrintRow(text: TextColumns.left(language.label("run"), 20) + runID),
        ]
        if !dates.isEmpty {
            header.append(
                PrintRow(
                    text: TextColumns.left(language.label("postingDate"), 20)
                        + dates.map(language.format).joined(separator: ", ")))
        }
        return PostingJournalModel(
            page: page, labels: language.labels(for: .invoice), title: title,
            pageHeader: TextColumns.spread(title, "\(companyCode.id) · \(runID)", page.width), header: header,
            columnHeader: columns(
                line: language.label("line"), glAccount: language.label("glAccount"),
                key: language.label("accountKey"), tax: language.label("taxCode"),
                account: language.label("contractAccount"), text: language.label("text"),
                debit: language.label("debit"), credit: language.label("credit")),
            items: items, totals: totals(items), footerText: companyCode.address.name, language: language)
    }

    /// One document: a heading row (number, dates, reference, currency, a held mark) and its lines.
    public func item(_ document: FIDocument) -> PostingJournalModel.Item {
        var heading = "\(document.number)  \(language.format(document.postingDate))  \(document.reference)  "
        heading += document.currency.code
        if document.held { heading += "  \(language.label("held"))" }
        var rows = [PrintRow(text: heading)]
        for line in document.lines {
            let amount = language.format(line.amount)
            rows.append(
                PrintRow(
                    text: columns(
                        line: String(line.number), glAccount: line.glAccount, key: line.accountKey?.rawValue ?? "",
                        tax: line.taxCode ?? "", account: line.contractAccount ?? "", text: line.text,
                        debit: line.side == .debit ? amount : "", credit: line.side == .credit ? amount : "")))
        }
        var debit: Int64 = 0
        var credit: Int64 = 0
        for line in document.lines {
            if line.side == .debit { debit += line.amount.minorUnits } else { credit += line.amount.minorUnits }
        }
        return PostingJournalModel.Item(
            rows: rows, currency: document.currency,
            debit: Money(minorUnits: debit, currency: document.currency),
            credit: Money(minorUnits: credit, currency: document.currency))
    }

    /// One row per currency: count, debit and credit sums.
    func totals(_ items: [PostingJournalModel.Item]) -> [PrintRow] {
        let currencies = Set(items.map(\.currency)).sorted { $0.code < $1.code }
        return currencies.map { currency in
            let some = items.filter { $0.currency == currency }
            let sums = self.sums(some)
            return amountRow(
                "\(language.label("total")) \(currency.code) (\(some.count) \(language.label("documents")))",
                debit: sums.debit, credit: sums.credit)
        }
    }

    /// Debit and credit sums of `items` (of one currency); a journal's sums stay far inside `Int64`.
    func sums(_ items: [PostingJournalModel.Item]) -> (debit: Money, credit: Money) {
        guard let currency = items.first?.currency else { return (.zero(.eur), .zero(.eur)) }
        var debit: Int64 = 0
        var credit: Int64 = 0
        for item in items {
            debit += item.debit.minorUnits
            credit += item.credit.minorUnits
        }
        return (Money(minorUnits: debit, currency: currency), Money(minorUnits: credit, currency: currency))
    }

    /// A label right-aligned before the debit and credit columns.
    func amountRow(_ label: String, debit: Money?, credit: Money?) -> PrintRow {
        PrintRow(
            text: TextColumns.right(label, page.width - 26) + TextColumns.right(debit.map(language.format) ?? "", 13)
                + TextColumns.right(credit.map(language.format) ?? "", 13))
    }

    /// One journal row: Ln(3) G/L(8) Key(4) Tax(4) Account(10) Text Debit(13) Credit(13).
    func columns(
        line: String, glAccount: String, key: String, tax: String, account: String, text: String, debit: String,
        credit: String
    ) -> String {
        TextColumns.right(line, 3) + " " + TextColumns.left(glAccount, 8) + " " + TextColumns.left(key, 4) + " "
            + TextColumns.left(tax, 4) + " " + TextColumns.left(account, 10) + " "
            + TextColumns.left(text, page.width - 60) + TextColumns.right(debit, 13) + TextColumns.right(credit, 13)
    }
}
