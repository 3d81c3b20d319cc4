/// A store operation that cannot be done, with what a user needs to fix it.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case cannotOpen
        case duplicateDocument
        case orderNotOpen
        case corrupt
        case database
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
