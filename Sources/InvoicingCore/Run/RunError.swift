/// Why a run cannot start at all (as opposed to a unit that fails).
public struct RunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the run cannot start, in words a user can act on.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) {
        self.message = message
    }

    /// The error's message.
    public var description: String { message }
}
