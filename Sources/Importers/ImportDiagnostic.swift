/// A problem in an input file a user can fix, printed as `file:line:column: field: message`.
public struct ImportDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is: an error refuses the record, a warning only reports.
    public enum Severity: String, Sendable, Hashable {
        case warning, error
    }

    /// The path of the input file.
    public var file: String
    /// The line of the problem, starting at 1; 0 when the position is unknown.
    public var line: Int
    /// The column of the problem, starting at 1.
    public var column: Int
    /// The field concerned, if one is.
    public var field: String?
    /// Whether the problem is an error or a warning.
    public var severity: Severity
    /// What is wrong, in words a user can act on.
    public var message: String
    /// The offending value as it stood in the file, for error reports (not printed in `description`).
    public var value: String?

    /// Creates a diagnostic from its position, field, severity and message.
    public init(
        file: String, line: Int, column: Int, field: String? = nil, severity: Severity = .error, message: String,
        value: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.severity = severity
        self.message = message
        self.value = value
    }

    /// The diagnostic as `file:line:column: field: message` (only `file: ` when the line is unknown).
    public var description: String {
        // Line 0: the position is unknown (e.g. a JSON value), so only the file and field are named.
        let prefix = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        return prefix + (field.map { "\($0): " } ?? "") + message
    }
}
