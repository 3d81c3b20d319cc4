public import InvoicingCore

/// FI documents as CSV, one row per line.
public enum PostingCSV {
    /// The column names, in order, of the header row.
    public static let header = [
        "document_number", "company_code", "posting_date", "document_date", "reference", "currency", "held", "line",
        "gl_account", "side", "amount", "account_key", "tax_code", "contract_account", "text",
        "profit_center", "cost_center",
    ]

    /// The lines of `documents` as CSV rows, header first unless `header` is false (a file
    /// written in parts).
    public static func render(_ documents: some Collection<FIDocument>, header: Bool = true) -> String {
        var writer = header ? CSVWriter(header: Self.header) : CSVWriter()
        for document in documents {
            // The document's own columns, which every line's row starts with: made once.
            let common = [
                document.number, document.companyCode, document.postingDate.description,
                document.documentDate.description, document.reference, document.currency.code,
                document.held ? "true" : "false",
            ]
            for line in document.lines {
                writer.appendRow { row in
                    row.fields(common)
                    row.field(String(line.number))
                    row.field(line.glAccount)
                    row.field(line.side.rawValue)
                    row.field(line.amount.decimal.description)
                    row.field(line.accountKey?.rawValue)
                    row.field(line.taxCode)
                    row.field(line.contractAccount)
                    row.field(line.text)
                    row.field(line.profitCenter)
                    row.field(line.costCenter)
                }
            }
        }
        return writer.text
    }
}
