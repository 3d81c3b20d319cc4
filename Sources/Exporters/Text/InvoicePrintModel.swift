public import InvoicingCore

/// Everything the invoice print layout shows, already formatted and aligned; the template only
/// places it. Tests check this model apart from the text.
public struct InvoicePrintModel: Sendable {
    /// Width of the layout in characters.
    public static let width = 80

    /// One formatted line of the layout.
    public struct Row: Sendable, Hashable {
        /// The line's text, already padded and aligned.
        public var text: String
    }

    /// The fixed texts of the buyer's language, by key.
    public var labels: [String: String]
    /// Whether the invoice comes from a simulation run and must be marked as not valid for payment.
    public var simulated: Bool
    /// The seller's address, right-aligned for the letterhead.
    public var seller: [Row]
    /// The seller's address on one line, shown above the buyer's address.
    public var sellerLine: String
    /// The buyer's address lines.
    public var buyer: [Row]
    /// The invoice number, dates, account, payment terms and the buyer's VAT ID, each with its label.
    public var header: [Row]
    /// The headings of the item table's columns.
    public var columnHeader: String
    /// A dashed rule across the full width.
    public var rule: String
    /// The item table: one row per invoice line, with wrapped descriptions and price conditions below it.
    public var lines: [Row]
    /// The net total, aligned with the line amounts.
    public var netTotal: Row
    /// One row per tax subtotal: rate, taxable amount and tax.
    public var taxes: [Row]
    /// The gross total due.
    public var grossTotal: Row
    /// Where and how to pay: bank account, payment reference, VAT ID and posting number.
    public var payment: [Row]

    /// Builds the model of `invoice` in the buyer's language.
    public init(_ invoice: Invoice) {
        let language = PrintLanguage.named(invoice.buyer.language)
        let money = { (amount: Money) in language.format(amount) }
        labels = language.labels
        simulated = invoice.simulated
        let seller = invoice.seller.address
        self.seller = [seller.name, seller.street, "\(seller.postalCode) \(seller.city)", seller.country]
            .map { Row(text: TextColumns.right($0, Self.width)) }
        sellerLine = "\(seller.name) · \(seller.street) · \(seller.postalCode) \(seller.city)"
        let buyerAddress = invoice.buyer.address
        buyer = [
            buyerAddress.name, buyerAddress.street, "\(buyerAddress.postalCode) \(buyerAddress.city)",
            buyerAddress.country,
        ]
        .map { Row(text: $0) }
        var header: [(String, String)] = [
            (language.label("number"), invoice.number),
            (language.label("date"), language.format(invoice.invoiceDate)),
            (language.label("dueDate"), language.format(invoice.dueDate)),
            (language.label("account"), invoice.buyer.id),
            (language.label("paymentTerms"), invoice.paymentTerms.description),
        ]
        if let vatID = invoice.buyer.vatID { header.append((language.label("yourVATID"), vatID)) }
        self.header = header.map { Row(text: TextColumns.left($0.0, 20) + $0.1) }
        columnHeader = Self.columns(
            position: language.label("position"), material: language.label("material"),
            description: language.label("description"), quantity: language.label("quantity"),
            unit: language.label("unit"), price: language.label("price"), amount: language.label("amount"),
            tax: language.label("tax"))
        rule = String(repeating: "-", count: Self.width)
        var rows: [Row] = []
        for line in invoice.lines {
            let description = TextColumns.wrap(line.description, Self.descriptionWidth)
            rows.append(
                Row(
                    text: Self.columns(
                        position: String(line.number), material: line.material, description: description[0],
                        quantity: language.format(line.quantity), unit: line.unit,
                        price: language.format(line.unitPrice, minimumScale: 2)
                            + (line.priceUnit == .one ? "" : "/\(language.format(line.priceUnit))"),
                        amount: money(line.baseAmount), tax: line.taxCode)))
            for more in description.dropFirst() {
                rows.append(Row(text: String(repeating: " ", count: 16) + more))
            }
            for condition in line.conditions {
                let value =
                    condition.calculation == .percent
                    ? "\(language.format(condition.value))%" : language.format(condition.value, minimumScale: 2)
                let text = "\(language.label(condition.kind.rawValue)) \(condition.conditionID) \(value)"
                rows.append(
                    Row(
                        text: String(repeating: " ", count: 16) + TextColumns.left(text, 47)
                            + TextColumns.right(money(condition.amount), 12)))
            }
        }
        lines = rows
        // Totals align their amounts with the line amounts (column 75), currency after.
        func total(_ label: String, _ amount: Money) -> Row {
            Row(text: TextColumns.right(label, 62) + TextColumns.right(money(amount), 13) + " " + invoice.currency.code)
        }
        netTotal = total(language.label("net"), invoice.netTotal)
        taxes = invoice.taxes.map { tax in
            let label =
                "\(language.label("taxTotal")) \(tax.taxCode) \(language.format(tax.rate))% \(language.label("taxBase")) \(money(tax.taxableAmount))"
                + (tax.exemptionReason.map { " (\($0))" } ?? "")
            return total(label, tax.taxAmount)
        }
        grossTotal = total(language.label("gross"), invoice.grossTotal)
        let bank = invoice.seller.bankAccount
        payment = [
            Row(text: language.label("payTo")),
            Row(text: "\(bank.bankName), IBAN \(bank.iban), BIC \(bank.bic)"),
            Row(text: "\(language.label("reference")): \(invoice.number)"),
            Row(
                text:
                    "\(language.label("vatID")) \(invoice.seller.vatID) · \(language.label("posting")) \(invoice.postingNumber)"
            ),
        ]
    }

    static let descriptionWidth = 22

    /// One row of the item table: Pos(4) Material(10) Description(22) Qty(9) Unit(4) Price(11) Amount(12) Tax(4).
    static func columns(
        position: String, material: String, description: String, quantity: String, unit: String, price: String,
        amount: String, tax: String
    ) -> String {
        TextColumns.right(position, 4) + " " + TextColumns.left(material, 10) + " "
            + TextColumns.left(description, descriptionWidth) + TextColumns.right(quantity, 9) + " "
            + TextColumns.left(unit, 4) + TextColumns.right(price, 11) + TextColumns.right(amount, 12) + " "
            + TextColumns.left(tax, 4)
    }
}
