import Foundation
import InvoicingCore

/// The audit record of a run: inputs with hashes, parameters, every unit with its orders,
/// grouping characteristics, type, functions and numbers, and the outputs with hashes. Holds no
/// clock time and no store path, so a repeated run on a fresh store writes the same bytes.
struct Manifest: Encodable {
    struct Parameters: Encodable {
        var process: String
        var runDate: String
        var simulate: Bool
        var accounts: [String]?
        var enabledFunctions: [String]
        var disabledFunctions: [String]

        init(_ parameters: RunParameters) {
            process = parameters.process
            runDate = parameters.runDate.description
            simulate = parameters.simulate
            accounts = parameters.accounts?.sorted()
            enabledFunctions = parameters.enabledFunctions.map(\.rawValue).sorted()
            disabledFunctions = parameters.disabledFunctions.map(\.rawValue).sorted()
        }
    }

    struct SelectionRecord: Encodable {
        struct Skipped: Encodable {
            var document: String
            var account: String
            var reason: String

            init(_ skipped: SkippedOrder) {
                document = skipped.order.document.id
                account = skipped.order.account
                reason = skipped.reason.rawValue
            }
        }

        var accounts: Spooled
        var orders: Int
        var skipped: Spooled
    }

    struct Unit: Encodable {
        struct Function: Encodable {
            var function: String
            var status: Int?
            var active: Bool
            var reason: String
        }

        var index: Int
        var account: String
        var invoicingType: String
        var characteristics: [String: String]
        var orders: [String]
        var functions: [Function]
        var outcome: String
        var invoiceNumber: String?
        var postingNumber: String?
        var grossAmount: String?
        var reason: String?
    }

    struct Output: Encodable {
        var file: String
        var sha256: String
    }

    /// An array written out of a spool (`JSONArraySpool`) where this marker stands.
    struct Spooled: Encodable {
        var name: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(Self.marker + name)
        }

        static let marker = "@spooled:"
    }

    var runId: String
    var simulated: Bool
    var parameters: Parameters
    var inputs: [ImportReport.File]
    var selection: SelectionRecord
    var units = Spooled(name: "units")
    var outputs = Spooled(name: "outputs")

    init(runID: String, parameters: RunParameters, imported: ImportReport?, orders: Int) {
        runId = runID
        simulated = parameters.simulate
        self.parameters = Parameters(parameters)
        inputs = imported?.files ?? []
        selection = SelectionRecord(
            accounts: Spooled(name: "accounts"), orders: orders, skipped: Spooled(name: "skipped"))
    }

    /// Writes the manifest into `file`, each spooled array from `arrays` (by name) where it stands.
    func write(into file: AppendingFile, arrays: [String: JSONArraySpool]) throws {
        var rest = try Self.json(self)[...]
        let quotedMarker = "\"" + Spooled.marker
        while let start = rest.range(of: quotedMarker) {
            try file.append(String(rest[..<start.lowerBound]))
            let nameStart = start.upperBound
            guard let end = rest[nameStart...].firstIndex(of: "\"") else { break }
            try arrays[String(rest[nameStart..<end])]?.copy(into: file)
            rest = rest[rest.index(after: end)...]
        }
        try file.append(String(rest))
    }

    /// Stable JSON: sorted keys, indented, slashes unescaped, newline at the end.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

extension Manifest.Unit {
    /// The unit as its manifest entry, in the layout `Manifest.json` gives.
    var json: PrettyJSON {
        .object([
            ("index", .int(index)), ("account", .string(account)), ("invoicingType", .string(invoicingType)),
            ("characteristics", .object(characteristics.map { ($0.key, .string($0.value)) })),
            ("orders", .array(orders.map(PrettyJSON.string))),
            (
                "functions",
                .array(
                    functions.map { function in
                        .object([
                            ("function", .string(function.function)), ("status", function.status.map(PrettyJSON.int)),
                            ("active", .bool(function.active)), ("reason", .string(function.reason)),
                        ])
                    })
            ),
            ("outcome", .string(outcome)), ("invoiceNumber", invoiceNumber.map(PrettyJSON.string)),
            ("postingNumber", postingNumber.map(PrettyJSON.string)),
            ("grossAmount", grossAmount.map(PrettyJSON.string)),
            ("reason", reason.map(PrettyJSON.string)),
        ])
    }
}

extension Manifest.SelectionRecord.Skipped {
    /// The order as its manifest entry.
    var json: PrettyJSON {
        .object([("document", .string(document)), ("account", .string(account)), ("reason", .string(reason))])
    }
}

extension Manifest.Output {
    /// The file as its manifest entry.
    var json: PrettyJSON { .object([("file", .string(file)), ("sha256", .string(sha256))]) }
}

extension Manifest.Unit {
    /// The manifest entry of one unit and its outcome.
    init(_ result: UnitResult) {
        let unit = result.unit
        self.init(
            index: unit.index, account: unit.account, invoicingType: unit.invoicingType,
            characteristics: Dictionary(
                unit.characteristics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
            orders: unit.orders.map(\.document.id),
            functions: unit.functions.map {
                .init(function: $0.function.rawValue, status: $0.status?.rawValue, active: $0.active, reason: $0.reason)
            },
            outcome: "", invoiceNumber: nil, postingNumber: nil, grossAmount: nil, reason: nil)
        switch result.outcome {
        case .invoiced(let draft):
            outcome = "invoiced"
            invoiceNumber = draft.invoice.number
            postingNumber = draft.posting.number
            grossAmount = draft.invoice.grossTotal.description
        case .postponed(let reason):
            outcome = "postponed"
            self.reason = reason
        case .failed(let reason):
            outcome = "failed"
            self.reason = reason
        }
    }
}
