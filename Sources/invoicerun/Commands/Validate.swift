import ArgumentParser
import Importers
import XMLSupport

extension InvoiceRunCommand {
    /// Validates canonical XML files against their XSDs.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Validate XML files against Schemas/: the canonical formats (master data, source documents, invoices, postings, lists, installment schedules) and UBL 2.1 / CII D16B e-invoices.",
            discussion:
                "Prints file:line:column: message per problem. Exit status: 0 all valid, 1 some invalid, 2 some unusable (unreadable, unknown format). E-invoices are checked against their XSD only; the EN 16931 business rules need the schematron (scripts/conformance.sh)."
        )

        @Argument(help: "XML files.")
        var files: [String]

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let schemas = try resourceOptions.locate().schemas
            let catalog = SchemaCatalog(directory: schemas)
            var status: Int32 = 0
            for file in files {
                switch Self.validate(file, catalog: catalog, schemas: schemas) {
                case .valid(let format):
                    print("\(file): valid \(format)")
                case .invalid(let diagnostics):
                    diagnostics.forEach { print($0) }
                    status = max(status, 1)
                case .unusable(let message):
                    print("\(file): \(message)")
                    status = 2
                }
            }
            if status != 0 { throw ExitCode(status) }
        }

        enum Verdict {
            /// Valid; the format's name (a canonical root element, or the e-invoice syntax).
            case valid(String)
            case invalid([XMLDiagnostic])
            case unusable(String)
        }

        /// The e-invoice syntaxes `Schemas/` holds, by root element and namespace: name and XSD.
        static let standards: [String: (name: String, schema: String)] = [
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 Invoice": (
                "UBL 2.1 Invoice", "ubl-2.1/UBL-Invoice-2.1.xsd"
            ),
            "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2 CreditNote": (
                "UBL 2.1 CreditNote", "ubl-2.1/UBL-CreditNote-2.1.xsd"
            ),
            "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100 CrossIndustryInvoice": (
                "CII D16B CrossIndustryInvoice", "cii-d16b/CrossIndustryInvoice_100pD16B.xsd"
            ),
        ]

        static func validate(_ file: String, catalog: SchemaCatalog, schemas: String) -> Verdict {
            let root: (name: String, namespace: String?)
            do {
                guard let found = try CanonicalFormat.rootElement(ofFile: file) else {
                    return .unusable("no root element")
                }
                root = found
            } catch {
                return error.line > 0 ? .invalid([error]) : .unusable(error.message)
            }
            if let standard = standards["\(root.namespace ?? "") \(root.name)"] {
                do {
                    let problems = try XMLSchema(path: schemas + "/" + standard.schema).validate(path: file)
                        .filter { $0.severity != .warning }
                    return problems.isEmpty ? .valid(standard.name) : .invalid(problems)
                } catch {
                    return .unusable("schema \(standard.schema): \(error)")
                }
            }
            guard let format = CanonicalFormat(rootElement: root.name, namespace: root.namespace) else {
                return .unusable(
                    "<\(root.name)> in namespace \(root.namespace ?? "none") is neither a canonical InvoiceRun format nor a UBL 2.1 or CII D16B invoice"
                )
            }
            do {
                let problems = try catalog.schema(for: format).validate(path: file)
                    .filter { $0.severity != .warning }
                return problems.isEmpty ? .valid(format.rootElement) : .invalid(problems)
            } catch {
                return .unusable("schema \(format.schemaFile): \(error)")
            }
        }
    }
}
