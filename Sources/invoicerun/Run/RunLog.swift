import Importers
import InvoicingCore

/// The run log and the summary printed at the end of a run (the same facts, two lengths).
enum RunLog {
    /// An order as the log names it: its document, with the items when the unit holds only some.
    static func orderText(_ order: InvoicingOrder) -> String {
        order.document.id + (order.items.map { "(items \($0.map(String.init).joined(separator: " ")))" } ?? "")
    }

    /// The full log: parameters, import diagnostics, skipped orders, every unit and its outcome.
    static func text(_ report: InvoicingJob.Report, parameters: RunParameters, imported: ImportReport?) -> String {
        var lines = [
            "run \(report.runID) process \(parameters.process) date \(parameters.runDate)"
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
        for skipped in report.selection.skipped.sorted(by: { $0.order.document.id < $1.order.document.id }) {
            lines.append(
                "skipped \(skipped.order.document.id) account \(skipped.order.account): \(skipped.reason.rawValue)")
        }
        for result in report.results {
            let unit = result.unit
            let head =
                "unit \(unit.index) account \(unit.account) type \(unit.invoicingType) orders \(unit.orders.map(orderText).joined(separator: ","))"
            switch result.outcome {
            case .invoiced(let draft) where draft.invoice.kind == .proForma:
                lines.append(
                    "\(head): pro forma \(draft.invoice.number), no number, not posted, gross \(draft.invoice.grossTotal)"
                )
            case .invoiced(let draft):
                lines.append(
                    "\(head): invoiced \(draft.invoice.number) posting \(draft.posting.number)\(draft.posting.held ? " (held)" : "") gross \(draft.invoice.grossTotal)"
                )
            case .postponed(let reason):
                lines.append("\(head): postponed: \(reason)")
            case .failed(let reason):
                lines.append("\(head): FAILED: \(reason)")
            }
        }
        lines += report.rebatePostings.map { "rebate accrual \(accrualLine($0.posting))" }
        lines += report.outputErrors.map { "output error: \($0)" }
        lines += report.outputNotes.map { "output note: \($0)" }
        return lines.joined(separator: "\n") + "\n"
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
        let skippedByReason = Dictionary(grouping: report.selection.skipped, by: \.reason.rawValue)
            .map { "\($0.value.count) \($0.key)" }.sorted()
        lines.append(
            "Selected: \(report.selection.orders.count) orders of \(report.selection.accounts.count) accounts"
                + (skippedByReason.isEmpty ? "" : " (left open: \(skippedByReason.joined(separator: ", ")))"))
        let invoiced = report.results.compactMap(\.draft)
        let failed = report.results.filter { $0.failure != nil }
        let postponed = report.results.filter { $0.postponement != nil }
        lines.append(
            "Invoicing units: \(report.results.count): \(invoiced.count) invoiced, \(postponed.count) postponed, \(failed.count) failed"
        )
        // A pro forma is listed apart and counts in no total: it bills nothing.
        let proFormas = invoiced.filter { $0.invoice.kind == .proForma }.map(\.invoice.number)
        let numbered = invoiced.filter { $0.invoice.kind != .proForma }
        if !numbered.isEmpty {
            lines.append("Invoices: " + ranges(numbered.map(\.invoice.number)))
            // Internal invoices between company codes: outside the customer totals below.
            let intercompany = numbered.flatMap(\.intercompany)
            if !intercompany.isEmpty {
                lines.append("Intercompany invoices: " + ranges(intercompany.map(\.invoice.number)))
            }
            lines.append("Totals per currency:")
            for (currency, drafts) in Dictionary(grouping: numbered, by: \.invoice.currency).sorted(by: {
                $0.key < $1.key
            }) {
                let invoices = drafts.map(\.invoice)
                let net = (try? invoices.map(\.netTotal).sum(in: currency))?.decimal.description ?? "overflow"
                let tax = (try? invoices.map(\.taxTotal).sum(in: currency))?.decimal.description ?? "overflow"
                let gross = (try? invoices.map(\.grossTotal).sum(in: currency))?.decimal.description ?? "overflow"
                lines.append("  \(currency.code)  net \(net)  tax \(tax)  gross \(gross)  (\(invoices.count) invoices)")
            }
        }
        if !proFormas.isEmpty {
            lines.append("Pro forma invoices (no number, not posted): \(proFormas.joined(separator: ", "))")
        }
        lines += report.rebatePostings.map { "Rebate accrual caught up: \(accrualLine($0.posting))" }
        for result in postponed {
            lines.append("Postponed unit \(result.unit.index) (\(result.unit.account)): \(result.postponement ?? "")")
        }
        for result in failed {
            lines.append("FAILED unit \(result.unit.index) (\(result.unit.account)): \(result.failure ?? "")")
        }
        if let imported {
            lines += imported.diagnostics.map { "\($0.severity == .error ? "error" : "warning"): \($0)" }
        }
        lines += report.outputErrors.map { "output error: \($0)" }
        if let folder = report.outputFolder {
            lines.append("Outputs: \(folder) (\(report.outputs.count + 1) files)")
        }
        return lines.joined(separator: "\n")
    }

    /// `REB-1 46.65 EUR (FI-1000-2026-000013)`: an accrual document of its own; negative when it reverses.
    static func accrualLine(_ posting: FIDocument) -> String {
        let expense = posting.lines.first { $0.accountKey == .rebateExpense }
        let amount = expense.map { $0.side == .debit ? $0.amount : $0.amount.negated } ?? .zero(posting.currency)
        return "\(posting.reference) \(amount) (\(posting.number))"
    }

    /// `IN-1000-2026-000001 … 000012 (12)` for each number range, in order of first use.
    static func ranges(_ numbers: [String]) -> String {
        var groups: [(range: String, numbers: [String])] = []
        for number in numbers {
            let range = number.split(separator: "-").dropLast().joined(separator: "-")
            if let index = groups.firstIndex(where: { $0.range == range }) {
                groups[index].numbers.append(number)
            } else {
                groups.append((range, [number]))
            }
        }
        return groups.map { group in
            guard let first = group.numbers.first, let last = group.numbers.last, group.numbers.count > 1 else {
                return group.numbers.joined()
            }
            return "\(first) … \(last.split(separator: "-").last ?? "") (\(group.numbers.count))"
        }.joined(separator: ", ")
    }
}
