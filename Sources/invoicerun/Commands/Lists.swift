import ArgumentParser
import Exporters
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand {
    /// Collects invoice lists on a date and writes their outputs.
    struct Lists: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Collect the invoice lists due on a date and write them.",
            discussion: """
                For every payer with an invoice-list calendar, the invoices dated on or before the \
                calendar's latest list date that are on no list yet go to one list per company code and \
                currency; credit memos go to lists of their own. Each list is numbered IL-COMPANY-YEAR-NNNNNN \
                and written to DIR/LISTS-DATE/: lists/NUMBER.txt (print layout), lists/NUMBER.xml and lists.csv; \
                with --factoring-discount also the discount postings (postings.csv, postings.xml).
                """)

        @Option(name: .long, help: "The list date (YYYY-MM-DD): lists due on or before it are made. Default: today.")
        var date: String?

        @Option(name: .long, help: "Folder for the outputs (DIR/LISTS-DATE/).")
        var output = "out"

        @Flag(name: .long, help: "Show and write the lists that would be made (numbered SIM-IL-...); store nothing.")
        var simulate = false

        @Option(
            name: .long,
            help: "A factoring discount in percent on each invoice list's total, posted in an FI document of its own.")
        var factoringDiscount: String?

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            let listDate = try CalendarDate.option(date) ?? .today()
            let resources = try resourceOptions.locate()
            let layouts = try PrintLayoutLibrary(directory: resources.templates, overrides: resourceOptions.templates)
            var discount: FixedDecimal?
            if let factoringDiscount {
                guard let percent = try? FixedDecimal.parse(factoringDiscount, maxScale: 4), !percent.isNegative,
                    percent < .hundred
                else {
                    throw ValidationError("--factoring-discount \(factoringDiscount) is not a percentage from 0 to 100")
                }
                discount = percent
            }
            let store = try InvoiceStore(path: storeOptions.store)
            let lists = try store.createInvoiceLists(
                on: listDate, simulate: simulate, factoringDiscount: discount,
                rounding: try InvoiceRunCommand.Plan.rounding(store))
            for (list, documents, posting) in lists {
                var line =
                    "\(list.number)  \(list.kind.rawValue.lowercased())  \(list.account)  \(list.listDate)  "
                    + "\(documents.count) documents  total \(list.grossTotal)  due \(list.dueDate)"
                if let amount = list.discount, let posting {
                    line += "  discount \(amount) (\(posting.number))  payable \(list.amountPayable)"
                }
                print(line)
            }
            let verb = simulate ? "would be made" : "made"
            guard !lists.isEmpty else {
                print("0 invoice lists \(verb) on \(listDate)")
                return
            }
            try OutputFolder.prepare(output)
            var folder = try OutputFolder(root: output + "/\(simulate ? "SIM-" : "")LISTS-\(listDate)")
            for (list, documents, _) in lists {
                let own = layouts.layouts(forCompanyCode: list.companyCode)
                let discount = list.discountPercent.flatMap { percent in list.discount.map { (percent, $0) } }
                if let model = InvoicePrintModelBuilder(layouts: own).invoiceList(
                    documents, number: list.number, date: list.listDate, dueDate: list.dueDate, discount: discount)
                {
                    try folder.write(try own.render(model), to: "lists/\(list.number).txt")
                }
                try folder.write(try InvoiceListXML.render(list, documents: documents), to: "lists/\(list.number).xml")
            }
            try folder.write(InvoiceListCSV.render(lists.map { ($0.list, $0.documents) }), to: "lists.csv")
            let postings = lists.compactMap(\.posting)
            if !postings.isEmpty {
                try folder.write(PostingCSV.render(postings), to: "postings.csv")
                try folder.write(try PostingXML.render(postings, runID: "LISTS-\(listDate)"), to: "postings.xml")
            }
            try folder.publish()
            print("\(lists.count) invoice lists \(verb) on \(listDate); outputs: \(folder.root)")
        }
    }
}
