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
        }

        var accounts: [String]
        var orders: Int
        var skipped: [Skipped]
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

    var runId: String
    var simulated: Bool
    var parameters: Parameters
    var inputs: [ImportReport.File]
    var selection: SelectionRecord
    var units: [Unit]
    var outputs: [Output]

    init(report: InvoicingJob.Report, parameters: RunParameters, imported: ImportReport?) {
        runId = report.runID
        simulated = parameters.simulate
        self.parameters = Parameters(parameters)
        inputs = imported?.files ?? []
        selection = SelectionRecord(
            accounts: report.selection.accounts, orders: report.selection.orders.count,
            skipped: report.selection.skipped
                .sorted { ($0.order.account, $0.order.document.id) < ($1.order.account, $1.order.document.id) }
                .map { .init(document: $0.order.document.id, account: $0.order.account, reason: $0.reason.rawValue) })
        units = report.results.map { result in
            var unit = Unit(
                index: result.unit.index, account: result.unit.account, invoicingType: result.unit.invoicingType,
                characteristics: Dictionary(
                    result.unit.characteristics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                orders: result.unit.orders.map(\.document.id),
                functions: result.unit.functions.map {
                    .init(
                        function: $0.function.rawValue, status: $0.status?.rawValue, active: $0.active,
                        reason: $0.reason)
                },
                outcome: "", invoiceNumber: nil, postingNumber: nil, grossAmount: nil, reason: nil)
            switch result.outcome {
            case .invoiced(let draft):
                unit.outcome = "invoiced"
                unit.invoiceNumber = draft.invoice.number
                unit.postingNumber = draft.posting.number
                unit.grossAmount = draft.invoice.grossTotal.description
            case .postponed(let reason):
                unit.outcome = "postponed"
                unit.reason = reason
            case .failed(let reason):
                unit.outcome = "failed"
                unit.reason = reason
            }
            return unit
        }
        outputs = report.outputs.map { Output(file: $0.path, sha256: $0.sha256) }
    }

    /// Stable JSON: sorted keys, indented, slashes unescaped, newline at the end.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
