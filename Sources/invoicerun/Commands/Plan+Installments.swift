import ArgumentParser
import Exporters
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand.Plan {
    /// Prints the installment schedule of a stored invoice.
    struct Installments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the installment schedule of a stored invoice paid in installments.")

        @Argument(help: "The invoice number.")
        var number: String

        @Option(name: .long, help: "text, xml or csv.")
        var format = "text"

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            guard let invoice = try store.invoice(number: number) else {
                throw ValidationError("no invoice \(number) in \(storeOptions.store)")
            }
            guard let installments = invoice.installments, !installments.isEmpty else {
                throw ValidationError(
                    "invoice \(number) is not paid in installments (payment terms \(invoice.paymentTerms.id))")
            }
            switch format {
            case "text":
                let resources = try resourceOptions.locate()
                let layouts = try PrintLayoutLibrary(
                    directory: resources.templates, overrides: resourceOptions.templates
                )
                .layouts(forCompanyCode: invoice.seller.id)
                let model = InvoicePrintModelBuilder(layouts: layouts).installmentSchedule(
                    invoice, installments: installments.map { .init(dueDate: $0.dueDate, amount: $0.amount) },
                    edition: PrintEdition(kind: .copy, reprint: 0, printDate: nil))
                print(try layouts.render(model), terminator: "")
            case "xml":
                print(try InstallmentScheduleXML.render(invoice) ?? "", terminator: "")
            case "csv":
                print(InstallmentScheduleCSV.render([invoice]), terminator: "")
            default:
                throw ValidationError("--format \(format): expected text, xml or csv")
            }
        }
    }
}
