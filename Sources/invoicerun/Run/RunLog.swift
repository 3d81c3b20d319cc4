import Importers
import InvoicingCore

/// The run log and the summary printed at the end of a run (the same facts, two lengths).
enum RunLog {
    /// An order as the log names it: its document, with the items when the unit holds only some.
    static func orderText(_ order: InvoicingOrder) -> String {
        order.document.id + (order.items.map { "(items \($0.map(String.init).joined(separator: " ")))" } ?? "")
    }

    /// The first lines of the log: the run, its parameters and what was imported for it.
    static func header(_ runID: String, parameters: RunParameters, imported: ImportReport?) -> String {
        var lines = [
            "run \(runID) process \(parameters.process) date \(parameters.runDate)"
                + (parameters.simulate ? " (simulation)" : "")
        ]
        if let imported {
            for file in imported.files {
                lines.append(
                    "input \(file.file) \(file.content) records \(file.records) refused \(file.refused) sha256 \(file.sha256)"
                )
            }
            lines += imported.skipped.map { "input \($0.file) skipped: same content as \($0.firstImportedAs)" }
            lines += imported.diagnostics.map { "import \($0.severity.rawValue): \($0)" }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The log line of an open order the run passed over.
    static func line(_ skipped: SkippedOrder) -> String {
        "skipped \(skipped.order.document.id) account \(skipped.order.account): \(skipped.reason.rawValue)\n"
    }

    /// The log line of one unit and its outcome.
    static func line(_ result: UnitResult) -> String {
        let unit = result.unit
        let head =
            "unit \(unit.index) account \(unit.account) type \(unit.invoicingType) orders \(unit.orders.map(orderText).joined(separator: ","))"
        switch result.outcome {
        case .invoiced(let draft) where draft.invoice.kind == .proForma:
            return
                "\(head): pro forma \(draft.invoice.number), no number, not posted, gross \(draft.invoice.grossTotal)\n"
        case .invoiced(let draft):
            return
                "\(head): invoiced \(draft.invoice.number) posting \(draft.posting.number)\(draft.posting.held ? " (held)" : "") gross \(draft.invoice.grossTotal)\n"
        case .postponed(let reason):
            return "\(head): postponed: \(reason)\n"
        case .failed(let reason):
            return "\(head): FAILED: \(reason)\n"
        }
    }

    /// The last lines of the log: rebate accruals posted on their own, output errors and notes.
    static func trailer(_ report: InvoicingJob.Report) -> String {
        (report.rebatePostings.map { "rebate accrual \(accrualLine($0.posting))" }
            + report.outputErrors.map { "output error: \($0)" } + report.outputNotes.map { "output note: \($0)" })
            .map { $0 + "\n" }.joined()
    }

    /// The summary a user reads on the terminal.
    static func summary(_ report: InvoicingJob.Report, parameters: RunParameters, imported: ImportReport?) -> String {
        var lines: [String] = []
        let title = parameters.simulate ? "Simulation" : "Run"
        lines.append("\(title) \(report.runID) · process \(parameters.process) · date \(parameters.runDate)")
        if let imported {
            lines.append(
                "Imported: \(imported.files.count) files, \(imported.counts)"
                    + (imported.configuration != nil ? ", configuration" : "")
                    + (imported.errorCount > 0 ? " (\(imported.errorCount) problems, see below)" : ""))
            if !imported.skipped.isEmpty {
                lines.append(
                    "Skipped: \(imported.skipped.count) files imported before with the same content (\(imported.skipped.map(\.file).joined(separator: ", ")))"
                )
            }
        }
        let tally = report.tally
        let skippedByReason = tally.skipped.map { "\($0.value) \($0.key)" }.sorted()
        lines.append(
            "Selected: \(tally.selectedOrders) orders of \(tally.accounts) accounts"
                + (skippedByReason.isEmpty ? "" : " (left open: \(skippedByReason.joined(separator: ", ")))"))
        lines.append(
            "Invoicing units: \(tally.units): \(tally.invoiced) invoiced, \(tally.postponed.count) postponed, \(tally.failed.count) failed"
        )
        // A pro forma is listed apart and counts in no total: it bills nothing.
        if !tally.invoiceNumbers.isEmpty {
            lines.append("Invoices: " + tally.invoiceNumbers.description)
            // Internal invoices between company codes: outside the customer totals below.
            if !tally.intercompanyNumbers.isEmpty {
                lines.append("Intercompany invoices: " + tally.intercompanyNumbers.description)
            }
            lines.append("Totals per currency:")
            for (currency, sums) in tally.totals.sorted(by: { $0.key < $1.key }) {
                func text(_ money: Money?) -> String { money?.decimal.description ?? "overflow" }
                lines.append(
                    "  \(currency.code)  net \(text(sums.net))  tax \(text(sums.tax))  gross \(text(sums.gross))  (\(sums.invoices) invoices)"
                )
            }
        }
        if !tally.proFormas.isEmpty {
            lines.append("Pro forma invoices (no number, not posted): \(tally.proFormas.joined(separator: ", "))")
        }
        lines += report.rebatePostings.map { "Rebate accrual caught up: \(accrualLine($0.posting))" }
        for unit in tally.postponed {
            lines.append("Postponed unit \(unit.index) (\(unit.account)): \(unit.reason)")
        }
        for unit in tally.failed {
            lines.append("FAILED unit \(unit.index) (\(unit.account)): \(unit.reason)")
        }
        if let imported {
            lines += imported.diagnostics.map { "\($0.severity == .error ? "error" : "warning"): \($0)" }
        }
        lines += report.outputErrors.map { "output error: \($0)" }
        if let folder = report.outputFolder {
            lines.append("Outputs: \(folder) (\(report.outputCount) files)")
        }
        return lines.joined(separator: "\n")
    }

    /// `REB-1 46.65 EUR (FI-1000-2026-000013)`: an accrual document of its own; negative when it reverses.
    static func accrualLine(_ posting: FIDocument) -> String {
        let expense = posting.lines.first { $0.accountKey == .rebateExpense }
        let amount = expense.map { $0.side == .debit ? $0.amount : $0.amount.negated } ?? .zero(posting.currency)
        return "\(posting.reference) \(amount) (\(posting.number))"
    }
}
