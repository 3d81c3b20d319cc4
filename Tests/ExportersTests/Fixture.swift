import Foundation
import InvoicingCore

/// Invoices as the sample run stored them (`Fixtures/*.json`, the store's own payload format).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent()

    /// `IN-1000-2026-000009`: German, EUR, two lines with a 5 % account discount.
    static var germanInvoice: Invoice { get throws { try invoice("IN-1000-2026-000009") } }
    /// `IN-2000-2026-000003`: English, GBP, three tax codes, a surcharge.
    static var englishInvoice: Invoice { get throws { try invoice("IN-2000-2026-000003") } }

    static func invoice(_ number: String) throws -> Invoice {
        let data = try Data(contentsOf: folder.appendingPathComponent("Fixtures/\(number).json"))
        return try JSONDecoder().decode(Invoice.self, from: data)
    }
}
