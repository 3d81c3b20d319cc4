/// Why a text is not an acceptable decimal number.
public struct DecimalParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of garbage the parser refuses.
    public enum Reason: Sendable, Hashable {
        case empty
        case unexpectedCharacter(Character, position: Int)
        case missingDigits
        case tooManyDecimals(maximum: Int)
        case overflow
    }

    /// The text that was refused.
    public var text: String
    /// Why the text was refused.
    public var reason: Reason

    /// Creates an error for `text` refused for `reason`.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// What is wrong with the text, in words a user can act on.
    public var description: String {
        switch reason {
        case .empty:
            return "empty value where a number was expected"
        case .unexpectedCharacter(let character, let position):
            return "\"\(text)\" is not a number: unexpected '\(character)' at position \(position)"
        case .missingDigits:
            return "\"\(text)\" is not a number: digits missing"
        case .tooManyDecimals(let maximum):
            return "\"\(text)\" has more than \(maximum) decimals"
        case .overflow:
            return "\"\(text)\" is too large"
        }
    }
}
