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

extension Fixture {
    /// `invoice` with every quantity and amount negated: a credit of the same goods.
    static func credit(of invoice: Invoice) throws -> Invoice {
        var credit = invoice
        credit.lines = invoice.lines.map { line in
            var line = line
            line.quantity = line.quantity.negated
            line.baseAmount = line.baseAmount.negated
            line.conditions = line.conditions.map { condition in
                var condition = condition
                condition.amount = condition.amount.negated
                return condition
            }
            line.netAmount = line.netAmount.negated
            return line
        }
        credit.taxes = invoice.taxes.map { tax in
            var tax = tax
            tax.taxableAmount = tax.taxableAmount.negated
            tax.taxAmount = tax.taxAmount.negated
            return tax
        }
        credit.netTotal = invoice.netTotal.negated
        credit.taxTotal = invoice.taxTotal.negated
        credit.grossTotal = invoice.grossTotal.negated
        return credit
    }
}
