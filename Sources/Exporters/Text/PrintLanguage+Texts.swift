extension PrintLanguage {
    /// English texts, with `.` as decimal separator and `,` for grouping.
    public static let english = PrintLanguage(
        code: "en", decimalSeparator: ".", groupingSeparator: ",", datePattern: "dd MMM yyyy", months: englishMonths,
        labels: [
            "invoice": "INVOICE", "number": "Invoice number", "date": "Invoice date", "dueDate": "Due date",
            "account": "Account", "paymentTerms": "Payment terms", "position": "Pos", "material": "Material",
            "description": "Description", "quantity": "Quantity", "unit": "Unit", "price": "Price",
            "amount": "Amount", "tax": "Tax", "net": "Net amount", "taxTotal": "Tax", "gross": "Total due",
            "taxBase": "on", "bank": "Bank", "vatID": "VAT ID", "yourVATID": "Your VAT ID",
            "reference": "Reference", "posting": "Posting", "simulated": "SIMULATION - NOT VALID FOR PAYMENT",
            "payTo": "Please pay the total due by the due date to",
            "discount": "Discount", "surcharge": "Surcharge",
            // Pages
            "page": "Page", "of": "of", "carriedForward": "Carried forward to page",
            "broughtForward": "Brought forward from page",
            // Marks
            "markOriginal": "ORIGINAL", "markCopy": "COPY", "markDuplicate": "DUPLICATE",
            "markPreliminary": "PRELIMINARY", "markCancelled": "CANCELLED", "printedOn": "printed",
            // Document kinds: a key prefixed by the kind overrides the general one on that kind.
            "invoice.title": "INVOICE",
            "creditMemo.title": "CREDIT MEMO", "creditMemo.number": "Credit memo number",
            "creditMemo.date": "Credit memo date", "creditMemo.gross": "Total credit",
            "creditMemo.closing": "We will refund the total credit to your account with us.",
            "debitMemo.title": "DEBIT MEMO", "debitMemo.number": "Debit memo number",
            "debitMemo.date": "Debit memo date",
            "cancellation.title": "CANCELLATION", "cancellation.number": "Cancellation number",
            "cancellation.date": "Cancellation date", "cancellation.gross": "Total cancelled",
            "cancellation.closing": "This document reverses the invoice in full; nothing is due.",
            "preliminary.title": "PRELIMINARY INVOICE (PRO FORMA)", "preliminary.number": "Preliminary number",
            "preliminary.closing": "Pro forma: not an invoice, not posted, not valid for payment.",
            // Posting journal
            "journalTitle": "POSTING JOURNAL", "companyCode": "Company code", "run": "Run",
            "document": "Document", "postingDate": "Posting date", "line": "Ln",
            "glAccount": "G/L acct", "accountKey": "Key", "taxCode": "Tax", "contractAccount": "Account",
            "text": "Text", "debit": "Debit", "credit": "Credit", "held": "HELD (posting block)",
            "total": "Total", "documents": "documents",
        ])

    /// German texts, with `,` as decimal separator and `.` for grouping.
    public static let german = PrintLanguage(
        code: "de", decimalSeparator: ",", groupingSeparator: ".", datePattern: "dd.MM.yyyy",
        months: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
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
            "page": "Seite", "of": "von", "carriedForward": "Übertrag auf Seite",
            "broughtForward": "Übertrag von Seite",
            "markOriginal": "ORIGINAL", "markCopy": "KOPIE", "markDuplicate": "DUPLIKAT",
            "markPreliminary": "VORLÄUFIG", "markCancelled": "STORNIERT", "printedOn": "gedruckt",
            "invoice.title": "RECHNUNG",
            "creditMemo.title": "GUTSCHRIFT", "creditMemo.number": "Gutschriftsnummer",
            "creditMemo.date": "Gutschriftsdatum", "creditMemo.gross": "Gutschriftsbetrag",
            "creditMemo.closing": "Den Gutschriftsbetrag erstatten wir Ihrem Konto bei uns.",
            "debitMemo.title": "BELASTUNGSANZEIGE", "debitMemo.number": "Belastungsnummer",
            "debitMemo.date": "Belastungsdatum",
            "cancellation.title": "STORNORECHNUNG", "cancellation.number": "Stornonummer",
            "cancellation.date": "Stornodatum", "cancellation.gross": "Stornobetrag",
            "cancellation.closing": "Dieser Beleg storniert die Rechnung vollständig; es ist nichts zu zahlen.",
            "preliminary.title": "VORLÄUFIGE RECHNUNG (PROFORMA)", "preliminary.number": "Vorläufige Nummer",
            "preliminary.closing": "Proforma: keine Rechnung, nicht gebucht, keine Zahlungsaufforderung.",
            "journalTitle": "BUCHUNGSJOURNAL", "companyCode": "Buchungskreis", "run": "Lauf",
            "document": "Beleg", "postingDate": "Buchungsdatum", "line": "Zl",
            "glAccount": "Sachkto", "accountKey": "Schl", "taxCode": "St.", "contractAccount": "Konto",
            "text": "Text", "debit": "Soll", "credit": "Haben", "held": "GESPERRT (Buchungssperre)",
            "total": "Summe", "documents": "Belege",
        ])
}
