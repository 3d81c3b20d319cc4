public import InvoicingCore

/// Invoice lists as CSV: one `L` row per list (its totals, discount and amount payable), then a
/// `D` row per document on it.
public enum InvoiceListCSV {
    /// The column names, in order, of the header row.
    public static let header = [
        "record", "list_number", "kind", "list_date", "due_date", "company_code", "account", "currency",
        "document_number", "document_date", "net", "tax", "gross", "discount_percent", "discount", "payable",
        "discount_posting",
    ]

    /// The rows of `lists`, header first.
    public static func render(_ lists: [(list: InvoiceList, documents: [Invoice])]) -> String {
        var writer = CSVWriter(header: header)
        for (list, documents) in lists {
            let head = [
                list.number, list.kind.rawValue, list.listDate.description, list.dueDate.description,
                list.companyCode, list.account, list.currency.code,
            ]
            writer.append(
                ["L"] + head + [
                    "", "", list.netTotal.decimal.description, list.taxTotal.decimal.description,
                    list.grossTotal.decimal.description, list.discountPercent?.description ?? "",
                    list.discount?.decimal.description ?? "", list.amountPayable.decimal.description,
                    list.discountPosting ?? "",
                ])
            for document in documents {
                writer.append(
                    ["D"] + head + [
                        document.number, document.invoiceDate.description, document.netTotal.decimal.description,
                        document.taxTotal.decimal.description, document.grossTotal.decimal.description, "", "", "",
                        "",
                    ])
            }
        }
        return writer.text
    }
}
