public import InvoicingCore

/// Invoices as CSV rows: `H` one header row per invoice with its totals, `I` one row per line,
/// `T` one row per tax subtotal; the same columns throughout, empty where they do not apply. The
/// last column, `kind`, is the document kind (`INVOICE`, `ADVANCE`, `PRO_FORMA`, ...) on every row.
public enum InvoiceCSV {
    /// The column names, in order, of the header row.
    public static let header = [
        "record", "invoice_number", "invoice_date", "due_date", "company_code", "account", "currency", "line",
        "source_document", "source_item", "material", "description", "quantity", "unit", "unit_price", "price_unit",
        "net_amount", "tax_code", "tax_rate", "tax_amount", "gross_amount", "kind",
    ]

    /// The rows of `invoices`, header first unless `header` is false (a file written in parts).
    public static func render(_ invoices: [Invoice], header: Bool = true) -> String {
        var writer = header ? CSVWriter(header: Self.header) : CSVWriter()
        for invoice in invoices { append(invoice, to: &writer) }
        return writer.text
    }

    static func append(_ invoice: Invoice, to writer: inout CSVWriter) {
        let common = [
            invoice.number, invoice.invoiceDate.description, invoice.dueDate.description, invoice.seller.id,
            invoice.buyer.id, invoice.currency.code,
        ]
        writer.append(
            ["H"] + common + Array(repeating: "", count: 9)
                + [
                    invoice.netTotal.decimal.description, "", "", invoice.taxTotal.decimal.description,
                    invoice.grossTotal.decimal.description, invoice.kind.rawValue,
                ])
        for line in invoice.lines {
            writer.append(
                ["I"] + common
                    + [
                        String(line.number), line.sourceDocument, String(line.sourceItem), line.material,
                        line.description, line.quantity.description, line.unit, line.unitPrice.description,
                        line.priceUnit.description, line.netAmount.decimal.description, line.taxCode,
                        line.taxRate.description, "", "", invoice.kind.rawValue,
                    ])
        }
        for tax in invoice.taxes {
            writer.append(
                ["T"] + common + Array(repeating: "", count: 9)
                    + [
                        tax.taxableAmount.decimal.description, tax.taxCode, tax.rate.description,
                        tax.taxAmount.decimal.description, "", invoice.kind.rawValue,
                    ])
        }
    }
}
