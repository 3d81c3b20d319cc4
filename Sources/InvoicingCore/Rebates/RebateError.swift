/// Why a rebate settlement was refused.
public struct RebateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in words a user can act on.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
