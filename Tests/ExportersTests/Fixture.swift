import Foundation

@testable import InvoicingCore

/// Invoices as the sample run stored them (`Fixtures/*.json`, the store's own payload format).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("Templates").path

    /// `IN-1000-2026-000009`: German, EUR, two lines with a 5 % account discount.
    static var germanInvoice: Invoice { get throws { try invoice("IN-1000-2026-000009") } }
    /// `IN-2000-2026-000003`: English, GBP, three tax codes, a surcharge.
    static var englishInvoice: Invoice { get throws { try invoice("IN-2000-2026-000003") } }

    static func invoice(_ number: String) throws -> Invoice {
        let data = try Data(contentsOf: folder.appendingPathComponent("Fixtures/\(number).json"))
        return try JSONDecoder().decode(Invoice.self, from: data)
    }

    /// `base` with its lines repeated `times` times (numbered 10, 20, ...) and its totals made
    /// anew from them, exactly as the run would: tax per tax code on the sum of net amounts.
    static func longInvoice(_ base: Invoice, times: Int) throws -> Invoice {
        var invoice = base
        invoice.lines = (0..<times).flatMap { _ in base.lines }.enumerated().map { index, line in
            var line = line
            line.number = (index + 1) * 10
            return line
        }
        invoice.netTotal = try invoice.lines.map(\.netAmount).sum(in: base.currency)
        invoice.taxes = try base.taxes.map { tax in
            var tax = tax
            tax.taxableAmount = try invoice.lines.filter { $0.taxCode == tax.taxCode }.map(\.netAmount)
                .sum(in: base.currency)
            tax.taxAmount = try tax.taxableAmount.percentage(tax.rate, rounding: .halfUp)
            return tax
        }
        invoice.taxTotal = try invoice.taxes.map(\.taxAmount).sum(in: base.currency)
        invoice.grossTotal = try invoice.netTotal.adding(invoice.taxTotal)
        return invoice
    }

    /// `invoice` as its buyer would get it in `language`.
    static func inLanguage(_ invoice: Invoice, _ language: String) -> Invoice {
        var invoice = invoice
        invoice.buyer.language = language
        return invoice
    }

    /// A balanced FI document posting `invoice`: receivable, revenue per line, tax per code.
    static func posting(_ invoice: Invoice, held: Bool = false) -> FIDocument {
        var lines = [
            FILine(
                number: 1, glAccount: "140000", side: .debit, amount: invoice.grossTotal, accountKey: .receivable,
                taxCode: nil, contractAccount: invoice.buyer.id, text: "Receivable \(invoice.buyer.id)")
        ]
        for line in invoice.lines {
            lines.append(
                FILine(
                    number: lines.count + 1, glAccount: line.revenueAccount, side: .credit, amount: line.netAmount,
                    accountKey: .revenue, taxCode: line.taxCode, contractAccount: nil, text: "Revenue"))
        }
        for tax in invoice.taxes {
            lines.append(
                FILine(
                    number: lines.count + 1, glAccount: tax.glAccount, side: .credit, amount: tax.taxAmount,
                    accountKey: nil, taxCode: tax.taxCode, contractAccount: nil, text: "Output tax \(tax.taxCode)"))
        }
        return FIDocument(
            number: invoice.postingNumber, companyCode: invoice.seller.id, postingDate: invoice.invoiceDate,
            documentDate: invoice.invoiceDate, reference: invoice.number, currency: invoice.currency, held: held,
            lines: lines)
    }
}

extension Fixture {
    /// `invoice` with every quantity and amount negated: a credit of the same goods.
    static func credit(of invoice: Invoice) throws -> Invoice {
        var credit = invoice
        credit.negateAmounts()
        return credit
    }
}
