/// The orders of one contract account that become one invoice.
public struct InvoicingUnit: Sendable, Hashable {
    /// Position in the run, from 1.
    public var index: Int
    /// The contract account invoiced.
    public var account: String
    /// The id of the invoicing type chosen for the unit.
    public var invoicingType: String
    /// The grouping characteristics and their values that made this unit.
    public var characteristics: [Characteristic]
    /// The orders invoiced together.
    public var orders: [InvoicingOrder]
    /// For every function, whether it runs for this unit and why.
    public var functions: [FunctionDecision]

    /// One grouping characteristic's value.
    public struct Characteristic: Sendable, Hashable {
        /// The characteristic, e.g. `companyCode`.
        public var name: String
        /// The value the unit's orders share for it.
        public var value: String
    }

    /// Whether `function` runs for this unit.
    public func isActive(_ function: InvoicingFunction) -> Bool {
        functions.contains { $0.function == function && $0.active }
    }
}
