import InvoicingCore

/// The run log's and manifest's lines about orders and units, written to spools as the run
/// decides them and copied into `run.log` and `manifest.json` at the end, so a run's records
/// take no memory however many units it has.
final class RunRecords {
    private let skippedLines: Spool
    private let unitLines: Spool
    private let accounts: JSONArraySpool
    private let skipped: JSONArraySpool
    private let units: JSONArraySpool
    /// The output files with their hashes, for the manifest (filled by `OutputFolder`).
    let outputs: JSONArraySpool

    /// Records kept in spools in `folder`.
    init(in folder: String) throws {
        skippedLines = try Spool(in: folder, name: "skipped-log")
        unitLines = try Spool(in: folder, name: "unit-log")
        accounts = try JSONArraySpool(in: folder, name: "accounts", depth: 2)
        skipped = try JSONArraySpool(in: folder, name: "skipped", depth: 2)
        units = try JSONArraySpool(in: folder, name: "units", depth: 1)
        outputs = try JSONArraySpool(in: folder, name: "outputs", depth: 1)
    }

    /// Records the selection of one range of accounts: its qualified accounts, and the orders
    /// passed over, by account and document.
    func record(_ selection: Selection) throws {
        for account in selection.accounts { try accounts.append(.string(account)) }
        let passedOver = selection.skipped.sorted {
            ($0.order.account, $0.order.document.id) < ($1.order.account, $1.order.document.id)
        }
        for order in passedOver {
            try skippedLines.append(RunLog.line(order))
            try skipped.append(Manifest.SelectionRecord.Skipped(order).json)
        }
    }

    /// Records one unit and its outcome.
    func record(_ result: UnitResult) throws {
        try unitLines.append(RunLog.line(result))
        try units.append(Manifest.Unit(result).json)
    }

    /// Removes the spools (before the folder they are in is published).
    func discard() {
        for spool in [skippedLines, unitLines] { spool.discard() }
        for spool in [accounts, skipped, units, outputs] { spool.discard() }
    }

    /// Writes `run.log`: `header`, the orders passed over, the units, `trailer`.
    func writeLog(into outputs: RunOutputs, header: String, trailer: String) throws {
        let file = try outputs.appending(to: "run.log")
        try file.append(header)
        try skippedLines.copy(into: file)
        try unitLines.copy(into: file)
        try file.append(trailer)
        try outputs.finish(file)
    }

    /// Writes `manifest.json`: `manifest` with the recorded arrays where they belong.
    func writeManifest(_ manifest: Manifest, into outputs: RunOutputs) throws {
        let file = try outputs.appending(to: "manifest.json")
        try manifest.write(
            into: file, arrays: ["accounts": accounts, "skipped": skipped, "units": units, "outputs": self.outputs])
        try outputs.finish(file)
    }
}
