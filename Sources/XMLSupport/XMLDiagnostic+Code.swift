extension XMLDiagnostic {
    /// What kind of problem a diagnostic reports, for code that reacts to specific problems.
    ///
    /// Problems libxml2 finds carry its own error number (`xmlParserErrors`), as
    /// `libxml2-<number>`; problems this module finds have names of their own.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable text, such as `doctype-not-allowed` or `libxml2-76`.
        public var rawValue: String

        /// Creates a code from its text.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The code's text.
        public var description: String { rawValue }

        /// A problem libxml2 reported with error number `number`.
        public static func libxml2(_ number: Int) -> Code { Code(rawValue: "libxml2-\(number)") }

        /// No particular code was given.
        public static let unspecified = Code(rawValue: "unspecified")
        /// The file could not be opened or read.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// The document has a DOCTYPE declaration, which source documents may not have.
        public static let doctypeNotAllowed = Code(rawValue: "doctype-not-allowed")
        /// The document is in an encoding whose prolog cannot be checked (UCS-4, EBCDIC).
        public static let unsupportedEncoding = Code(rawValue: "unsupported-encoding")
        /// The document ends inside an element.
        public static let truncatedDocument = Code(rawValue: "truncated-document")
        /// Elements are nested deeper than ``XMLLimits/maxDepth``.
        public static let depthLimitExceeded = Code(rawValue: "depth-limit-exceeded")
        /// A text is longer than ``XMLLimits/maxTextLength``.
        public static let textLimitExceeded = Code(rawValue: "text-limit-exceeded")
        /// An element read as text contains a child element.
        public static let unexpectedChildElement = Code(rawValue: "unexpected-child-element")
        /// The reader was used in a way its API does not allow.
        public static let misuse = Code(rawValue: "misuse")
        /// libxml2 wanted to load an external resource outside the trusted schema directories.
        public static let externalResourceRefused = Code(rawValue: "external-resource-refused")
        /// The caller stopped reading (``XMLEventReader``); not a problem of the document.
        public static let stoppedByCaller = Code(rawValue: "stopped-by-caller")
        /// The schema could not be compiled or attached.
        public static let invalidSchema = Code(rawValue: "invalid-schema")
    }
}
