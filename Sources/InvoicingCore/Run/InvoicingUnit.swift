/// The orders of one contract account that become one invoice.
public struct InvoicingUnit: Sendable, Hashable {
    /// Position in the run, from 1.
    public var index: Int
    public var account: String
    public var invoicingType: String
    /// The grouping characteristics and their values that made this unit.
    public var characteristics: [Characteristic]
    public var orders: [InvoicingOrder]
    public var functions: [FunctionDecision]

    /// One grouping characteristic's value.
    public struct Characteristic: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public func isActive(_ function: InvoicingFunction) -> Bool {
        functions.contains { $0.function == function && $0.active }
    }
}
