import ArgumentParser
import Foundation
import Importers
import InvoiceStore

extension InvoiceRunCommand.Bench {
    /// Import speed and memory for generated source documents in canonical CSV and XML.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Generate N items as canonical CSV and XML, import each into a fresh store, print MB/s, items/s and peak memory.",
            discussion:
                "Each format is imported by a child process (`bench import --only FILE`) so its peak RSS is its own. `xmllint --stream --noout` (Debian's libxml2-utils) on the same XML is the reference for raw libxml2 speed."
        )

        @Option(name: .long, help: "Items to generate (5 per document).")
        var items = 100_000

        @OptionGroup var folderOptions: BenchFolderOptions

        @Option(name: .long, help: "Internal: import this one file into a fresh store and print seconds and peak RSS.")
        var only: String?

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            if let only { return try importOne(only) }
            guard items >= 5 else { throw ValidationError("--items must be at least 5") }
            try folderOptions.withFolder(named: "bench") { folder in try importBoth(in: folder) }
        }

        private func importBoth(in folder: String) throws {
            let resources = try resourceOptions.locate()
            let samples = resources.root + "/Samples"
            print("generating \(items) items (\(items / 5) documents) in \(folder)")
            let csv = folder + "/items.csv"
            let xml = folder + "/items.xml"
            try BenchData.write(items: items, csv: csv, xml: xml)
            for (name, file) in [("CSV", csv), ("XML", xml)] {
                let store = folder + "/\(name).sqlite"
                try? FileManager.default.removeItem(atPath: store)
                // Master data first (not timed), then the measured import in a child process.
                _ = try ImportReport.importing(
                    [samples + "/master-data", samples + "/config"], into: try InvoiceStore(path: store),
                    importer: InputImporter(schemas: SchemaCatalog(directory: resources.schemas)))
                let output = try Self.child(
                    ["bench", "import", "--only", file, "--resources", resources.root], store: store)
                let fields = output.split(separator: " ").compactMap { Double($0) }
                guard fields.count == 2 else { throw ValidationError("unexpected child output: \(output)") }
                let seconds = fields[0]
                let size = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
                print(
                    String(
                        format: "%@ import: %.2f s, %.1f MB/s, %.0f items/s, peak RSS %.0f MB (file %.1f MB)", name,
                        seconds, size / 1e6 / seconds, Double(items) / seconds, fields[1] / 1024, size / 1e6))
                if name == "XML" {
                    try Self.xmllintReference(
                        xml, size: size, ours: seconds, schema: resources.schemas + "/source-documents.xsd")
                }
            }
        }

        /// The measured import, run in the child: prints `seconds peakRSSkB`.
        private func importOne(_ file: String) throws {
            let resources = try resourceOptions.locate()
            let store = try InvoiceStore(path: ProcessInfo.processInfo.environment["INVOICERUN_BENCH_STORE"] ?? "")
            let clock = ContinuousClock()
            var report = ImportReport()
            let elapsed = try clock.measure {
                report = try ImportReport.importing(
                    [file], into: store, importer: InputImporter(schemas: SchemaCatalog(directory: resources.schemas)))
            }
            guard report.errorCount == 0 else {
                throw ValidationError("the generated file had problems: \(report.diagnostics.prefix(3))")
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let seconds = elapsed.inSeconds
            print("\(seconds) \(Double(usage.ru_maxrss))")
        }

        private static func child(_ arguments: [String], store: String) throws -> String {
            let process = Process()
            process.executableURL = Bundle.main.executableURL
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["INVOICERUN_BENCH_STORE"] = store
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ValidationError("the measured import failed") }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Times `xmllint` over the same file twice: parsing only (`--stream`, raw libxml2 speed,
        /// the reference) and parsing while validating against the same XSD, which is the
        /// work an import cannot skip; prints our speed as a share of each.
        static func xmllintReference(_ xml: String, size: Double, ours: Double, schema: String) throws {
            guard
                let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(
                    where: FileManager.default.isExecutableFile)
            else {
                print("xmllint reference: xmllint not found (Debian package libxml2-utils); no ratio")
                return
            }
            for (label, arguments) in [
                ("xmllint --stream --noout", ["--stream", "--noout", xml]),
                ("xmllint --stream --noout --schema", ["--stream", "--noout", "--schema", schema, xml]),
            ] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: xmllint)
                process.arguments = arguments
                process.standardError = FileHandle.nullDevice
                let clock = ContinuousClock()
                let elapsed = try clock.measure {
                    try process.run()
                    process.waitUntilExit()
                }
                let seconds = elapsed.inSeconds
                print(
                    String(
                        format: "%@: %.2f s, %.1f MB/s; our XML import runs at %.0f%% of its speed", label, seconds,
                        size / 1e6 / seconds, seconds / ours * 100))
            }
        }
    }
}

/// Generated canonical source documents: the sample company's accounts and materials, 5 items each.
enum BenchData {
    static let accounts = (1...10).map { String(format: "CA-1%05d", $0) }
    static let materials = ["M-1001", "M-1002", "M-1005", "M-1007", "M-1009", "M-1010", "M-1012", "M-1013"]

    static func write(items: Int, csv: String, xml: String) throws {
        guard FileManager.default.createFile(atPath: csv, contents: nil),
            FileManager.default.createFile(atPath: xml, contents: nil)
        else { throw ValidationError("cannot create bench files") }
        guard let csvFile = FileHandle(forWritingAtPath: csv), let xmlFile = FileHandle(forWritingAtPath: xml) else {
            throw ValidationError("cannot write bench files")
        }
        defer {
            try? csvFile.close()
            try? xmlFile.close()
        }
        var csvText =
            "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity,unit_price\n"
        var xmlText =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SourceDocuments xmlns=\"urn:invoicerun:source-documents:1\">\n"
        var random = SystemRandomNumberGenerator()
        for document in 0..<(items / 5) {
            let id = "BENCH-\(document)"
            let account = accounts[document % accounts.count]
            let day = 1 + document % 28
            let date = "2026-11-" + (day < 10 ? "0\(day)" : "\(day)")
            xmlText +=
                "  <SourceDocument><documentId>\(id)</documentId><category>INVBI</category><type>USAGE</type><companyCode>1000</companyCode><account>\(account)</account><currency>EUR</currency><documentDate>\(date)</documentDate>\n"
            for item in 1...5 {
                let material = materials[(document + item) % materials.count]
                let quantity =
                    "\(Int.random(in: 1...99_999, using: &random)).\(Int.random(in: 100...999, using: &random))"
                let price = item == 1 ? "0.\(Int.random(in: 1000...9999, using: &random))" : ""
                csvText +=
                    "\(id),INVBI,USAGE,1000,\(account),EUR,\(date),\(item * 10),\(material),\(quantity),\(price)\n"
                xmlText +=
                    "    <Item><itemNumber>\(item * 10)</itemNumber><material>\(material)</material><quantity>\(quantity)</quantity>"
                    + (price.isEmpty ? "" : "<unitPrice>\(price)</unitPrice>") + "</Item>\n"
            }
            xmlText += "  </SourceDocument>\n"
            if csvText.utf8.count > 1 << 20 {
                csvFile.write(Data(csvText.utf8))
                xmlFile.write(Data(xmlText.utf8))
                csvText = ""
                xmlText = ""
            }
        }
        xmlText += "</SourceDocuments>\n"
        csvFile.write(Data(csvText.utf8))
        xmlFile.write(Data(xmlText.utf8))
    }
}
