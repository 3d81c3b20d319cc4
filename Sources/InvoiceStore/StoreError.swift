/// A store operation that cannot be done, with what a user needs to fix it.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure a store error is.
    public enum Code: String, Sendable, Hashable {
        case cannotOpen
        case duplicateDocument
        case orderNotOpen
        case corrupt
        case database
        /// A correction the document flow refuses, e.g. cancelling an invoice twice.
        case refused
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, in words a user can act on.
    public var message: String

    /// Creates an error of the given kind with its message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The error's message.
    public var description: String { message }
}
