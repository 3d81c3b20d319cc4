/// The project's own XML formats, each with its namespace and XSD in `Schemas/`.
public enum CanonicalFormat: String, Sendable, Hashable, CaseIterable {
    case masterData
    case sourceDocuments
    case invoice
    case postings
    case installmentSchedule
    case invoiceList

    /// The name of the format's root element.
    public var rootElement: String {
        switch self {
        case .masterData: return "MasterData"
        case .sourceDocuments: return "SourceDocuments"
        case .invoice: return "Invoice"
        case .postings: return "Postings"
        case .installmentSchedule: return "InstallmentSchedule"
        case .invoiceList: return "InvoiceList"
        }
    }

    /// The XML namespace of the format's elements.
    public var namespace: String {
        switch self {
        case .masterData: return "urn:invoicerun:masterdata:1"
        case .sourceDocuments: return "urn:invoicerun:source-documents:1"
        case .invoice: return "urn:invoicerun:invoice:1"
        case .postings: return "urn:invoicerun:postings:1"
        case .installmentSchedule: return "urn:invoicerun:installments:1"
        case .invoiceList: return "urn:invoicerun:invoicelist:1"
        }
    }

    /// File name of the XSD in the schema directory.
    public var schemaFile: String {
        switch self {
        case .masterData: return "masterdata.xsd"
        case .sourceDocuments: return "source-documents.xsd"
        case .invoice: return "invoice.xsd"
        case .postings: return "postings.xsd"
        case .installmentSchedule: return "installments.xsd"
        case .invoiceList: return "invoicelist.xsd"
        }
    }

    /// Whether `import` reads it (the others are outputs).
    public var isImportable: Bool { self == .masterData || self == .sourceDocuments }

    /// The format with this document element and namespace.
    public init?(rootElement: String, namespace: String?) {
        guard let format = Self.allCases.first(where: { $0.rootElement == rootElement && $0.namespace == namespace })
        else {
            return nil
        }
        self = format
    }
}
