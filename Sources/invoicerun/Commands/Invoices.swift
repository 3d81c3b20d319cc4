import ArgumentParser
import Exporters
import Foundation
import InvoiceStore
import InvoicingCore
import XMLSupport

extension InvoiceRunCommand {
    /// Lists the invoices in the store.
    struct Invoices: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the invoices in the store.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            let invoices = try store.invoiceSummaries()
            func padded(_ text: String, _ width: Int) -> String {
                text + String(repeating: " ", count: max(0, width - text.count))
            }
            let numberWidth = invoices.map(\.number.count).max() ?? 0
            let kindWidth = invoices.map(\.kind.rawValue.count).max() ?? 0
            for invoice in invoices {
                print(
                    "\(padded(invoice.number, numberWidth))  \(padded(invoice.kind.rawValue, kindWidth))  "
                        + "\(invoice.invoiceDate)  \(invoice.account)  \(invoice.gross)  \(invoice.runID)")
            }
            let orders = try store.orderCounts()
            print("\(invoices.count) invoices; invoicing orders: \(orders.open) open, \(orders.invoiced) invoiced")
        }
    }

    /// Prints a stored invoice again, as text or canonical XML; as a recorded copy or duplicate.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a stored invoice as text or canonical XML, or a recorded copy of it.",
            discussion: """
                Without --copy or --duplicate the text is a view, marked COPY and not recorded. With \
                --copy (or --duplicate, for a lost original) the print is marked COPY n (DUPLICATE n) with \
                its print date and recorded in the store with who printed it ($USER), when and why (--reason).
                """)

        @Argument(help: "The invoice number.")
        var number: String

        @Option(name: .long, help: "text or xml.")
        var format = "text"

        @Flag(name: .long, help: "Print a numbered copy and record it in the store.")
        var copy = false

        @Flag(name: .long, help: "Print a numbered duplicate (replacing a lost original) and record it.")
        var duplicate = false

        @Option(name: .long, help: "Why the copy is printed; recorded with it.")
        var reason: String?

        @Option(name: .long, help: "The copy's print date (YYYY-MM-DD). Default: today.")
        var date: String?

        @Flag(name: .long, help: "Print the document flow: source documents, invoice, cancellations, FI documents.")
        var flow = false

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func validate() throws {
            if copy && duplicate { throw ValidationError("--copy and --duplicate: choose one") }
            if (copy || duplicate) && format != "text" {
                throw ValidationError("--copy and --duplicate print the text layout; drop --format \(format)")
            }
            if flow && (copy || duplicate) {
                throw ValidationError("--flow prints no copy; drop --copy or --duplicate")
            }
            if reason != nil && !(copy || duplicate) {
                throw ValidationError("--reason goes with --copy or --duplicate")
            }
        }

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            guard let invoice = try store.invoice(number: number) else {
                throw ValidationError("no invoice \(number) in \(storeOptions.store)")
            }
            if flow {
                print(try DocumentFlowText.render(invoice, store: store), terminator: "")
                return
            }
            switch format {
            case "text":
                let resources = try resourceOptions.locate()
                let layouts = try PrintLayoutLibrary(
                    directory: resources.templates, overrides: resourceOptions.templates
                )
                .layouts(forCompanyCode: invoice.seller.id)
                let edition = try self.edition(store: store)
                let model = InvoicePrintModelBuilder(layouts: layouts).model(invoice, edition: edition)
                print(try layouts.render(model), terminator: "")
            case "xml":
                print(try InvoiceXML.render(invoice), terminator: "")
            default:
                throw ValidationError("--format \(format): expected text or xml")
            }
        }

        /// The edition to print: a view, or a copy or duplicate recorded (and counted) in the store.
        private func edition(store: InvoiceStore) throws -> PrintEdition {
            // Every print made after the cancellation says so.
            let cancelled = try store.cancellation(of: number) != nil
            guard copy || duplicate else {
                return PrintEdition(kind: .copy, reprint: 0, printDate: nil, cancelled: cancelled)
            }
            let printDate = try CalendarDate.option(date) ?? .today()
            let reprint = try store.recordReprint(
                of: number, edition: copy ? .copy : .duplicate, printedAt: PrintLog.now(), printedBy: PrintLog.user(),
                reason: reason)
            return copy
                ? .copy(reprint, printDate: printDate, cancelled: cancelled)
                : .duplicate(reprint, printDate: printDate, cancelled: cancelled)
        }
    }
}

/// Who prints and when, for the store's print log: only the command line reads the clock and
/// the environment.
enum PrintLog {
    /// The user name from the environment (`USER`, else `LOGNAME`), or `unknown`.
    static func user() -> String {
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    /// Now, in UTC, as ISO 8601.
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
