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

        func run() throws {
            let resources = try resourceOptions.locate()
            let store = try InvoiceStore(path: storeOptions.store)
            let importer = InputImporter(schemas: SchemaCatalog(directory: resources.schemas))
            let report = try ImportReport.importing(inputs, into: store, importer: importer)
            for file in report.files {
                print("\(file.file): \(file.content), \(file.records) records, \(file.refused) refused")
            }
            print(
                "Imported \(report.masterDataRecords) master data records, \(report.documentsImported) source documents"
                    + (report.configuration.map { ", configuration from \($0)" } ?? ""))
            for diagnostic in report.diagnostics {
                print("\(diagnostic.severity == .error ? "error" : "warning"): \(diagnostic)")
            }
            if report.errorCount > 0 { throw ExitCode(1) }
        }
    }
}
