import Testing

@testable import InvoicingCore

@Suite struct InvoiceListTests {
    typealias World = TestWorld

    @Test(
        "Calendars name their list dates; a late date falls back to the latest list date before it",
        arguments: [
            (InvoiceListCalendar.monthly, "2026-11-30", "2026-11-30"), (.monthly, "2026-12-05", "2026-11-30"),
            (.monthly, "2028-02-29", "2028-02-29"), (.semimonthly, "2026-11-20", "2026-11-15"),
            (.semimonthly, "2026-11-15", "2026-11-15"), (.weekly, "2026-11-24", "2026-11-22"),
            (.weekly, "2026-11-29", "2026-11-29"),
        ])
    func listDates(calendar: InvoiceListCalendar, date: String, expected: String) {
        #expect(calendar.latestListDate(onOrBefore: World.date(date)) == World.date(expected))
    }

    private static func invoice(_ number: String, account: String = "A1", date: String = "2026-11-10", gross: String)
        throws -> Invoice
    {
        let draft = try World.run("NEWPRICE").singleDraft([
            World.document("D-\(number)", account: account, items: [World.item(1, "BOOK", "1")])
        ])
        var invoice = draft.invoice
        invoice.number = number
        invoice.invoiceDate = World.date(date)
        invoice.netTotal = World.money(gross)
        invoice.taxTotal = World.money("0.00")
        invoice.grossTotal = World.money(gross)
        return invoice
    }

    @Test("Invoices and credits of a payer go to separate lists, each with its total; later documents wait")
    func creditsNeverShareAListWithInvoices() throws {
        let invoices = [
            try Self.invoice("IN-3", gross: "100.00"), try Self.invoice("IN-1", date: "2026-11-01", gross: "50.00"),
            try Self.invoice("IN-2", gross: "-20.00"), try Self.invoice("IN-4", date: "2026-12-01", gross: "70.00"),
            try Self.invoice("IN-5", account: "A2", gross: "10.00"),
        ]
        let lists = try InvoiceList.collect(invoices, listDate: World.date("2026-11-30"))
        #expect(lists.map(\.account) == ["A1", "A1", "A2"])
        #expect(lists.map(\.kind) == [.credits, .invoices, .invoices])
        #expect(lists.map(\.documents) == [["IN-2"], ["IN-1", "IN-3"], ["IN-5"]])
        #expect(lists.map(\.grossTotal) == ["-20.00", "150.00", "10.00"].map { World.money($0) })
        #expect(Set(lists.flatMap(\.documents)).count == lists.flatMap(\.documents).count, "no document twice")
        #expect(lists.allSatisfy { $0.listDate == World.date("2026-11-30") })
    }
}
