public import InvoicingCore

/// Installment schedules as CSV: one row per installment of each invoice paid in installments.
public enum InstallmentScheduleCSV {
    /// The column names, in order, of the header row.
    public static let header = [
        "invoice_number", "company_code", "account", "currency", "invoice_date", "gross_total", "installment",
        "percent", "due_date", "amount",
    ]

    /// The installments of `invoices` as CSV rows, header first unless `header` is false (a file
    /// written in parts); invoices without installments add none.
    public static func render(_ invoices: [Invoice], header: Bool = true) -> String {
        var writer = header ? CSVWriter(header: Self.header) : CSVWriter()
        for invoice in invoices {
            for installment in invoice.installments ?? [] {
                writer.append([
                    invoice.number, invoice.seller.id, invoice.buyer.id, invoice.currency.code,
                    invoice.invoiceDate.description, invoice.grossTotal.decimal.description,
                    String(installment.number), installment.percent.description, installment.dueDate.description,
                    installment.amount.decimal.description,
                ])
            }
        }
        return writer.text
    }
}
