import Exporters
import Foundation
import InvoicingCore
import Testing

/// Every layout in both languages, compared with `Expected/print/`. After a deliberate change,
/// re-record with `INVOICERUN_RECORD=1 swift test --filter PrintGoldenTests` and review the diff.
@Suite
struct PrintGoldenTests {
    static let expected = Fixture.folder.appendingPathComponent("Expected/print")
    static let recording = ProcessInfo.processInfo.environment["INVOICERUN_RECORD"] == "1"
    static let printDate = CalendarDate(year: 2026, month: 12, day: 3)!

    /// The German fixture for `de`, the English one (three tax codes) for `en`.
    static func invoice(_ language: String) throws -> Invoice {
        language == "de" ? try Fixture.germanInvoice : try Fixture.englishInvoice
    }

    static func check(_ text: String, _ name: String) throws {
        let url = expected.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text == golden, "\(name) differs from its golden file")
    }

    @Test(arguments: PrintDocumentKind.documents, ["en", "de"])
    func everyLayoutInBothLanguages(kind: PrintDocumentKind, language: String) throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        var invoice = try Self.invoice(language)
        invoice.simulated = kind == .preliminaryInvoice
        let text = try layouts.render(InvoicePrintModelBuilder().model(invoice, kind: kind))
        try Self.check(text, "\(kind.templateName)-\(language).txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 71)  // 70 lines and the final newline
        #expect(lines.allSatisfy { $0.count <= 80 && !$0.hasSuffix(" ") })
        #expect(!text.contains("\u{0C}"))
    }

    @Test(arguments: ["en", "de"])
    func aLongInvoiceRunsToThreePagesWithTotalsCarriedForward(language: String) throws {
        let invoice = try Fixture.longInvoice(try Self.invoice(language), times: 8)
        let layouts = try PrintLayouts(directory: Fixture.templates, page: PageSettings(width: 80, length: 40))
        let model = InvoicePrintModelBuilder(page: layouts.page).model(invoice)
        let text = try layouts.render(model)
        try Self.check(text, "invoice-3-pages-\(language).txt")
        let pages = text.dropLast().split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count == 3)
        let carried = language == "de" ? "Übertrag auf Seite" : "Carried forward to page"
        let brought = language == "de" ? "Übertrag von Seite" : "Brought forward from page"
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 40, "page \(index + 1)")
            #expect(
                lines.last?.hasSuffix(language == "de" ? "Seite \(index + 1) von 3" : "Page \(index + 1) of 3") == true)
            #expect(lines.first?.hasPrefix(model.title) == true)
            #expect(page.contains("\(carried) \(index + 2)") == (index < 2))
            #expect(page.contains("\(brought) \(index)") == (index > 0))
        }
        // What a page carries forward, the next brings forward: the same amount.
        for index in 0..<2 {
            let out = try #require(pages[index].split(separator: "\n").first { $0.contains(carried) })
            let into = try #require(pages[index + 1].split(separator: "\n").first { $0.contains(brought) })
            #expect(out.suffix(17) == into.suffix(17))
        }
        // Every item is whole on one page: each item's rows appear together.
        for item in model.items {
            let block = item.rows.map(\.text).map {
                $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
            }
            .joined(separator: "\n")
            #expect(pages.contains { $0.contains(block) }, "split item: \(item.rows[0].text)")
        }
    }

    @Test(arguments: ["en", "de"])
    func aCopyPrintsTheOriginalWithItsMarkAndCount(language: String) throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let invoice = try Self.invoice(language)
        let text = try layouts.render(
            InvoicePrintModelBuilder().model(invoice, edition: .copy(2, printDate: Self.printDate)))
        try Self.check(text, "invoice-copy-\(language).txt")
        let original = try layouts.render(InvoicePrintModel(invoice))
        // Only the page header (its mark) differs from the original.
        let differing = zip(text.split(separator: "\n"), original.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.count == 1)
    }

    @Test(arguments: ["en", "de"])
    func anInvoiceListHasARowPerDocumentAndTheListTotal(language: String) throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let invoice = try Self.invoice(language)
        var second = try Fixture.longInvoice(invoice, times: 2)
        second.number = invoice.number.replacingOccurrences(of: "00000", with: "00010")
        let model = try #require(
            InvoicePrintModelBuilder().invoiceList(
                [invoice, second], number: "IL-\(invoice.buyer.id)-2026-11", date: Self.printDate,
                dueDate: CalendarDate(year: 2027, month: 1, day: 2)!))
        try Self.check(try layouts.render(model), "invoicelist-\(language).txt")
        #expect(model.items.map(\.amount) == [invoice.grossTotal, second.grossTotal])
        #expect(model.grossTotal.text.hasSuffix(language == "de" ? "57.479,14 EUR" : "2,617.50 GBP"))
    }

    @Test(arguments: ["en", "de"])
    func anInstallmentScheduleListsEachDueDateAndTheInvoiceTotals(language: String) throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let invoice = try Self.invoice(language)
        let count = language == "de" ? 3 : 2
        let share = Money(minorUnits: invoice.grossTotal.minorUnits / Int64(count), currency: invoice.currency)
        let dueDates = [(2026, 12, 30), (2027, 1, 30), (2027, 2, 28)].prefix(count)
        let installments = dueDates.map { year, month, day in
            ScheduledInstallment(dueDate: CalendarDate(year: year, month: month, day: day)!, amount: share)
        }
        let model = InvoicePrintModelBuilder().installmentSchedule(invoice, installments: installments)
        try Self.check(try layouts.render(model), "installments-\(language).txt")
        #expect(try installments.map(\.amount).sum(in: invoice.currency) == invoice.grossTotal)
        #expect(model.items.count == count)
    }

    @Test(arguments: ["en", "de"])
    func thePostingJournalListsEveryDocumentWithDebitAndCredit(language: String) throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let invoice = try Self.invoice(language)
        var long = try Fixture.longInvoice(invoice, times: 3)
        long.number = invoice.number.replacingOccurrences(of: "00000", with: "00010")
        long.postingNumber = invoice.postingNumber.replacingOccurrences(of: "00000", with: "00010")
        let documents = [Fixture.posting(invoice), Fixture.posting(long, held: true)]
        let journal = PostingJournalBuilder(language: .named(language))
            .model(documents, companyCode: invoice.seller, runID: "RUN-000042")
        let text = try layouts.render(journal)
        try Self.check(text, "journal-\(language).txt")
        #expect(journal.items.count == 2)
        #expect(journal.items.allSatisfy { $0.debit == $0.credit })
        #expect(journal.totals.count == 1)
    }

    @Test func aLongJournalCarriesItsSumsForward() throws {
        let layouts = try PrintLayouts(directory: Fixture.templates, page: PageSettings(width: 80, length: 30))
        let invoice = try Fixture.germanInvoice
        let documents = (1...6).map { _ in Fixture.posting(invoice) }
        let journal = PostingJournalBuilder(page: layouts.page, language: .german)
            .model(documents, companyCode: invoice.seller, runID: "RUN-000042")
        let text = try layouts.render(journal)
        let pages = text.split(separator: "\u{0C}")
        #expect(pages.count > 1)
        #expect(pages[0].contains("Übertrag auf Seite 2"))
        #expect(pages[1].contains("Übertrag von Seite 1"))
        #expect(text.contains("Summe EUR (6 Belege)"))
    }
}
