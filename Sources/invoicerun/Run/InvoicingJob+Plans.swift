import InvoiceStore
import InvoicingCore

extension InvoicingJob {
    /// The open orders of the process's categories, after the billing plans' periods due by the
    /// run date have become `CYCLE` orders. A simulation stores none: its would-be orders are
    /// added in memory, with negative keys that match no stored order.
    func openOrdersAfterScheduling(_ engine: InvoicingRun, rounding: RoundingRule) throws -> [InvoicingOrder] {
        let scheduled = try store.scheduleBillingPlans(
            through: parameters.runDate, rounding: rounding, simulate: parameters.simulate)
        var orders = try store.openOrders(categories: engine.categories)
        if parameters.simulate && engine.categories.contains(.billingPlanCycle) {
            for (index, document) in scheduled.enumerated() {
                orders.append(InvoicingOrder(id: -1 - Int64(index), document: document))
            }
        }
        return orders
    }
}
