internal import Synchronization
public import XMLSupport

/// The XSDs of `Schemas/`, compiled once each on first use and shared by all readers.
public final class SchemaCatalog: Sendable {
    /// The folder that holds the XSD files.
    public let directory: String
    private let cache = Mutex<[CanonicalFormat: XMLSchema]>([:])

    /// Creates a catalog of the XSDs in `directory`; nothing is read until a schema is first asked for.
    public init(directory: String) {
        self.directory = directory
    }

    /// The compiled schema of `format`.
    public func schema(for format: CanonicalFormat) throws(XMLDiagnostic) -> XMLSchema {
        if let cached = cache.withLock({ $0[format] }) { return cached }
        let schema = try XMLSchema(path: directory + "/" + format.schemaFile)
        cache.withLock { $0[format] = schema }
        return schema
    }
}
