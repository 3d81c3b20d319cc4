extension InvoicingRun {
    /// The advances a final invoice deducts: the advance and prepayment invoices among
    /// `advances` of its account, company code and currency that bill an order (`referenceOrder`)
    /// one of its lines delivers, in number order.
    public static func advancesCleared(by invoice: Invoice, from advances: [Invoice]) -> [Invoice] {
        let orders = Set(invoice.lines.compactMap(\.referenceOrder))
        guard !orders.isEmpty else { return [] }
        return advances.filter { advance in
            advance.kind.isAdvance && advance.buyer.id == invoice.buyer.id && advance.seller.id == invoice.seller.id
                && advance.currency == invoice.currency && !advance.number.isEmpty
                && advance.lines.contains { $0.referenceOrder.map(orders.contains) ?? false }
        }.sorted { $0.number < $1.number }
    }

    /// The lines of a summary invoice: one per source document and tax code, quantity 1, its
    /// net amount the sum of the detailed lines' (conditions included), numbered 10, 20, ...; the
    /// delivery (else the document) stands where a material would.
    static func summaryLines(of lines: [InvoiceLine], currency: Currency) throws(ArithmeticError) -> [InvoiceLine] {
        var groups: [[InvoiceLine]] = []
        var index: [String: Int] = [:]
        for line in lines {
            let key = line.sourceDocument + "\u{1F}" + line.taxCode
            if let position = index[key] {
                groups[position].append(line)
            } else {
                index[key] = groups.count
                groups.append([line])
            }
        }
        var result: [InvoiceLine] = []
        for group in groups {
            let first = group[0]
            let net = try group.map(\.netAmount).sum(in: currency)
            let what =
                first.referenceDelivery.map {
                    "Delivery \($0)" + (first.referenceOrder.map { " of order \($0)" } ?? "")
                }
                ?? "Document \(first.sourceDocument)"
            result.append(
                InvoiceLine(
                    number: (result.count + 1) * 10, sourceDocument: first.sourceDocument,
                    sourceItem: first.sourceItem, referenceOrder: first.referenceOrder,
                    referenceDelivery: first.referenceDelivery,
                    material: first.referenceDelivery ?? first.sourceDocument,
                    description: "\(what): \(group.count) item\(group.count == 1 ? "" : "s")", quantity: .one,
                    unit: "C62", unitPrice: net.decimal, priceUnit: .one, priceSource: .document, baseAmount: net,
                    conditions: [], netAmount: net, taxCode: first.taxCode, taxCategory: first.taxCategory,
                    taxRate: first.taxRate, revenueAccount: first.revenueAccount))
        }
        return result
    }
}
