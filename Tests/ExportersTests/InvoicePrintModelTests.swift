import Exporters
import InvoicingCore
import Testing

/// The view model is checked apart from the text: the template only places what is here.
@Suite
struct InvoicePrintModelTests {
    @Test func germanInvoicesGetGermanTextsNumbersAndDates() throws {
        let model = InvoicePrintModel(try Fixture.germanInvoice)
        #expect(model.title == "RECHNUNG")
        #expect(model.labels["gross"] == "Rechnungsbetrag")
        #expect(
            model.header.map(\.text) == [
                "Rechnungsnummer     IN-1000-2026-000009",
                "Rechnungsdatum      30.11.2026",
                "Fällig am           30.12.2026",
                "Vertragskonto       CA-100008",
                "Zahlungsbedingung   30 days net",
                "Ihre USt-IdNr.      DE129273398",
            ])
        #expect(
            model.lines.map(\.text) == [
                "  10 M-1002     Electricity, business    52.000 KWH       0,289   15.028,00 S19 ",
                "                tariff",
                "                Rabatt DI-CA100008 5%                               -751,40",
                "  20 M-1007     Energy consulting            16 HUR     120,00     1.920,00 S19 ",
                "                Rabatt DI-CA100008 5%                                -96,00",
            ])
        #expect(model.items.map(\.rows.count) == [3, 2])
        #expect(model.items.map(\.amount.decimal.description) == ["14276.60", "1824.00"])
        #expect(model.netTotal.text.hasSuffix("Nettobetrag    16.100,60 EUR"))
        #expect(
            model.taxes.map(\.text) == [
                "                            Umsatzsteuer S19 19% auf 16.100,60     3.059,11 EUR"
            ])
        #expect(model.grossTotal.text.hasSuffix("Rechnungsbetrag    19.159,71 EUR"))
        #expect(model.marks.map(\.text) == ["ORIGINAL"])
        #expect(model.pageHeader.hasPrefix("RECHNUNG IN-1000-2026-000009 "))
        #expect(model.pageHeader.hasSuffix(" ORIGINAL"))
        #expect(model.pageHeader.count == 80)
    }

    @Test func englishInvoicesGetEnglishTextsAndExemptionReasons() throws {
        let model = InvoicePrintModel(try Fixture.englishInvoice)
        #expect(model.title == "INVOICE")
        #expect(model.header[1].text == "Invoice date        30 Nov 2026")
        #expect(model.grossTotal.text.hasSuffix("Total due       872.50 GBP"))
        #expect(model.taxes.count == 2)
        #expect(model.lines.contains { $0.text.contains("Surcharge SU-1012-GBP 0.30") })
        #expect(model.closing.first?.text == "Please pay the total due by the due date to")
    }

    @Test func everyRowFitsTheWidthAndAmountsEndInOneColumn() throws {
        for invoice in [try Fixture.germanInvoice, try Fixture.englishInvoice] {
            let model = InvoicePrintModel(invoice)
            for row in model.lines + model.header + model.taxes + [model.netTotal, model.grossTotal] {
                #expect(row.text.count <= InvoicePrintModel.width, "\(row.text)")
            }
            // The amount of every item row and every total ends in column 75.
            let amountRows = model.lines.filter { $0.text.hasPrefix("  ") && $0.text.count >= 75 }
            for row in amountRows + model.taxes + [model.netTotal, model.grossTotal] {
                let text = Array(row.text)
                #expect(text[74].isNumber, "\(row.text)")
                #expect(text.count == 75 || text[75] == " ", "\(row.text)")
            }
        }
    }

    @Test func quantitiesAndPricesLineUpOnTheirDecimalSeparator() throws {
        let model = InvoicePrintModel(try Fixture.germanInvoice)
        let itemRows = model.items.map { Array($0.rows[0].text) }
        // Price column: "0,289" and "120,00" put their comma in the same column.
        let commas = itemRows.map { row in (55..<63).filter { row[$0] == "," } }
        #expect(commas[0] == commas[1])
        #expect(commas[0].count == 1)
    }

    @Test func aWiderPageGivesTheDescriptionTheRoom() throws {
        let model = InvoicePrintModelBuilder(page: PageSettings(width: 100, length: 70))
            .model(try Fixture.germanInvoice)
        #expect(model.lines[0].text.contains("Electricity, business tariff"))
        #expect(model.items[0].rows.count == 2)  // no wrapped description any more, the discount stays
        #expect(model.grossTotal.text.count == 99)
        #expect(model.rule.count == 100)
    }

    @Test func aCreditMemoHasItsOwnTitleTotalAndClosingAndNothingDue() throws {
        let invoice = try Fixture.germanInvoice
        let model = InvoicePrintModelBuilder().model(invoice, kind: .creditMemo)
        #expect(model.kind == .creditMemo)
        #expect(model.title == "GUTSCHRIFT")
        #expect(model.header.map(\.text).first == "Gutschriftsnummer   IN-1000-2026-000009")
        #expect(!model.header.contains { $0.text.hasPrefix("Fällig am") })
        #expect(model.grossTotal.text.hasSuffix("Gutschriftsbetrag    19.159,71 EUR"))
        #expect(model.closing.first?.text == "Den Gutschriftsbetrag erstatten wir Ihrem Konto bei uns.")
        #expect(model.labels["gross"] == "Gutschriftsbetrag")
        // The line items are the invoice's, unchanged.
        #expect(model.lines == InvoicePrintModel(invoice).lines)
    }

    @Test(arguments: [
        (PrintEdition.original, "en", ["ORIGINAL"]),
        (.copy(2, printDate: CalendarDate(year: 2026, month: 12, day: 1)!), "en", ["COPY 2 (printed 01 Dec 2026)"]),
        (.copy(2, printDate: CalendarDate(year: 2026, month: 12, day: 1)!), "de", ["KOPIE 2 (gedruckt 01.12.2026)"]),
        (
            .duplicate(1, printDate: CalendarDate(year: 2026, month: 12, day: 1)!), "de",
            ["DUPLIKAT 1 (gedruckt 01.12.2026)"]
        ),
        (
            .copy(3, printDate: CalendarDate(year: 2026, month: 12, day: 1)!, cancelled: true), "en",
            [
                "COPY 3 (printed 01 Dec 2026)", "CANCELLED",
            ]
        ),
        (PrintEdition(kind: .copy, reprint: 0, printDate: nil), "de", ["KOPIE"]),
    ])
    func everyPrintIsMarkedForWhatItIs(edition: PrintEdition, language: String, marks: [String]) throws {
        let invoice = Fixture.inLanguage(try Fixture.englishInvoice, language)
        let model = InvoicePrintModelBuilder().model(invoice, edition: edition)
        #expect(model.marks.map(\.text) == marks)
        #expect(model.pageHeader.hasSuffix(marks.joined(separator: " · ")))
        // A copy prints the original's content exactly.
        #expect(model.lines == InvoicePrintModel(invoice).lines)
        #expect(model.header == InvoicePrintModel(invoice).header)
    }

    @Test func anInvoiceListRefusesDocumentsOfDifferentPayersOrCurrencies() throws {
        let builder = InvoicePrintModelBuilder()
        let date = CalendarDate(year: 2026, month: 12, day: 1)!
        #expect(builder.invoiceList([], number: "L", date: date, dueDate: date) == nil)
        let mixed = [try Fixture.germanInvoice, try Fixture.englishInvoice]
        #expect(builder.invoiceList(mixed, number: "L", date: date, dueDate: date) == nil)
        let model = try #require(
            builder.invoiceList([try Fixture.germanInvoice], number: "L-1", date: date, dueDate: date))
        #expect(model.kind == .invoiceList)
        #expect(model.title == "RECHNUNGSLISTE")
        #expect(
            model.header.map(\.text).prefix(3) == [
                "Listennummer        L-1", "Listendatum         01.12.2026", "Fällig am           01.12.2026",
            ])
        #expect(
            model.lines.map(\.text) == [
                "IN-1000-2026-000009   30.11.2026       16.100,60     3.059,11     19.159,71 EUR"
            ])
        #expect(model.closing.last?.text == "Referenz: L-1")
    }

    @Test func anInstallmentScheduleHasNoSingleDueDateButOneRowPerInstallment() throws {
        let invoice = try Fixture.englishInvoice
        let half = Money(minorUnits: invoice.grossTotal.minorUnits / 2, currency: invoice.currency)
        let model = InvoicePrintModelBuilder().installmentSchedule(
            invoice,
            installments: [
                ScheduledInstallment(dueDate: CalendarDate(year: 2026, month: 12, day: 30)!, amount: half),
                ScheduledInstallment(dueDate: CalendarDate(year: 2027, month: 1, day: 30)!, amount: half),
            ])
        #expect(model.title == "INSTALLMENT PLAN")
        #expect(!model.header.contains { $0.text.hasPrefix("Due date") })
        #expect(
            model.lines.map(\.text) == [
                "   1  30 Dec 2026                                                    436.25 GBP",
                "   2  30 Jan 2027                                                    436.25 GBP",
            ])
        #expect(model.closing.first?.text == "Please pay each installment by its due date to")
    }

    @Test func aSimulatedInvoiceIsAPreliminaryInvoiceWithoutPaymentDetails() throws {
        var invoice = try Fixture.englishInvoice
        invoice.simulated = true
        let model = InvoicePrintModel(invoice)
        #expect(model.kind == .preliminaryInvoice)
        #expect(model.title == "PRELIMINARY INVOICE (PRO FORMA)")
        #expect(model.marks.map(\.text) == ["PRELIMINARY"])
        #expect(model.closing.map(\.text) == ["Pro forma: not an invoice, not posted, not valid for payment."])
    }

    @Test(arguments: [
        ("1234567.891", "en", "1,234,567.891"),
        ("1234567.891", "de", "1.234.567,891"),
        ("0.5", "de", "0,5"),
        ("-1000", "en", "-1,000"),
    ])
    func numbersAreFormattedByLanguage(text: String, language: String, expected: String) throws {
        #expect(PrintLanguage.named(language).format(try FixedDecimal.parse(text)) == expected)
    }

    @Test func aValueTooLargeToPadPrintsAtItsOwnScale() {
        let huge = FixedDecimal(significand: .max, scale: 0)  // × 100 would overflow Int64
        #expect(PrintLanguage.named("en").format(huge, minimumScale: 2) == "9,223,372,036,854,775,807")
    }

    @Test func anUnknownLanguageFallsBackToEnglish() {
        #expect(PrintLanguage.named("fr") == .english)
        #expect(PrintLanguage.named("de").format(CalendarDate(year: 2026, month: 3, day: 7)!) == "07.03.2026")
        #expect(PrintLanguage.named("en").format(CalendarDate(year: 2026, month: 3, day: 7)!) == "07 Mar 2026")
    }

    @Test func everyFixedTextExistsInBothLanguages() {
        let english = Set(PrintDocumentKind.allCases.flatMap { PrintLanguage.english.labels(for: $0).keys })
        let german = Set(PrintDocumentKind.allCases.flatMap { PrintLanguage.german.labels(for: $0).keys })
        #expect(english == german)
        for kind in PrintDocumentKind.allCases {
            #expect(PrintLanguage.english.label("title", for: kind) != "title")
            #expect(PrintLanguage.german.label("title", for: kind) != "title")
        }
    }
}
