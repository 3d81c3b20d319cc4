internal import InvoicingCore
internal import XMLSupport

/// The totals an e-invoice states that the canonical invoice derives: checked when reading, so a
/// document whose totals do not follow from its amounts is refused rather than silently corrected.
enum EInvoiceTotals {
    static func verify(
        _ invoice: Invoice, node: XMLTree.Node, query: XMLQuery, taxExclusive: Money, payable: Money
    ) throws(ImportDiagnostic) {
        let amounts: EN16931Amounts
        do {
            amounts = try EN16931Amounts(invoice)
        } catch {
            throw query.problem(node, "BT-109", "\(error)")
        }
        if amounts.totals.taxExclusive != taxExclusive {
            throw query.problem(
                node, "BT-109",
                "BR-CO-13: the total without VAT is \(taxExclusive), but the amounts give \(amounts.totals.taxExclusive)"
            )
        }
        if amounts.totals.payable != payable {
            throw query.problem(
                node, "BT-115", "BR-CO-16: the amount due is \(payable), but the amounts give \(amounts.totals.payable)"
            )
        }
    }
}
