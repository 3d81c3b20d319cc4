/// An arithmetic result that does not fit the fixed-point representation.
public struct ArithmeticError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What overflowed, for the message.
    public var operation: String

    /// Creates an error for an overflow in `operation`.
    public init(operation: String) {
        self.operation = operation
    }

    /// The error as `arithmetic overflow in ...`, naming the operation.
    public var description: String { "arithmetic overflow in \(operation)" }
}
