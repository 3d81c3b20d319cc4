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
        // The invoice's own columns, which every row has after its record: made once.
        let common = [
            invoice.number, invoice.invoiceDate.description, invoice.dueDate.description, invoice.seller.id,
            invoice.buyer.id, invoice.currency.code,
        ]
        func start(_ record: String, _ row: inout CSVWriter.Row) {
            row.field(record)
            row.fields(common)
        }
        writer.appendRow { row in
            start("H", &row)
            row.empty(9)
            row.field(invoice.netTotal.decimal.description)
            row.empty(2)
            row.field(invoice.taxTotal.decimal.description)
            row.field(invoice.grossTotal.decimal.description)
            row.field(invoice.kind.rawValue)
        }
        for line in invoice.lines {
            writer.appendRow { row in
                start("I", &row)
                row.field(String(line.number))
                row.field(line.sourceDocument)
                row.field(String(line.sourceItem))
                row.field(line.material)
                row.field(line.description)
                row.field(line.quantity.description)
                row.field(line.unit)
                row.field(line.unitPrice.description)
                row.field(line.priceUnit.description)
                row.field(line.netAmount.decimal.description)
                row.field(line.taxCode)
                row.field(line.taxRate.description)
                row.empty(2)
                row.field(invoice.kind.rawValue)
            }
        }
        for tax in invoice.taxes {
            writer.appendRow { row in
                start("T", &row)
                row.empty(9)
                row.field(tax.taxableAmount.decimal.description)
                row.field(tax.taxCode)
                row.field(tax.rate.description)
                row.field(tax.taxAmount.decimal.description)
                row.empty(1)
                row.field(invoice.kind.rawValue)
            }
        }
    }
}
