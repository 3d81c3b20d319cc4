/// A problem in an input file a user can fix, printed as `file:line:column: field: message`.
public struct ImportDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning, error
    }

    public var file: String
    public var line: Int
    public var column: Int
    /// The field concerned, if one is.
    public var field: String?
    public var severity: Severity
    public var message: String

    public init(
        file: String, line: Int, column: Int, field: String? = nil, severity: Severity = .error, message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.severity = severity
        self.message = message
    }

    public var description: String {
        // Line 0: the position is unknown (e.g. a JSON value), so only the file and field are named.
        let prefix = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        return prefix + (field.map { "\($0): " } ?? "") + message
    }
}
