extension InvoicingRun {
    /// Holds back the deliveries of orders whose order type defers invoicing until the order is
    /// fully delivered; every other delivery is invoiced as it comes, for what it delivered.
    ///
    /// An order (a `referenceOrder`) is fully delivered when, for every material an item of its
    /// open documents states an ordered quantity for, the quantities of those documents reach
    /// the largest ordered quantity stated. Open documents count whether due, blocked or not, so
    /// a blocked delivery still counts as delivered; a material with no ordered quantity waits for nothing.
    func deferUntilFullyDelivered(
        _ eligible: [InvoicingOrder], candidates: [InvoicingOrder], skipped: inout [SkippedOrder]
    ) -> [InvoicingOrder] {
        func defers(_ document: SourceDocument) -> Bool {
            document.referenceOrder != nil && configuration.orderTypes[document.type]?.deferUntilFullyDelivered == true
        }
        guard eligible.contains(where: { defers($0.document) }) else { return eligible }
        struct Key: Hashable {
            var account: String
            var order: String
            var material: String
        }
        var delivered: [Key: FixedDecimal] = [:]
        var ordered: [Key: FixedDecimal] = [:]
        // A sum past the largest quantity is past any ordered quantity: delivered in full.
        var overflowed: Set<Key> = []
        for candidate in candidates where defers(candidate.document) {
            let document = candidate.document
            // swift-format-ignore: NeverForceUnwrap
            let order = document.referenceOrder!  // defers() checked it
            for item in document.items {
                let key = Key(account: document.account, order: order, material: item.material)
                do {
                    delivered[key] = try (delivered[key] ?? .zero).adding(item.quantity)
                } catch {
                    overflowed.insert(key)
                }
                if let quantity = item.orderedQuantity, quantity > (ordered[key] ?? .zero) {
                    ordered[key] = quantity
                }
            }
        }
        var complete: [String: Bool] = [:]
        for (key, quantity) in ordered {
            let id = key.account + "\u{1F}" + key.order
            complete[id] = (complete[id] ?? true) && (overflowed.contains(key) || (delivered[key] ?? .zero) >= quantity)
        }
        return eligible.filter { order in
            let document = order.document
            guard defers(document), let reference = document.referenceOrder,
                complete[document.account + "\u{1F}" + reference] == false
            else { return true }
            skipped.append(SkippedOrder(order: order, reason: .notFullyDelivered))
            return false
        }
    }
}
