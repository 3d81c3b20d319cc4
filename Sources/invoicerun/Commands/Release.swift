import ArgumentParser
import Exporters
import Foundation
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand {
    /// Releases an FI document held by a posting block and writes its posting files.
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release an FI document held by a posting block; write its posting files.",
            discussion: """
                NUMBER is the document the FI document posts (invoice, memo, cancellation) or the FI \
                document's own number. The release is recorded with who ($USER) and when, and the \
                released document goes to DIR/RUN-ID/ (postings.csv, postings.xml, the posting journal). \
                Exit status 1 when refused (not held, or released before), 64 for an unknown number or a \
                bad option.
                """)

        @Argument(help: "The invoice, memo or cancellation number, or the FI document number.")
        var number: String

        @Option(name: .long, help: "The release date (YYYY-MM-DD). Default: today.")
        var date: String?

        @Option(name: .long, help: "Output folder; the release writes into its own RUN-ID subfolder.")
        var output = "out"

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let releaseDate = try CalendarDate.option(date) ?? .today()
            let resources = try resourceOptions.locate()
            let library = try PrintLayoutLibrary(directory: resources.templates, overrides: resourceOptions.templates)
            let store = try InvoiceStore(path: storeOptions.store)
            if try store.invoice(number: number) == nil && store.postingDocument(number) == nil {
                throw ValidationError("no invoice or FI document \(number) in \(storeOptions.store)")
            }
            try OutputFolder.prepare(output)
            let outcome = Result { () throws(StoreError) in
                try store.releasePosting(
                    of: number, on: releaseDate, releasedAt: PrintLog.now(), releasedBy: PrintLog.user())
            }
            if case .failure(let error) = outcome, error.code == .refused {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
            let (runID, postings) = try outcome.get()
            var folder = try OutputFolder(root: output + "/" + runID)
            try folder.write(PostingCSV.render(postings), to: "postings.csv")
            try folder.write(try PostingXML.render(postings, runID: runID), to: "postings.xml")
            // One journal per company code: an intercompany invoice's documents are at two, and
            // the sellers of the invoices they post (the customer's and the internal one) are both.
            var companyCodes: [String: CompanyCode] = [:]
            for posting in postings {
                if let seller = try store.invoice(number: posting.reference)?.seller {
                    companyCodes[seller.id] = seller
                }
            }
            for code in Set(postings.map(\.companyCode)).sorted() {
                guard let company = companyCodes[code] else { continue }
                try folder.write(
                    try library.journal(postings.filter { $0.companyCode == code }, companyCode: company, runID: runID),
                    to: "journal-\(company.id).txt")
            }
            try folder.publish()
            try store.markLedgersUpdated(postings: postings.map(\.number))
            print(
                postings.map { "\($0.number) (posts \($0.reference)) released" }.joined(separator: "\n")
                    + "\nOutputs: \(folder.root)")
        }
    }
}
