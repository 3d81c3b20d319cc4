import ArgumentParser
import Exporters
import Foundation
import InvoiceStore
import InvoicingCore

extension InvoiceRunCommand {
    /// Inspects and settles rebate agreements.
    struct Rebate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inspect and settle rebate agreements.",
            discussion: """
                Agreements are master data: import a RebateAgreement file (CSV or XML, see docs/formats.md) \
                with `import` or `run`. Every run posts the accruals of the invoices of an agreement's period \
                in their FI documents; `rebate settle` makes the partial and final settlements.
                """,
            subcommands: [List.self, Show.self, Settle.self])
    }
}

extension InvoiceRunCommand.Rebate {
    /// Lists the agreements with their rebate, accrued and settled amounts.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rebate agreements.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            let rounding = try InvoiceRunCommand.Plan.rounding(store)
            let positions = try store.rebatePositions(materials: try store.loadMasterData().materials)
            for position in positions {
                let agreement = position.agreement
                print(
                    "\(agreement.id)  \(agreement.recipient)  \(agreement.validFrom) to \(agreement.validTo)  "
                        + "rebate \(try position.rebate(rounding: rounding))  accrued \(position.accrued)  "
                        + "settled \(position.settled)\(position.isFinal ? " (final)" : "")")
            }
            print("\(positions.count) rebate agreements")
        }
    }

    /// Shows one agreement: its basis per condition, the scale level reached, accrued, settled, open.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a rebate agreement: basis, scale level reached, accrued, settled and open amounts.")

        @Argument(help: "The agreement id.")
        var agreement: String

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try InvoiceStore(path: storeOptions.store)
            let rounding = try InvoiceRunCommand.Plan.rounding(store)
            guard
                let position = try store.rebatePositions(
                    agreement: agreement, materials: try store.loadMasterData().materials
                ).first
            else {
                throw ValidationError("no rebate agreement \(agreement) in \(storeOptions.store)")
            }
            print(try RebateText.show(position, rounding: rounding), terminator: "")
        }
    }

    /// Settles an agreement partially or finally with a credit memo to the recipient.
    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Settle a rebate agreement with a credit memo to its recipient.",
            discussion: """
                Without --final, a partial settlement: --amount X settles X (at most the rebate earned and \
                not settled yet), --date D the rebate earned on the documents dated up to D and not settled yet. \
                --final settles the rebate on the whole period's basis at the scale level it reaches, minus \
                the partial settlements, and reverses the accrual still open; the agreement then accrues and \
                settles nothing more. The memo, its FI document and journal go to DIR/RUN-ID/. Exit status 1 \
                when the settlement is refused, 64 for an unknown agreement or a bad option.
                """)

        @Argument(help: "The agreement id.")
        var agreement: String

        @Option(name: .long, help: "Settle this amount (net) as a partial settlement.")
        var amount: String?

        @Option(
            name: .long,
            help:
                "The settlement date (YYYY-MM-DD); a partial settlement without --amount settles what was earned by then. Default: today."
        )
        var date: String?

        @Flag(name: .long, help: "The final settlement: the rebate on the whole period, net of partial settlements.")
        var final = false

        @Option(name: .long, help: "Output folder; the settlement writes into its own RUN-ID subfolder.")
        var output = "out"

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var resourceOptions: ResourceOptions

        func validate() throws {
            if final && amount != nil { throw ValidationError("--final settles the rest; it takes no --amount") }
        }

        func run() throws {
            let settlementDate = try CalendarDate.option(date) ?? .today()
            let store = try InvoiceStore(path: storeOptions.store)
            guard let found = try store.rebateAgreements().first(where: { $0.id == agreement }) else {
                throw ValidationError("no rebate agreement \(agreement) in \(storeOptions.store)")
            }
            var request = RebatePosition.SettlementRequest.earned
            if final {
                request = .final
            } else if let amount {
                guard let money = try? Money.parse(amount, currency: found.currency) else {
                    throw ValidationError("--amount \(amount) is not an amount in \(found.currency.code)")
                }
                request = .amount(money)
            }
            let resources = try resourceOptions.locate()
            let library = try PrintLayoutLibrary(directory: resources.templates, overrides: resourceOptions.templates)
            let outcome = Result { () throws(StoreError) -> (draft: InvoiceDraft, settlement: RebateSettlement) in
                try store.settleRebate(
                    agreement, request, on: settlementDate, through: request == .earned ? settlementDate : nil,
                    masterData: try store.loadMasterData(), rounding: try Self.rounding(store))
            }
            if case .failure(let error) = outcome, error.code == .refused {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
            let (draft, settlement) = try outcome.get()
            try OutputFolder.prepare(output)
            let folder = try Self.write(draft, layouts: library, rounding: try Self.rounding(store), into: output)
            try store.recordOriginalPrints(
                [draft.invoice.number], printedAt: PrintLog.now(), printedBy: PrintLog.user())
            print(
                """
                \(agreement): \(settlement.kind == .final ? "final" : "partial") settlement \(settlement.sequence) \
                of \(settlement.amount) by \(draft.invoice.number) (\(draft.invoice.grossTotal) with tax), \
                FI document \(draft.posting.number) reverses \(settlement.accrualReversed) of accruals
                Outputs: \(folder)
                """)
        }

        private static func rounding(_ store: InvoiceStore) throws(StoreError) -> RoundingRule {
            do {
                return try InvoiceRunCommand.Plan.rounding(store)
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError(.corrupt, "\(error)")
            }
        }

        /// Writes a settlement's memo (text, XML and the e-invoices its recipient receives), its
        /// postings and journal into `output/RUN-ID/`.
        static func write(
            _ draft: InvoiceDraft, layouts library: PrintLayoutLibrary, rounding: RoundingRule, into output: String
        ) throws -> String {
            let memo = draft.invoice
            var folder = try OutputFolder(root: output + "/" + memo.runID)
            let layouts = library.layouts(forCompanyCode: memo.seller.id)
            try folder.write(
                try layouts.render(InvoicePrintModelBuilder(layouts: layouts).model(memo)),
                to: "invoices/\(memo.number).txt")
            try folder.write(try InvoiceXML.render(memo), to: "invoices/\(memo.number).xml")
            for format in memo.buyer.invoiceFormats {
                try folder.write(
                    try format.render(memo, check: EN16931Check(rounding: rounding)),
                    to: "invoices/\(memo.number).\(format.fileSuffix)")
            }
            try folder.write(PostingCSV.render([draft.posting]), to: "postings.csv")
            try folder.write(try PostingXML.render([draft.posting], runID: memo.runID), to: "postings.xml")
            try folder.write(
                try library.journal([draft.posting], companyCode: memo.seller, runID: memo.runID),
                to: "journal-\(memo.seller.id).txt")
            try folder.publish()
            return folder.root
        }
    }
}
