import Exporters
import Foundation
import Testing

@testable import InvoicingCore

/// Golden files of the e-invoices the sample run does not make: credit notes in both syntaxes.
///
/// Re-record after a deliberate change with `INVOICERUN_RECORD=1 swift test --filter EInvoiceGoldenTests`
/// and review the diff of `Fixtures/einvoices/`.
@Suite struct EInvoiceGoldenTests {
    static let folder = Fixture.folder.appendingPathComponent("Fixtures/einvoices")
    static let recording = ProcessInfo.processInfo.environment["INVOICERUN_RECORD"] == "1"

    @Test(arguments: EInvoiceFormat.allCases)
    func aCreditNoteMatchesItsGoldenFile(format: EInvoiceFormat) throws {
        let credit = try Fixture.credit(of: try Fixture.englishInvoice)
        let written = try format.encoded(credit, check: EN16931Check(rounding: .halfUp))
        let url = Self.folder.appendingPathComponent("credit-note.\(format.fileSuffix)")
        if Self.recording {
            try Data(written).write(to: url)
            return
        }
        #expect(written == Array(try Data(contentsOf: url)))
    }
}
