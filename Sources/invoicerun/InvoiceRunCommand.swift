import ArgumentParser

/// `invoicerun`: imports source documents, runs invoicing, writes invoices and postings.
@main
struct InvoiceRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoicerun",
        abstract:
            "Turns source documents into invoices, and invoices into the files partners, printers and accountants need.",
        subcommands: [
            Run.self, Import.self, Validate.self, Invoices.self, Show.self, Cancel.self, Approve.self, Reject.self,
            Release.self, Plan.self, Lists.self, Rebate.self, Watch.self, Convert.self, Bench.self,
        ]
    )
}
