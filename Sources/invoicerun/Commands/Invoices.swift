import ArgumentParser
import Exporters
import InvoiceStore
import XMLSupport

extension InvoiceRunCommand {
    /// Lists the invoices in the store.
    struct Invoices: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the invoices in the store.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            let invoices = try store.invoiceSummaries()
            for invoice in invoices {
                print(
                    "\(invoice.number)  \(invoice.invoiceDate)  \(invoice.account)  \(invoice.gross)  \(invoice.runID)")
            }
            let orders = try store.orderCounts()
            print("\(invoices.count) invoices; invoicing orders: \(orders.open) open, \(orders.invoiced) invoiced")
        }
    }

    /// Prints a stored invoice again, as text or canonical XML.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a stored invoice as text or canonical XML.")

        @Argument(help: "The invoice number.")
        var number: String

        @Option(name: .long, help: "text or xml.")
        var format = "text"

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            guard let invoice = try store.invoice(number: number) else {
                throw ValidationError("no invoice \(number) in \(storeOptions.store)")
            }
            switch format {
            case "text":
                let resources = try resourceOptions.locate()
                let layouts = try PrintLayouts(directory: resources.templates, overrides: resourceOptions.templates)
                print(try layouts.render(InvoicePrintModelBuilder(page: layouts.page).model(invoice)), terminator: "")
            case "xml":
                print(try InvoiceXML.render(invoice), terminator: "")
            default:
                throw ValidationError("--format \(format): expected text or xml")
            }
        }
    }
}
