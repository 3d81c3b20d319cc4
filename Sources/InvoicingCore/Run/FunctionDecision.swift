/// Whether one function runs for a unit, and why.
public struct FunctionDecision: Sendable, Hashable {
    /// The invoicing function decided on.
    public var function: InvoicingFunction
    /// Nil for mandatory functions.
    public var status: ActivationStatus?
    /// Whether the function runs for the unit.
    public var active: Bool
    /// Why, for the manifest: e.g. "status 2, switched off for this run".
    public var reason: String
}
