import ArgumentParser
import Importers
import InvoiceStore

extension InvoiceRunCommand {
    /// Imports files or folders into the store without running invoicing.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import configuration, master data and source documents into the store.",
            discussion: "Exit status: 0 all imported, 1 some records or files refused (the rest is stored).")

        @Argument(help: "Files or folders (.csv, .xml, .json).")
        var inputs: [String]

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions
        @OptionGroup var importOptions: ImportOptions

        @Option(
            name: .long,
            help: "A partner mapping (YAML) to read every given file through, e.g. Samples/partners/*/*.mapping.yaml.")
        var mapping: String?

        func run() throws {
            // The mapping is checked whole before any data is read.
            let partnerMapping = try mapping.map { path in
                do {
                    return try PartnerMapping.load(path: path)
                } catch {
                    throw ValidationError("\(error)")
                }
            }
            let resources = try resourceOptions.locate()
            let store = try InvoiceStore(path: storeOptions.store)
            let importer = InputImporter(schemas: SchemaCatalog(directory: resources.schemas))
            let report = try ImportReport.importing(
                inputs, into: store, importer: importer, allOrNothing: importOptions.allOrNothing,
                mapping: partnerMapping)
            ImportOptions.fileLines(report).forEach { print($0) }
            print(
                "Imported \(report.counts)"
                    + (report.configuration.map { ", configuration from \($0)" } ?? ""))
            for diagnostic in report.diagnostics {
                print("\(diagnostic.severity == .error ? "error" : "warning"): \(diagnostic)")
            }
            for path in try importOptions.writeRejects(report) { print("Refused records: \(path)") }
            if report.errorCount > 0 { throw ExitCode(1) }
        }
    }
}
