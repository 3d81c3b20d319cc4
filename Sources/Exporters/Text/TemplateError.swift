/// A print template that cannot be used, printed as `file:line:column: message`.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path of the template file.
    public var file: String
    /// The line of the problem in the template, starting at 1.
    public var line: Int
    /// The column of the problem in the template, starting at 1.
    public var column: Int
    /// What is wrong with the template.
    public var message: String

    /// Creates a template error from its position and message.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
