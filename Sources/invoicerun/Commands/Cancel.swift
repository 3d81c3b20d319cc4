import ArgumentParser
import Exporters
import Foundation
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand {
    /// Cancels a stored invoice: a cancellation document, its reversing FI document, and open
    /// invoicing orders again for the invoice's source documents.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Cancel a stored invoice or memo; its source documents are invoiced again by the next run.",
            discussion: """
                The cancellation takes its number from its own range (CN-COMPANY-YEAR-n), carries the \
                invoice's lines with the opposite signs and the invoice's number as its reference, and \
                reverses the invoice's FI document line by line. Its outputs go to DIR/RUN-ID/ (text, XML, \
                postings). Exit status 1 when the store refuses the cancellation (a document cancelled \
                before, a cancellation, an invoice whose memos stand), 64 for an unknown number or a bad option.
                """)

        @Argument(help: "The number of the invoice, credit memo or debit memo to cancel.")
        var number: String

        @Option(name: .long, help: "Why the invoice is cancelled; recorded in the document flow.")
        var reason: String?

        @Option(name: .long, help: "The cancellation date (YYYY-MM-DD). Default: today.")
        var date: String?

        @Option(name: .long, help: "Output folder; the cancellation writes into its own RUN-ID subfolder.")
        var output = "out"

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let cancellationDate = try CalendarDate.option(date) ?? .today()
            let resources = try resourceOptions.locate()
            let library = try PrintLayoutLibrary(directory: resources.templates, overrides: resourceOptions.templates)
            let store = try InvoiceStore(path: storeOptions.store)
            guard let original = try store.invoice(number: number) else {
                throw ValidationError("no invoice \(number) in \(storeOptions.store)")
            }
            if cancellationDate < original.invoiceDate {
                throw ValidationError(
                    "--date \(cancellationDate) is before the invoice date \(original.invoiceDate) of \(number)")
            }
            try OutputFolder.prepare(output)
            let outcome = Result { () throws(StoreError) -> InvoiceDraft in
                try store.cancel(
                    number, on: cancellationDate, reason: reason, createdAt: PrintLog.now(),
                    createdBy: PrintLog.user())
            }
            if case .failure(let error) = outcome, error.code == .refused {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
            let draft = try outcome.get()
            let cancellation = draft.invoice
            var folder = try OutputFolder(root: output + "/" + cancellation.runID)
            let layouts = library.layouts(forCompanyCode: cancellation.seller.id)
            try folder.write(
                try layouts.render(InvoicePrintModelBuilder(layouts: layouts).model(cancellation)),
                to: "invoices/\(cancellation.number).txt")
            try folder.write(try InvoiceXML.render(cancellation), to: "invoices/\(cancellation.number).xml")
            // The cancellations of its intercompany invoices, and their postings in both company codes.
            for icInvoice in draft.intercompany {
                let own = library.layouts(forCompanyCode: icInvoice.invoice.seller.id)
                try folder.write(
                    try own.render(InvoicePrintModelBuilder(layouts: own).model(icInvoice.invoice)),
                    to: "invoices/\(icInvoice.invoice.number).txt")
                try folder.write(
                    try InvoiceXML.render(icInvoice.invoice), to: "invoices/\(icInvoice.invoice.number).xml")
            }
            let postings =
                [draft.posting]
                + draft.intercompany.flatMap { [$0.posting] + ($0.receiverPosting.map { [$0] } ?? []) }
            try folder.write(PostingCSV.render(postings), to: "postings.csv")
            try folder.write(try PostingXML.render(postings, runID: cancellation.runID), to: "postings.xml")
            try folder.write(
                try library.journal([draft.posting], companyCode: cancellation.seller, runID: cancellation.runID),
                to: "journal-\(cancellation.seller.id).txt")
            try folder.publish()
            try store.recordOriginalPrints([cancellation.number], printedAt: PrintLog.now(), printedBy: PrintLog.user())
            let reopened = try store.orderTraces(sourceDocuments: original.sourceDocuments)
                .filter { $0.reopenedBy == cancellation.number }.count
            if let list = try store.invoiceList(containing: number) {
                print(
                    "\(number) stays on invoice list \(list); \(cancellation.number) goes on the next credit list "
                        + "of \(original.buyer.id)")
            }
            print(
                """
                \(number) cancelled by \(cancellation.number) (\(cancellation.grossTotal)), \
                FI document \(draft.posting.number) reverses \(original.postingNumber)
                \(reopened) invoicing order\(reopened == 1 ? "" : "s") open again for \
                \(original.sourceDocuments.joined(separator: ", "))
                Outputs: \(folder.root)
                """)
            for icInvoice in draft.intercompany {
                print(
                    "\(icInvoice.invoice.reference ?? "") cancelled by \(icInvoice.invoice.number) (\(icInvoice.invoice.grossTotal)), "
                        + "FI documents \(icInvoice.posting.number) and \(icInvoice.receiverPosting?.number ?? "-")")
            }
        }
    }
}
