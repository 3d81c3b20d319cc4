/// One problem found in an XML document, printed as `file:line:column: message`.
///
/// Line and column are 1-based. A line of 0 means the problem has no place in the document
/// (for example, the file could not be opened); a column of 0 means libxml2 did not know it.
public struct XMLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is, in libxml2's terms.
    public enum Severity: String, Sendable {
        /// Something suspicious that does not stop processing.
        case warning
        /// A problem that makes the document unusable, such as a schema validity error.
        case error
        /// A problem after which the parser cannot continue, such as a well-formedness error.
        case fatal
    }

    /// The document's file name as given to the reader or schema.
    public var file: String
    /// The 1-based line, or 0 when unknown.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// How serious the problem is.
    public var severity: Severity
    /// The message, on one line and without trailing whitespace.
    public var message: String
    /// What kind of problem this is; see ``Code``.
    public var code: Code

    /// Creates a diagnostic at a place in a file.
    public init(
        file: String, line: Int, column: Int, severity: Severity = .error, message: String, code: Code = .unspecified
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// The diagnostic as `file:line:column: message`, the form editors and CI logs link to.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
