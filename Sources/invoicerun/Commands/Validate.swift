import ArgumentParser
import Importers
import XMLSupport

extension InvoiceRunCommand {
    /// Validates canonical XML files against their XSDs.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Validate canonical XML files (master data, source documents, invoices, postings) against Schemas/.",
            discussion:
                "Prints file:line:column: message per problem. Exit status: 0 all valid, 1 some invalid, 2 some unusable (unreadable, unknown format)."
        )

        @Argument(help: "XML files.")
        var files: [String]

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let catalog = SchemaCatalog(directory: try resourceOptions.locate().schemas)
            var status: Int32 = 0
            for file in files {
                switch Self.validate(file, catalog: catalog) {
                case .valid(let format):
                    print("\(file): valid \(format.rootElement)")
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
            case valid(CanonicalFormat)
            case invalid([XMLDiagnostic])
            case unusable(String)
        }

        static func validate(_ file: String, catalog: SchemaCatalog) -> Verdict {
            let root: (name: String, namespace: String?)
            do {
                guard let found = try CanonicalFormat.rootElement(ofFile: file) else {
                    return .unusable("no root element")
                }
                root = found
            } catch {
                return error.line > 0 ? .invalid([error]) : .unusable(error.message)
            }
            guard let format = CanonicalFormat(rootElement: root.name, namespace: root.namespace) else {
                return .unusable(
                    "<\(root.name)> in namespace \(root.namespace ?? "none") is not a canonical InvoiceRun format")
            }
            do {
                let problems = try catalog.schema(for: format).validate(path: file)
                    .filter { $0.severity != .warning }
                return problems.isEmpty ? .valid(format) : .invalid(problems)
            } catch {
                return .unusable("schema \(format.schemaFile): \(error)")
            }
        }
    }
}
