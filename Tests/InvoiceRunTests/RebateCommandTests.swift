import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// Rebates end to end: accruals in the sample run, `rebate show`, partial and final settlements,
/// a retroactive agreement, and a cancellation that takes its accrual back.
///
/// The outputs of `rebate show` and of the settlements are golden files in `Expected/rebate/`;
/// re-record them with `INVOICERUN_RECORD=1 swift test --filter RebateCommandTests`.
@Suite(.serialized)
struct RebateCommandTests {
    static let expected = CommandLineTool.repositoryRoot.appendingPathComponent("Tests/InvoiceRunTests/Expected/rebate")
    static let recording = ProcessInfo.processInfo.environment["INVOICERUN_RECORD"] == "1"

    /// Compares `text` with the golden file `name` (or records it).
    private func golden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.expected.appendingPathComponent(name)
        if Self.recording {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    /// The samples copied into the working folder, without the rebate agreements when `withRebates` is false.
    private func samples(_ tool: CommandLineTool, withRebates: Bool = true) throws {
        try FileManager.default.copyItem(
            at: CommandLineTool.repositoryRoot.appendingPathComponent("Samples"), to: tool.url("Samples"))
        if !withRebates {
            try FileManager.default.moveItem(
                at: tool.url("Samples/master-data/rebate_agreements.csv"), to: tool.url("rebate_agreements.csv"))
        }
    }

    /// The signed balance (debit positive, in minor units) of G/L account `gl` in the postings.csv files under `out`.
    private func balance(_ gl: String, _ tool: CommandLineTool) throws -> Int64 {
        var total: Int64 = 0
        for (path, data) in try tool.tree("out") where path.hasSuffix("postings.csv") {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\r\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count > 10, fields[8] == gl else { continue }
                let amount = try Money.parse(fields[10], currency: .eur).minorUnits
                total += fields[9] == "D" ? amount : -amount
            }
        }
        return total
    }

    @Test func theSampleRunAccruesAndTheSettlementsNetToTheRebateOnTheTotalBasis() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try samples(tool)
        let run = try tool.run(["run", "Samples", "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        // 5.10 with the services of CA-100002's ad-hoc invoice; 41.55 with its invoice of
        // INVBI-2026-0002, whose services cross 300.00 (3 % on all 325.00: 9.75) and whose
        // 18,450.5 kWh accrue 36.90.
        let log = String(decoding: try #require(try tool.tree("out/RUN-000001")["run.log"]), as: UTF8.self)
        let adHoc = try StoredInvoices.number(invoicing: "ADHOC-2026-0001", inLog: log)
        let billing = try StoredInvoices.number(invoicing: "INVBI-2026-0002", inLog: log)
        let postings = String(
            decoding: try #require(try tool.tree("out/RUN-000001")["postings.csv"]), as: UTF8.self)
        #expect(postings.contains("\(adHoc),EUR,true,4,889500,D,5.10,ERB,,,Rebate accrual REB-2026-001"))
        #expect(postings.contains("\(billing),EUR,true,6,291000,C,41.55,ERU,,,Accrued rebate REB-2026-001"))
        let show = try tool.run(["rebate", "show", "REB-2026-001", "--store", "s.sqlite"])
        #expect(show.status == 0, "\(show.error)")
        try golden(show.output, "show-after-run.txt")

        // Nothing was earned by 29 November (the invoices are dated the 30th): refused, no number used.
        let early = try tool.run([
            "rebate", "settle", "REB-2026-001", "--date", "2026-11-29", "--store", "s.sqlite", "--output", "out",
        ])
        #expect(early.status == 1)
        #expect(early.error.contains("rebate agreement REB-2026-001 has no rebate earned and not settled (0.00 EUR)"))
        let partial = try tool.run([
            "rebate", "settle", "REB-2026-001", "--amount", "20.00", "--date", "2026-12-01", "--store", "s.sqlite",
            "--output", "out",
        ])
        #expect(partial.status == 0, "\(partial.error)")
        #expect(
            partial.output.contains("partial settlement 1 of 20.00 EUR by CM-1000-2026-000001 (-23.80 EUR with tax)"))
        try golden(
            String(
                decoding: try #require(try tool.tree("out/RUN-000002")["invoices/CM-1000-2026-000001.txt"]),
                as: UTF8.self),
            "CM-1000-2026-000001.txt")
        // CA-100002 receives UBL: the settlement is a UBL credit note too.
        let validate = try tool.run([
            "validate", tool.url("out/RUN-000002/invoices/CM-1000-2026-000001.xml").path,
            tool.url("out/RUN-000002/invoices/CM-1000-2026-000001.ubl.xml").path,
        ])
        #expect(validate.status == 0, "\(validate.output)\(validate.error)")
        let cancel = try tool.run([
            "cancel", "CM-1000-2026-000001", "--date", "2026-12-02", "--store", "s.sqlite", "--output", "out",
        ])
        #expect(cancel.status == 1)
        #expect(cancel.error.contains("settles rebate agreement REB-2026-001; a rebate settlement cannot be cancelled"))
        let tooMuch = try tool.run([
            "rebate", "settle", "REB-2026-001", "--amount", "30.00", "--date", "2026-12-02", "--store", "s.sqlite",
            "--output", "out",
        ])
        #expect(tooMuch.status == 1)
        #expect(
            tooMuch.error.contains(
                "30.00 EUR is more than the rebate earned and not settled of REB-2026-001 (26.65 EUR)"))

        let final = try tool.run([
            "rebate", "settle", "REB-2026-001", "--final", "--date", "2027-01-15", "--store", "s.sqlite", "--output",
            "out",
        ])
        #expect(final.status == 0, "\(final.error)")
        #expect(final.output.contains("final settlement 2 of 26.65 EUR by CM-1000-2027-000001"))
        let settled = try tool.run(["rebate", "show", "REB-2026-001", "--store", "s.sqlite"])
        try golden(settled.output, "show-after-final.txt")
        let again = try tool.run(["rebate", "settle", "REB-2026-001", "--final", "--store", "s.sqlite"])
        #expect(again.status == 1)
        #expect(again.error.contains("was settled finally"))

        // Accruals + partial + final = 46.65, the rebate on the total basis: the accrued liability
        // nets to zero and the rebate expense carries exactly the rebate; every FI document balances.
        #expect(try balance("291000", tool) == 0)
        #expect(try balance("889500", tool) == 4665)
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        #expect(try store.invariantViolations() == [])
        let position = try #require(try store.rebatePositions(materials: store.loadMasterData().materials).first)
        #expect(position.settled == (try position.rebate(rounding: .halfUp)))
        #expect(position.openAccrual.isZero)
        let list = try tool.run(["rebate", "list", "--store", "s.sqlite"])
        #expect(
            list.output
                == """
                REB-2026-001  CA-100002  2026-01-01 to 2026-12-31  rebate 46.65 EUR  accrued 46.65 EUR  settled 46.65 EUR (final)
                1 rebate agreements

                """)
    }

    @Test func aRetroactiveAgreementPicksUpTheInvoicesOfItsPeriod() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try samples(tool, withRebates: false)
        let run = try tool.run(["run", "Samples", "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30"])
        #expect(run.status == 0, "\(run.error)")
        #expect(
            !String(decoding: try #require(try tool.tree("out/RUN-000001")["postings.csv"]), as: UTF8.self)
                .contains("REB-2026-001"))
        // The agreement arrives after CA-100002's invoices: its basis holds them, nothing is accrued yet.
        let log = String(decoding: try #require(try tool.tree("out/RUN-000001")["run.log"]), as: UTF8.self)
        let adHoc = try StoredInvoices.number(invoicing: "ADHOC-2026-0001", inLog: log)
        let billing = try StoredInvoices.number(invoicing: "INVBI-2026-0002", inLog: log)
        let imported = try tool.run(["import", "rebate_agreements.csv", "--store", "s.sqlite"])
        #expect(imported.status == 0, "\(imported.error)")
        let show = try tool.run(["rebate", "show", "REB-2026-001", "--store", "s.sqlite"])
        #expect(show.output.contains("basis: 2 documents (\(adHoc), \(billing))"))
        let lines = show.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("rebate on the basis ") && $0.hasSuffix(" 46.65 EUR") })
        #expect(lines.contains { $0.hasPrefix("accrued ") && $0.hasSuffix(" 0.00 EUR") })
        // The next run catches up in an FI document of its own, though it invoices nothing to CA-100002.
        let catchUp = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"])
        #expect(catchUp.status == 0, "\(catchUp.error)")
        #expect(catchUp.output.contains("Rebate accrual caught up: REB-2026-001 46.65 EUR (FI-1000-2026-000019)"))
        let caughtUp = String(
            decoding: try #require(try tool.tree("out/RUN-000002")["postings.csv"]), as: UTF8.self)
        #expect(
            caughtUp.contains(
                "FI-1000-2026-000019,1000,2026-12-01,2026-12-01,REB-2026-001,EUR,false,1,889500,D,46.65,ERB,,,"
                    + "Rebate accrual REB-2026-001"), "\(catchUp.output)")
        let again = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-02"])
        #expect(!again.output.contains("Rebate accrual caught up"))
        // The next invoice of the recipient accrues its own share only: 3 % of 85.00.
        try tool.write(
            """
            document_id,category,type,company_code,account,currency,document_date,billing_date,item_number,material,quantity
            ADHOC-2026-0100,ADHOC,SERVICE,1000,CA-100002,EUR,2026-12-05,2026-12-05,10,M-1008,1

            """, to: "december.csv")
        let next = try tool.run([
            "run", "december.csv", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-05",
        ])
        #expect(next.status == 0, "\(next.error)")
        let folder = try #require(next.output.split(separator: "\n").first { $0.hasPrefix("Run RUN-") })
            .split(separator: " ")[1]
        let postings = String(decoding: try #require(try tool.tree("out/\(folder)")["postings.csv"]), as: UTF8.self)
        let accrual = try #require(
            postings.split(separator: "\r\n").first {
                $0.contains(",889500,D,2.55,ERB,,,Rebate accrual REB-2026-001")
            },
            "\(postings)")
        let invoice = String(accrual.split(separator: ",")[4])
        // Cancelling that invoice takes its accrual back with it (its FI document reversed line by line).
        let cancel = try tool.run([
            "cancel", invoice, "--date", "2026-12-06", "--store", "s.sqlite", "--output", "out",
        ])
        #expect(cancel.status == 0, "\(cancel.error)")
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        let position = try #require(try store.rebatePositions(materials: store.loadMasterData().materials).first)
        #expect(position.accrued == Money(minorUnits: 4665, currency: .eur))
        #expect(position.documents == [adHoc, billing])
        // At the final settlement the rebate on the basis is settled in full, reversing the catch-up.
        let final = try tool.run([
            "rebate", "settle", "REB-2026-001", "--final", "--date", "2027-01-15", "--store", "s.sqlite", "--output",
            "out",
        ])
        #expect(final.status == 0, "\(final.error)")
        #expect(final.output.contains("final settlement 1 of 46.65 EUR"))
        #expect(final.output.contains("reverses 46.65 EUR of accruals"))
        #expect(try store.invariantViolations() == [])
    }
}
