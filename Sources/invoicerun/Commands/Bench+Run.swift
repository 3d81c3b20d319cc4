import ArgumentParser
import Foundation

extension InvoiceRunCommand.Bench {
    /// The whole job on generated data: import, invoicing run with every output, per phase.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Generate N items over M contract accounts, import them into a fresh store, invoice them with every output, and print figures per phase.",
            discussion:
                "Each phase runs as a child process (`invoicerun import`, `invoicerun run`), so its time and peak RSS are its own. The accounts alternate between the sample company codes 1000 (EUR) and 2000 (GBP) and their tax classifications; the items use the sample materials, whose prices have quantity scales. Also prints the file-system floor: creating as many files of the same sizes as the run wrote."
        )

        @Option(name: .long, help: "Items to generate (5 per document).")
        var items = 100_000

        @Option(name: .long, help: "Contract accounts the documents are spread over.")
        var accounts = 10_000

        @OptionGroup var folderOptions: BenchFolderOptions

        @Option(name: .long, help: "Format of the generated source documents: xml (measured against xmllint) or csv.")
        var format: BenchRunData.Format = .xml

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            guard items >= 5, accounts >= 1 else {
                throw ValidationError("--items must be at least 5, --accounts at least 1")
            }
            let resources = try resourceOptions.locate()
            try folderOptions.withFolder(named: "bench-run") { folder in
                try measureAndPrint(in: folder, resources: resources)
            }
        }

        /// Generates the dataset in `folder`, measures import and run, and prints every figure.
        private func measureAndPrint(in folder: String, resources: ResourceLocation) throws {
            print("generating \(items) items (\(items / 5) documents) over \(accounts) accounts in \(folder)")
            let figures = try Self.measure(
                items: items, accounts: accounts, format: format, folder: folder, resources: resources)
            let (imported, invoiced, outputs, invoiceCount) =
                (figures.imported, figures.invoiced, figures.outputs, figures.invoices)
            Self.report(
                "import", imported, items: items, invoices: nil, read: figures.input, written: figures.store)
            if format == .xml {
                let documents = folder + "/data/documents.xml"
                try InvoiceRunCommand.Bench.Import.xmllintReference(
                    documents, size: Double(try Self.size(of: documents)), ours: imported.seconds,
                    schema: resources.schemas + "/source-documents.xsd")
            }
            Self.report(
                "run (invoice, store, render every output)", invoiced, items: items, invoices: invoiceCount,
                read: nil, written: outputs.reduce(0) { $0 + $1.size })
            let total = imported.seconds + invoiced.seconds
            print(
                String(
                    format: "total: %.2f s, %.0f items/s, %.0f invoices/s, peak RSS %.0f MB", total,
                    Double(items) / total, Double(invoiceCount) / total,
                    max(imported.peakRSS, invoiced.peakRSS) / 1024))
            let floor = try Self.fileSystemFloor(outputs, in: folder + "/floor")
            print(
                String(
                    format:
                        "file-system floor: %d files of the same sizes created in %.2f s; the run took %.1f× that",
                    outputs.count, floor, invoiced.seconds / floor))
        }

        /// What one generated dataset cost: import and run, each in a child process.
        struct Figures {
            var imported: Measurement
            var invoiced: Measurement
            /// Every output file of the run with its size.
            var outputs: [(path: String, size: Int)]
            /// Invoices written (one canonical XML file each).
            var invoices: Int
            /// Bytes of generated input and of the store after the import.
            var input: Int
            var store: Int
        }

        /// Generates `items` items over `accounts` accounts into `folder`, imports them into a fresh
        /// store after the sample company's master data and configuration (not timed), and runs
        /// the invoicing run with every output.
        static func measure(
            items: Int, accounts: Int, format: BenchRunData.Format, folder: String, resources: ResourceLocation
        ) throws -> Figures {
            let manager = FileManager.default
            try? manager.removeItem(atPath: folder + "/data")
            try? manager.removeItem(atPath: folder + "/out")
            try? manager.removeItem(atPath: folder + "/store.sqlite")
            try manager.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
            try BenchRunData.write(items: items, accounts: accounts, format: format, into: folder + "/data")
            let store = folder + "/store.sqlite"
            let samples = resources.root + "/Samples"
            _ = try child(
                [
                    "import", samples + "/master-data", samples + "/config", "--store", store, "--resources",
                    resources.root,
                ]
            )
            let input = try size(of: folder + "/data")
            let imported = try child(["import", folder + "/data", "--store", store, "--resources", resources.root])
            let storeSize = try size(of: store)
            let invoiced = try child(
                [
                    "run", "--store", store, "--output", folder + "/out", "--date", "2026-11-30", "--resources",
                    resources.root,
                ])
            let outputs = try files(under: folder + "/out")
            // One canonical XML file per invoice (the UBL files end in .ubl.xml).
            let invoices = outputs.filter {
                $0.path.hasSuffix(".xml") && !$0.path.hasSuffix(".ubl.xml") && $0.path.contains("/invoices/IN-")
            }.count
            return Figures(
                imported: imported, invoiced: invoiced, outputs: outputs, invoices: invoices, input: input,
                store: storeSize)
        }

        /// Seconds and peak RSS (kB) of one child process.
        struct Measurement {
            var seconds: Double
            var peakRSS: Double
            /// User plus system CPU seconds: above `seconds` when several cores worked.
            var cpuSeconds: Double = 0
        }

        private static func report(
            _ phase: String, _ measurement: Measurement, items: Int, invoices: Int?, read: Int?, written: Int
        ) {
            var line = String(
                format: "%@: %.2f s, %.0f items/s", phase, measurement.seconds, Double(items) / measurement.seconds)
            if let invoices {
                line += String(
                    format: ", %d invoices, %.0f invoices/s", invoices, Double(invoices) / measurement.seconds)
            }
            if let read { line += String(format: ", read %.1f MB/s", Double(read) / 1e6 / measurement.seconds) }
            line += String(
                format: ", written %.1f MB (%.1f MB/s), peak RSS %.0f MB, CPU %.2f s", Double(written) / 1e6,
                Double(written) / 1e6 / measurement.seconds, measurement.peakRSS / 1024, measurement.cpuSeconds)
            print(line)
        }

        /// Runs `invoicerun ARGUMENTS`, silencing its output; its peak RSS comes from `wait4`.
        static func child(_ arguments: [String]) throws -> Measurement {
            guard let executable = Bundle.main.executablePath else { throw ValidationError("cannot find myself") }
            var pid: pid_t = 0
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            let clock = ContinuousClock()
            let start = clock.now
            guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
                throw ValidationError("cannot start \(arguments.first ?? "")")
            }
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            let elapsed = clock.now - start
            // Exit status 1 means some input was refused or a unit failed: the figures stand.
            let exit = (status >> 8) & 0xFF
            guard status & 0x7F == 0, exit <= 1 else {
                throw ValidationError("invoicerun \(arguments.first ?? "") failed with status \(status)")
            }
            func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
            return Measurement(
                seconds: elapsed.inSeconds, peakRSS: Double(usage.ru_maxrss),
                cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
        }

        static func files(under root: String) throws -> [(path: String, size: Int)] {
            guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
            var found: [(String, Int)] = []
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                if attributes[.type] as? FileAttributeType == .typeRegular {
                    found.append((path, (attributes[.size] as? Int) ?? 0))
                }
            }
            return found
        }

        static func size(of path: String) throws -> Int {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return 0 }
            if !isFolder.boolValue {
                return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            }
            return try files(under: path).reduce(0) { $0 + $1.size }
        }

        /// Creates files of the sizes given in one folder, each written and closed as the run's
        /// outputs are (no fsync per file; one syncfs at the end, as the run publishes).
        private static func fileSystemFloor(_ outputs: [(path: String, size: Int)], in folder: String) throws -> Double
        {
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: outputs.map(\.size).max() ?? 0)
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                for (index, output) in outputs.enumerated() {
                    let descriptor = open(folder + "/f\(index)", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                    guard descriptor >= 0 else { throw ValidationError("cannot create floor files") }
                    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, output.size) }
                    close(descriptor)
                }
                let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
                if descriptor >= 0 {
                    _ = syncfs(descriptor)
                    close(descriptor)
                }
            }
            return elapsed.inSeconds
        }
    }
}

/// Generated contract accounts and source documents for `bench run`.
enum BenchRunData {
    static let materials = ["M-1001", "M-1002", "M-1005", "M-1007", "M-1009", "M-1010", "M-1012", "M-1013"]

    /// The file format of the generated source documents.
    enum Format: String, ExpressibleByArgument, Sendable {
        case xml
        case csv
    }

    static func write(items: Int, accounts: Int, format: Format = .csv, into folder: String) throws {
        var text =
            "account,company_code,name,street,postal_code,city,country,vat_id,language,currency,payment_terms,invoicing_category,tax_classification,account_assignment_group,electronic_address,invoice_formats,invoice_list_calendar\n"
        for index in 0..<accounts {
            text +=
                index % 2 == 0
                ? "BA-\(index),1000,Bench Kunde \(index),Hauptstraße \(index % 200 + 1),10115,Berlin,DE,DE\(digits(index, 9)),de,EUR,NT14,STD,1,01,0088:40\(digits(index, 11)),ubl,\n"
                : "BA-\(index),2000,Bench Customer \(index),\(index % 200 + 1) High Street,EC1A 1BB,London,GB,GB\(digits(index, 9)),en,GBP,NT30,STD,1,01,0088:50\(digits(index, 11)),ubl,\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/accounts.csv"))
        let path = folder + "/documents." + format.rawValue
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let file = FileHandle(forWritingAtPath: path)
        else { throw ValidationError("cannot write the generated documents") }
        defer { try? file.close() }
        var rows =
            format == .csv
            ? "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity,unit_price\n"
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SourceDocuments xmlns=\"urn:invoicerun:source-documents:1\">\n"
        // Seeded, so the same N and M give the same files on every machine and every run.
        var random = SplitMix64(seed: UInt64(items) &* 31 &+ UInt64(accounts))
        for document in 0..<(items / 5) {
            let account = document % accounts
            let (companyCode, currency) = account % 2 == 0 ? ("1000", "EUR") : ("2000", "GBP")
            let day = 1 + document % 28
            let date = "2026-11-" + (day < 10 ? "0\(day)" : "\(day)")
            if format == .xml {
                rows +=
                    "  <SourceDocument><documentId>BR-\(document)</documentId><category>INVBI</category><type>USAGE</type><companyCode>\(companyCode)</companyCode><account>BA-\(account)</account><currency>\(currency)</currency><documentDate>\(date)</documentDate>\n"
            }
            for item in 1...5 {
                let material = materials[(document + item) % materials.count]
                let quantity =
                    "\(Int.random(in: 1...9_999, using: &random)).\(Int.random(in: 100...999, using: &random))"
                switch format {
                case .csv:
                    rows +=
                        "BR-\(document),INVBI,USAGE,\(companyCode),BA-\(account),\(currency),\(date),\(item * 10),\(material),\(quantity),\n"
                case .xml:
                    rows +=
                        "    <Item><itemNumber>\(item * 10)</itemNumber><material>\(material)</material><quantity>\(quantity)</quantity></Item>\n"
                }
            }
            if format == .xml { rows += "  </SourceDocument>\n" }
            if rows.utf8.count > 1 << 20 {
                file.write(Data(rows.utf8))
                rows = ""
            }
        }
        if format == .xml { rows += "</SourceDocuments>\n" }
        file.write(Data(rows.utf8))
    }

    /// `value` as `width` decimal digits, zero-padded.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// A small seeded generator (SplitMix64) for reproducible bench data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
