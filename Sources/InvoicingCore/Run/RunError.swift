/// Why a run cannot start at all (as opposed to a unit that fails).
public struct RunError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
