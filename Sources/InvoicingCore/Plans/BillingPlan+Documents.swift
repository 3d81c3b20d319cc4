extension BillingPlan {
    /// The source document type of the `CYCLE` documents a plan creates.
    public static let documentType = "PERIODIC"

    /// The id of the `CYCLE` source document that bills `period`: the plan's id and the first day billed.
    public func documentID(for period: BillingPeriod) -> String {
        "\(id)-\(period.start)"
    }

    /// The `CYCLE` source document that bills `period`: one item, quantity 1, at the period's
    /// amount, due on the period's due date, referring to the plan as its order. Its line text is
    /// the plan's description and the days billed, with the share of the period when partial.
    public func sourceDocument(for period: BillingPeriod) -> SourceDocument {
        var text = (description.map { $0 + " " } ?? "") + "\(period.start) to \(period.end)"
        if period.isPartial { text += " (\(period.billedDays)/\(period.periodDays) days)" }
        let item = SourceItem(
            number: 10, material: material, description: text, quantity: .one, unitPrice: period.amount.decimal)
        return SourceDocument(
            id: documentID(for: period), category: .billingPlanCycle, type: Self.documentType,
            companyCode: companyCode, account: account, currency: currency, documentDate: period.dueDate,
            billingDate: period.dueDate, referenceOrder: id, items: [item])
    }
}
