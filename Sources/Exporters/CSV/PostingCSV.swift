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
            for line in document.lines {
                writer.append([
                    document.number, document.companyCode, document.postingDate.description,
                    document.documentDate.description, document.reference, document.currency.code,
                    document.held ? "true" : "false", String(line.number), line.glAccount, line.side.rawValue,
                    line.amount.decimal.description, line.accountKey?.rawValue ?? "", line.taxCode ?? "",
                    line.contractAccount ?? "", line.text, line.profitCenter ?? "", line.costCenter ?? "",
                ])
            }
        }
        return writer.text
    }
}
