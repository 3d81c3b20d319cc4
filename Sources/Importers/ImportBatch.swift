public import InvoicingCore

/// Everything read from a set of input files, with the problems found, ready to be stored.
public struct ImportBatch: Sendable {
    /// The configuration file read, with its JSON text for the store.
    public struct ConfigurationInput: Sendable {
        public var configuration: InvoicingConfiguration
        public var json: String
        public var file: String
    }

    /// One file read and what it held.
    public struct FileSummary: Sendable, Hashable {
        public var path: String
        public var content: String
        public var records: Int
        public var refused: Int
    }

    public var masterData = MasterDataBatch()
    public var documents: [SourceDocumentDecoder.Decoded] = []
    public var configuration: ConfigurationInput?
    public var diagnostics: [ImportDiagnostic] = []
    public var files: [FileSummary] = []

    public init() {}

    /// Whether any error (not warning) was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
