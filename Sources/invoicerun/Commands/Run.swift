import ArgumentParser
import Exporters
import Foundation
import Importers
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand {
    /// Imports what it is given, then runs invoicing and writes the outputs.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import files or folders (optional), then run invoicing and write invoices, postings, log and manifest.",
            discussion: """
                A folder is read recursively: the configuration (.json), master data and source documents \
                (.csv, .xml) are stored in dependency order before the run. Outputs go to OUTPUT/RUN-ID/. \
                Exit status: 0 done (units may have failed or been postponed: see the summary), 1 input problems \
                or output errors, 2 with --strict when a unit failed, 64 usage error.
                """)

        @Argument(help: "Files or folders to import before the run.")
        var inputs: [String] = []

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions
        @OptionGroup var importOptions: ImportOptions

        @Option(name: .long, help: "Output folder; each run writes into its own subfolder.")
        var output = "out"

        @Option(name: .long, help: "Invoicing process.")
        var process = "01"

        @Option(
            name: .long,
            help: "Run date (YYYY-MM-DD): orders due by then are invoiced, invoices carry it. Default: today.")
        var date: String?

        @Flag(name: .long, help: "Compute and write the would-be invoices, store nothing, use no number.")
        var simulate = false

        @Option(name: .long, parsing: .upToNextOption, help: "Invoice only these contract accounts.")
        var account: [String] = []

        @Option(name: .long, help: "Switch on an optional function with activation status 3 (repeatable).")
        var enable: [String] = []

        @Option(name: .long, help: "Switch off an optional function with activation status 2 (repeatable).")
        var disable: [String] = []

        @Flag(name: .long, help: "Exit with status 2 when any unit failed.")
        var strict = false

        @Option(
            name: .long,
            help:
                "Workers that price units and render documents (default: the number of cores, or $INVOICERUN_JOBS). The outputs are the same bytes whatever the number."
        )
        var jobs: Int?

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            let resources = try resourceOptions.locate()
            let layouts = try PrintLayoutLibrary(directory: resources.templates, overrides: resourceOptions.templates)
            let parameters = try makeParameters()
            try OutputFolder.prepare(output)
            let persistent = try InvoiceStore(path: storeOptions.store)
            // A simulation works on a copy in memory, so even its imports leave the store as it was.
            let store = simulate ? try persistent.inMemoryCopy() : persistent
            var imported: ImportReport?
            if !inputs.isEmpty {
                let importer = InputImporter(schemas: SchemaCatalog(directory: resources.schemas))
                imported = try ImportReport.importing(
                    inputs, into: store, importer: importer, allOrNothing: importOptions.allOrNothing)
                if let imported {
                    for path in try importOptions.writeRejects(imported) { print("Refused records: \(path)") }
                }
            }
            do {
                try invoice(store: store, layouts: layouts, parameters: parameters, imported: imported)
            } catch {
                // The run could not start or finish: what the import found still matters to the user.
                for diagnostic in imported?.diagnostics ?? [] {
                    print("\(diagnostic.severity == .error ? "error" : "warning"): \(diagnostic)")
                }
                throw error
            }
        }

        private func invoice(
            store: InvoiceStore, layouts: PrintLayoutLibrary, parameters: RunParameters, imported: ImportReport?
        ) throws {
            var job = InvoicingJob(store: store, layouts: layouts, parameters: parameters)
            if let jobs { job.parallel = Parallel(jobs: jobs) }
            let report = try job.run(into: output, imported: imported)
            if !simulate { try store.finishRun(report.runID, summaryJSON: try report.summaryJSON) }
            print(RunLog.summary(report, parameters: parameters, imported: imported))
            if (imported?.errorCount ?? 0) > 0 || !report.outputErrors.isEmpty { throw ExitCode(1) }
            if strict && !report.tally.failed.isEmpty { throw ExitCode(2) }
        }

        private func makeParameters() throws -> RunParameters {
            let runDate = try CalendarDate.option(date) ?? .today()
            func functions(_ names: [String], option: String) throws -> Set<InvoicingFunction> {
                try Set(
                    names.map { name in
                        guard let function = InvoicingFunction(rawValue: name.uppercased()) else {
                            let allowed = InvoicingFunction.allCases.filter { !$0.isMandatory }.map(\.rawValue)
                            throw ValidationError(
                                "\(option) \(name): not a function (\(allowed.joined(separator: ", ")))")
                        }
                        return function
                    })
            }
            return RunParameters(
                process: process, runDate: runDate, simulate: simulate, accounts: account.isEmpty ? nil : Set(account),
                enabledFunctions: try functions(enable, option: "--enable"),
                disabledFunctions: try functions(disable, option: "--disable"))
        }
    }
}

extension CalendarDate {
    /// The date of a `--date` option (YYYY-MM-DD), nil when the option is not given; every
    /// command that takes one reads it here, so the message is the same everywhere.
    static func option(_ text: String?) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("--date \(text) is not a date (YYYY-MM-DD)")
        }
        return date
    }

    /// Today in UTC, from the system clock (only the command line reads the clock).
    static func today() -> CalendarDate {
        // swift-format-ignore: NeverForceUnwrap
        CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))!  // the clock is within 1...9999
    }
}
