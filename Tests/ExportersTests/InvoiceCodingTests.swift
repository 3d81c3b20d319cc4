import Foundation
import Testing

@testable import InvoicingCore

/// Invoices are stored as JSON and read back with a hand-written decoder (so invoices stored
/// before a field existed still load): every field must come back, optional ones included.
@Suite struct InvoiceCodingTests {
    @Test func anInvoiceWithEveryOptionalFieldSetComesBackEqual() throws {
        var invoice = try Fixture.germanInvoice
        let currency = invoice.currency
        invoice.kind = .creditMemo
        invoice.reference = "IN-1000-2026-000001"
        invoice.prepaidAmount = Money(minorUnits: 1_000, currency: currency)
        invoice.roundingAmount = Money(minorUnits: -1, currency: currency)
        invoice.documentAllowanceCharges = [
            DocumentAllowanceCharge(
                isCharge: true, amount: Money(minorUnits: 250, currency: currency), reason: "Freight",
                reasonCode: "FC", percentage: FixedDecimal(significand: 5, scale: 0),
                baseAmount: Money(minorUnits: 5_000, currency: currency), category: .standard,
                rate: FixedDecimal(significand: 19, scale: 0))
        ]
        invoice.installments = [
            Installment(
                number: 1, percent: FixedDecimal(significand: 5_000, scale: 2), dueDate: invoice.dueDate,
                amount: Money(minorUnits: 100, currency: currency))
        ]
        invoice.buyer.invoiceFormats = [.ubl, .cii]
        invoice.buyer.invoiceListCalendar = .monthly
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoded = try JSONDecoder().decode(Invoice.self, from: try encoder.encode(invoice))
        #expect(decoded == invoice)
    }
}
