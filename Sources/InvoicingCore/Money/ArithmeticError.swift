/// An arithmetic result that does not fit the fixed-point representation.
public struct ArithmeticError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What overflowed, for the message.
    public var operation: String

    public init(operation: String) {
        self.operation = operation
    }

    public var description: String { "arithmetic overflow in \(operation)" }
}
