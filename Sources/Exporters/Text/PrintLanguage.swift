public import InvoicingCore

/// A language of print layouts: fixed texts and the formats of numbers and dates.
public struct PrintLanguage: Sendable, Hashable {
    /// The language code that selects this language, e.g. `en` or `de`.
    public let code: String
    let decimalSeparator: Character
    let groupingSeparator: Character
    let labels: [String: String]

    /// The language for an account's language code; English when there is no layout for it.
    public static func named(_ code: String) -> PrintLanguage {
        code == "de" ? german : english
    }

    /// English texts, with `.` as decimal separator and `,` for grouping.
    public static let english = PrintLanguage(
        code: "en", decimalSeparator: ".", groupingSeparator: ",",
        labels: [
            "invoice": "INVOICE", "number": "Invoice number", "date": "Invoice date", "dueDate": "Due date",
            "account": "Account", "paymentTerms": "Payment terms", "position": "Pos", "material": "Material",
            "description": "Description", "quantity": "Quantity", "unit": "Unit", "price": "Price",
            "amount": "Amount", "tax": "Tax", "net": "Net amount", "taxTotal": "Tax", "gross": "Total due",
            "taxBase": "on", "bank": "Bank", "vatID": "VAT ID", "yourVATID": "Your VAT ID",
            "reference": "Reference", "posting": "Posting", "simulated": "SIMULATION - NOT VALID FOR PAYMENT",
            "payTo": "Please pay the total due by the due date to",
            "discount": "Discount", "surcharge": "Surcharge",
        ])

    /// German texts, with `,` as decimal separator and `.` for grouping.
    public static let german = PrintLanguage(
        code: "de", decimalSeparator: ",", groupingSeparator: ".",
        labels: [
            "invoice": "RECHNUNG", "number": "Rechnungsnummer", "date": "Rechnungsdatum", "dueDate": "Fällig am",
            "account": "Vertragskonto", "paymentTerms": "Zahlungsbedingung", "position": "Pos",
            "material": "Material", "description": "Bezeichnung", "quantity": "Menge", "unit": "ME",
            "price": "Preis", "amount": "Betrag", "tax": "St.", "net": "Nettobetrag", "taxTotal": "Umsatzsteuer",
            "gross": "Rechnungsbetrag", "taxBase": "auf", "bank": "Bank", "vatID": "USt-IdNr.",
            "yourVATID": "Ihre USt-IdNr.", "reference": "Referenz", "posting": "Buchung",
            "simulated": "SIMULATION - KEINE ZAHLUNGSAUFFORDERUNG",
            "payTo": "Bitte zahlen Sie den Rechnungsbetrag bis zum Fälligkeitsdatum auf",
            "discount": "Rabatt", "surcharge": "Zuschlag",
        ])

    /// The fixed text for `key`.
    public func label(_ key: String) -> String { labels[key] ?? key }

    /// An amount with grouping, e.g. `1,234.56` or `1.234,56`.
    public func format(_ amount: Money) -> String {
        amount.decimal.formatted(decimalSeparator: decimalSeparator, grouping: groupingSeparator)
    }

    /// A quantity or rate without trailing zeros (but at least `minimumScale` decimals).
    public func format(_ value: FixedDecimal, minimumScale: Int = 0) -> String {
        var shown = value.normalized
        if shown.scale < minimumScale {
            // Padding a huge value with zeros can leave Int64: then it prints at its own scale.
            shown = (try? shown.rescaled(to: minimumScale, rounding: .down)) ?? shown
        }
        return shown.formatted(decimalSeparator: decimalSeparator, grouping: groupingSeparator)
    }

    /// A date: `24 Nov 2026` or `24.11.2026`.
    public func format(_ date: CalendarDate) -> String {
        if code == "de" {
            return "\(pad(date.day)).\(pad(date.month)).\(date.year)"
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(pad(date.day)) \(months[date.month - 1]) \(date.year)"
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
