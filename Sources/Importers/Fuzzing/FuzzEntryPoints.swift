internal import Foundation
internal import XMLSupport

/// The readers of outside input, each as one function of bytes for libFuzzer (`Sources/fuzz`)
/// and for the regression test that replays every crasher ever found.
///
/// Each entry runs the same code as an import, minus the file system; it must return for any
/// input (errors are fine, crashes and hangs are not).
public enum FuzzEntryPoint: String, Sendable, CaseIterable {
    /// The RFC 4180 reader alone, with dialect detection.
    case csv
    /// A canonical CSV file: reader, layout detection, master data and source document decoding.
    case canonicalCSV = "canonical-csv"
    /// The hardened libxml2 streaming reader alone.
    case xml
    /// A canonical XML file: the SAX2 event reader with the source documents' XSD spliced in
    /// (when `Schemas/` is in the working directory, as under `scripts/fuzz`), records and decoders.
    case canonicalXML = "canonical-xml"
    /// An e-invoice (UBL 2.1 Invoice or CreditNote, CII D16B): tree, queries, totals check.
    case eInvoice = "einvoice"
    /// An EDI invoice (EDIFACT INVOIC or X12 810): detection, decoding, segments, mapping, totals check.
    case edi
    /// The invoicing configuration (JSON).
    case configuration
    /// A partner mapping (YAML): loader, conversions and XPath compilation.
    case mapping

    /// Feeds `bytes` to this reader.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .csv:
            guard var reader = try? CSVReader(bytes: bytes, fileName: "fuzz.csv") else { return }
            while true {
                do {
                    guard try reader.next() != nil else { return }
                } catch {
                    if case .raggedRow = error.code { continue }
                    if case .invalidEncoding = error.code { continue }
                    return
                }
            }
        case .canonicalCSV:
            var batch = ImportBatch()
            CanonicalCSVImporter(path: "fuzz.csv", bytes: bytes).read(into: &batch)
        case .xml:
            guard let reader = try? XMLStreamReader(bytes: bytes, fileName: "fuzz.xml") else { return }
            while (try? reader.read()) == true {
                if reader.kind == .element, reader.depth % 2 == 1 { _ = try? reader.readElementText() }
                _ = reader.attribute("id")
            }
        case .canonicalXML:
            let reader = XMLEventReader(
                bytes: bytes, fileName: "fuzz.xml", collectingValidityErrorsAgainst: Self.sourceDocumentsSchema)
            var batch = ImportBatch()
            _ = CanonicalXMLImporter.decodeRecords(reader, file: "fuzz.xml", into: &batch)
        case .eInvoice:
            _ = try? EInvoiceReader.read(String(decoding: bytes, as: UTF8.self), fileName: "fuzz.xml")
        case .edi:
            _ = try? EDIInvoiceReader.read(bytes, fileName: "fuzz.edi")
        case .configuration:
            _ = try? ConfigurationFile.decode(bytes, file: "fuzz.json")
        case .mapping:
            _ = try? PartnerMapping.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        }
    }

    /// The schema canonical XML is validated against, if the working directory has `Schemas/`.
    static let sourceDocumentsSchema = try? XMLSchema(path: "Schemas/source-documents.xsd")
}
