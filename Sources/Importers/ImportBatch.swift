public import InvoicingCore

/// Everything read from a set of input files, with the problems found, ready to be stored.
public struct ImportBatch: Sendable {
    /// The configuration file read, with its JSON text for the store.
    public struct ConfigurationInput: Sendable {
        /// The invoicing configuration decoded from the file.
        public var configuration: InvoicingConfiguration
        /// The file's JSON text as read, kept so the store holds exactly what was configured.
        public var json: String
        /// The path of the configuration file.
        public var file: String
    }

    /// One file read and what it held.
    public struct FileSummary: Sendable, Hashable {
        /// The path of the file.
        public var path: String
        /// What the file held: a record kind, a format's root element, `configuration`, or why it was not read.
        public var content: String
        /// How many records the file held.
        public var records: Int
        /// How many of those records were refused with a diagnostic.
        public var refused: Int
    }

    /// The master data decoded from all files.
    public var masterData = MasterDataBatch()
    /// The source documents decoded without error, each with the file and line it starts at.
    public var documents: [SourceDocumentDecoder.Decoded] = []
    /// The configuration file read, if any; a later one replaces an earlier one.
    public var configuration: ConfigurationInput?
    /// Every problem found, errors and warnings, in reading order.
    public var diagnostics: [ImportDiagnostic] = []
    /// A summary of each file read, in reading order.
    public var files: [FileSummary] = []

    /// Creates an empty batch.
    public init() {}

    /// Whether any error (not warning) was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
