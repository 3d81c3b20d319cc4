import Exporters
import Foundation
import Testing

@testable import InvoicingCore

/// Golden files of the EDIFACT INVOIC and X12 810 of two sample invoices: the German invoice
/// (`IN-1000-2026-000009`, an account discount) and the English one (`IN-2000-2026-000003`, three
/// tax codes and a surcharge). Their credit notes are pinned by ``EInvoiceGoldenTests``.
///
/// Re-record after a deliberate change with `INVOICERUN_RECORD=1 swift test --filter EDIGoldenTests`
/// and review the diff of `Expected/edi/`.
@Suite struct EDIGoldenTests {
    static let folder = Fixture.folder.appendingPathComponent("Expected/edi")
    static let recording = ProcessInfo.processInfo.environment["INVOICERUN_RECORD"] == "1"

    @Test(arguments: ["IN-1000-2026-000009", "IN-2000-2026-000003"], [EInvoiceFormat.edifact, .x12])
    func anInvoiceMatchesItsGoldenFile(number: String, format: EInvoiceFormat) throws {
        let written = try format.encoded(try Fixture.invoice(number), check: EN16931Check(rounding: .halfUp))
        let url = Self.folder.appendingPathComponent("\(number).\(format.fileSuffix)")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(written).write(to: url)
            return
        }
        #expect(written == Array(try Data(contentsOf: url)))
    }
}
