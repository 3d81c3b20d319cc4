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
        /// How many records the file held (CSV: data rows; XML: record elements).
        public var records: Int
        /// The first line of every record refused, so it can be copied out for fixing.
        public var rejectedLines: Set<Int> = []
        /// Set when the file could not be read on from this line (e.g. an unclosed quote): every
        /// record from there on is refused.
        public var rejectedFrom: Int?
        /// Set when nothing in the file could be used (unreadable, unknown layout, not well-formed).
        public var rejectedWhole = false

        /// Creates the summary of a file.
        public init(path: String, content: String, records: Int, rejectedLines: Set<Int> = []) {
            self.path = path
            self.content = content
            self.records = records
            self.rejectedLines = rejectedLines
        }

        /// A file of which nothing could be used.
        static func refused(_ path: String, _ content: String) -> FileSummary {
            var summary = FileSummary(path: path, content: content, records: 0)
            summary.rejectedWhole = true
            return summary
        }

        /// How many records were refused (those of a file refused whole are not counted: unknown).
        public var refused: Int { rejectedLines.count }

        /// Whether anything of the file was refused.
        public var hasRejections: Bool { rejectedWhole || rejectedFrom != nil || !rejectedLines.isEmpty }
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

    /// Where each of `masterData.milestoneConfirmations` stands in its file, in the same order.
    public var milestoneConfirmationSites: [MilestoneConfirmationSite] = []

    /// Creates an empty batch.
    public init() {}

    /// Whether any error (not warning) was found.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Drops every record read, keeping the diagnostics and marking each file refused whole.
    mutating func refuseEverything() {
        masterData = MasterDataBatch()
        milestoneConfirmationSites = []
        documents = []
        configuration = nil
        for index in files.indices { files[index].rejectedWhole = true }
    }

    /// Appends what `other` read.
    mutating func append(_ other: ImportBatch) {
        masterData.append(other.masterData)
        milestoneConfirmationSites += other.milestoneConfirmationSites
        documents += other.documents
        if let configuration = other.configuration {
            if let previous = self.configuration {
                diagnostics.append(
                    ImportDiagnostic(
                        file: configuration.file, line: 0, column: 0, severity: .warning,
                        message: "replaces the configuration read from \(previous.file)"))
            }
            self.configuration = configuration
        }
        diagnostics += other.diagnostics
        files += other.files
    }
}
