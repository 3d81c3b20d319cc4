import Exporters
import InvoicingCore
import Testing

/// The view model is checked apart from the text: the template only places what is here.
@Suite
struct InvoicePrintModelTests {
    @Test func germanInvoicesGetGermanTextsNumbersAndDates() throws {
        let model = InvoicePrintModel(try Fixture.germanInvoice)
        #expect(model.labels["invoice"] == "RECHNUNG")
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
                "  20 M-1007     Energy consulting            16 HUR      120,00    1.920,00 S19 ",
                "                Rabatt DI-CA100008 5%                                -96,00",
            ])
        #expect(model.netTotal.text.hasSuffix("Nettobetrag    16.100,60 EUR"))
        #expect(
            model.taxes.map(\.text) == [
                "                            Umsatzsteuer S19 19% auf 16.100,60     3.059,11 EUR"
            ])
        #expect(model.grossTotal.text.hasSuffix("Rechnungsbetrag    19.159,71 EUR"))
    }

    @Test func englishInvoicesGetEnglishTextsAndExemptionReasons() throws {
        let model = InvoicePrintModel(try Fixture.englishInvoice)
        #expect(model.labels["invoice"] == "INVOICE")
        #expect(model.header[1].text == "Invoice date        30 Nov 2026")
        #expect(model.grossTotal.text.hasSuffix("Total due       872.50 GBP"))
        #expect(model.taxes.count == 2)
        #expect(model.lines.contains { $0.text.contains("Surcharge SU-1012-GBP 0.30") })
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
}
