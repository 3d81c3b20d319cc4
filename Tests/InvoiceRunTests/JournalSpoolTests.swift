import Exporters
import Foundation
import InvoicingCore
import Testing

@testable import invoicerun

/// A run's posting journal is paginated from a spool of its rows: the bytes must be those of the
/// journal rendered from its documents in memory, over many pages, whatever the documents' texts.
@Suite
struct JournalSpoolTests {
    static let templates = CommandLineTool.repositoryRoot.appendingPathComponent("Templates").path

    static let company = CompanyCode(
        id: "1000",
        address: Address(name: "Seller GmbH", street: "Street 1", postalCode: "10115", city: "Berlin", country: "DE"),
        currency: .eur, vatID: "DE811907980",
        bankAccount: BankAccount(iban: "DE89370400440532013000", bic: "COBADEFFXXX", bankName: "Bank"),
        chartOfAccounts: "CA", salesOrganisation: "1000")

    /// `count` balanced FI documents of 2 to 6 lines, in EUR and GBP, on two posting dates; line
    /// texts with a line feed, umlauts and a colon, as imported descriptions may have.
    static func documents(_ count: Int) -> [FIDocument] {
        (1...count).map { number in
            let currency: Currency = number % 7 == 0 ? .gbp : .eur
            let revenue = (0..<(1 + number % 5)).map { index in
                FILine(
                    number: index + 2, glAccount: "800000", side: .credit,
                    amount: Money(minorUnits: Int64(100 * number + index), currency: currency),
                    accountKey: .revenue, taxCode: "A1", contractAccount: nil,
                    text: index == 1 ? "Größe: 2\nzweite Zeile" : "Revenue \(number):\(index)")
            }
            let total = revenue.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let receivable = FILine(
                number: 1, glAccount: "140000", side: .debit, amount: Money(minorUnits: total, currency: currency),
                accountKey: .receivable, taxCode: nil, contractAccount: "CA-\(number)", text: "Receivable")
            let date = CalendarDate(iso: number % 2 == 0 ? "2026-11-30" : "2026-11-29")!
            return FIDocument(
                number: "FI-1000-2026-\(number)", companyCode: "1000", postingDate: date, documentDate: date,
                reference: "IN-\(number)", currency: currency, held: number % 11 == 0, lines: [receivable] + revenue)
        }
    }

    @Test(arguments: [1, 3, 400])
    func aSpooledJournalHasTheBytesOfOneRenderedWhole(count: Int) throws {
        let library = try PrintLayoutLibrary(directory: Self.templates)
        let documents = Self.documents(count)
        let whole = try library.journal(documents, companyCode: Self.company, runID: "RUN-000042")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var output = try OutputFolder(root: folder)
        let journal = try JournalSpool(company: Self.company, layouts: library, in: folder)
        for document in documents { try journal.add(document) }
        let file = try output.appending(to: "journal.txt")
        try journal.write(runID: "RUN-000042", layouts: library, into: file)
        try output.finish(file)
        try output.publish()
        let spooled = try String(contentsOfFile: folder + "/journal.txt", encoding: .utf8)
        #expect(spooled == whole)
        if count == 400 { #expect(whole.components(separatedBy: "\u{0C}").count > 20) }
        // The spool is gone with the journal written.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["journal.txt"])
    }
}
