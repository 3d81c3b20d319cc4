import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// The sample run end to end for intercompany and resource-related billing: the internal
/// invoice and its postings in both company codes, the document flow, the cancellation of both,
/// and the priced resources, with the store's invariants after each step.
@Suite
struct IntercompanyRunTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    /// The numbers of the sample run's intercompany invoice and of the documents around it.
    private struct Intercompany {
        /// The customer invoice of CA-110002, whose wall boxes a plant of company code 1000 delivered.
        var customer: String
        /// The FI document of the internal invoice at the delivering company code 1000.
        var posting: String
        /// The FI document that receives it at the selling company code 1100.
        var receipt: String

        /// The numbers the store gives them after the sample run in `tool`'s `s.sqlite`.
        init(_ tool: CommandLineTool) throws {
            let store = try InvoiceStore(path: tool.url("s.sqlite").path)
            customer = try StoredInvoices(tool).number(.invoice, account: "CA-110002")
            posting = try #require(try store.invoice(number: "IC-1000-2026-000001")).postingNumber
            receipt = try #require(try store.receiverPosting(of: "IC-1000-2026-000001")).number
        }
    }

    private func run(_ tool: CommandLineTool) throws {
        let result = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Intercompany invoices: IC-1000-2026-000001\n"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])
    }

    @Test func theSampleRunMakesAnInternalInvoicePostedInBothCompanyCodesAndShowsItInTheFlow() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try run(tool)
        let numbers = try Intercompany(tool)
        let outputs = try tool.tree("out/RUN-000001")
        #expect(outputs["invoices/IC-1000-2026-000001.txt"] != nil)
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        // IC revenue at the delivering company code 1000: 2 wall boxes at 80 % of 749.00.
        #expect(
            postings.contains(
                "\(numbers.posting),1000,2026-11-30,2026-11-30,IC-1000-2026-000001,EUR,false,2,841000,C,1198.40,ERL,S19,,Revenue,,"
            ))
        // IC expense, input tax and payable at the selling company code 1100.
        for line in [
            "\(numbers.receipt),1100,2026-11-30,2026-11-30,IC-1000-2026-000001,EUR,false,1,541000,D,1198.40,ICE,S19",
            "\(numbers.receipt),1100,2026-11-30,2026-11-30,IC-1000-2026-000001,EUR,false,2,157600,D,227.70,VST,S19",
            "\(numbers.receipt),1100,2026-11-30,2026-11-30,IC-1000-2026-000001,EUR,false,3,161000,C,1426.10,ICP,",
        ] {
            #expect(postings.contains(line), "\(line)")
        }
        // The customer invoice's revenue carries the profit centre of its items.
        #expect(postings.contains(",800000,C,1498.00,ERL,S19,,Revenue,PC-EMOBILITY,"))
        let flow = try tool.run(["show", "IC-1000-2026-000001", "--flow", "--store", "s.sqlite"])
        #expect(flow.status == 0, "\(flow.error)")
        #expect(flow.output.hasPrefix("Document flow of \(numbers.customer)\n"))
        #expect(
            flow.output.contains(
                "  └ IC-1000-2026-000001  INTERCOMPANY  2026-11-30      1426.10 EUR  FI \(numbers.posting)\n"))
        #expect(
            flow.output.contains(
                "      internal invoice of company code 1000 to 1100, received there by FI \(numbers.receipt)\n"))
        #expect(flow.output.hasSuffix("Remains billed: 2232.44 EUR\n"))
    }

    @Test func cancellingTheCustomerInvoiceCancelsTheInternalOne() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try run(tool)
        let customer = try Intercompany(tool).customer
        // The customer invoice's cancellation posts at 1100 first, then the internal invoice's at
        // 1000 and its receipt at 1100.
        let ran = try StoredInvoices(tool)
        let (posting, receipt) = (ran.next(in: "FI-1000-2026"), ran.next(in: "FI-1100-2026", 2))
        let alone = try tool.run([
            "cancel", "IC-1000-2026-000001", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(alone.status == 1)
        #expect(
            alone.error
                == "error: IC-1000-2026-000001 is an intercompany invoice; it is cancelled with its customer invoice \(customer)\n"
        )
        let cancelled = try tool.run([
            "cancel", customer, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        #expect(
            cancelled.output.contains(
                "IC-1000-2026-000001 cancelled by CN-1000-2026-000001 (-1426.10 EUR), FI documents \(posting) and \(receipt)"
            ))
        let outputs = try tool.tree("out/RUN-000002")
        #expect(outputs["invoices/CN-1000-2026-000001.txt"] != nil)
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        #expect(
            postings.contains(
                "\(receipt),1100,2026-12-01,2026-12-01,CN-1000-2026-000001,EUR,false,3,161000,D,1426.10"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])
    }

    @Test func aSimulationNumbersTheInternalInvoiceWithPlaceholders() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30", "--simulate",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Intercompany invoices: SIM-IC-1000-2026-000001\n"))
        let outputs = try tool.tree("out/SIM-2026-11-30")
        #expect(outputs["invoices/SIM-IC-1000-2026-000001.txt"] != nil)
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        // Its FI documents are numbered as the run that stores them numbers them, marked SIM-.
        try run(tool)
        let numbers = try Intercompany(tool)
        #expect(postings.contains("SIM-\(numbers.posting),1000,2026-11-30,2026-11-30,SIM-IC-1000-2026-000001,"))
        #expect(postings.contains("SIM-\(numbers.receipt),1100,2026-11-30,2026-11-30,SIM-IC-1000-2026-000001,"))
    }

    @Test func resourcesArePricedByTheDIPProfile() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try run(tool)
        let invoice = try StoredInvoices(tool).number(.invoice, account: "CA-110001")
        let xml = String(
            decoding: try #require(try tool.tree("out/RUN-000001")["invoices/\(invoice).xml"]), as: UTF8.self)
        // Senior hours as M-1007 at 120.00, field hours as M-1008 at 85.00, material at its price
        // with its surcharge, travel at cost + 10 %, the hotel at cost.
        for fragment in [
            "<material>M-1007</material>", "<material>M-1008</material>", "<unitPrice>200.695000</unitPrice>",
            "<netAmount>200.70</netAmount>", "<netAmount>178.00</netAmount>", "<netAmount>2538.70</netAmount>",
        ] {
            #expect(xml.contains(fragment), "\(fragment)")
        }
        let postings = String(decoding: try #require(try tool.tree("out/RUN-000001")["postings.csv"]), as: UTF8.self)
        // Project customers (group 03) of company code 1100 post revenue to 845000: an access by
        // company code and account group before the chart's rows by material group.
        #expect(postings.contains(",845000,C,2146.00,ERL,S19,,Revenue,PC-PROJECTS,"))
        #expect(postings.contains(",845000,C,378.70,ERL,S19,,Revenue,,CC-FIELD"))
    }

    @Test func releasingAHeldCustomerInvoiceReleasesItsIntercompanyPostingsToo() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        // The posting block (status 3 for category STD) holds the customer invoice and, with it,
        // both FI documents of its intercompany invoice.
        let result = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30", "--account",
            "CA-110002", "--enable", "POSTING_BLOCK",
        ])
        #expect(result.status == 0, "\(result.error)")
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        let customer = try #require(try store.invoice(number: "IN-1100-2026-000001"))
        let icInvoice = try #require(try store.invoice(number: "IC-1000-2026-000001"))
        #expect(try store.postingDocument(customer.postingNumber)?.held == true)
        #expect(try store.postingDocument(icInvoice.postingNumber)?.held == true)
        let receiver = try #require(try store.receiverPosting(of: icInvoice.number))
        #expect(receiver.held)

        let released = try tool.run([
            "release", customer.number, "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(released.status == 0, "\(released.error)")
        for number in [customer.postingNumber, icInvoice.postingNumber, receiver.number] {
            #expect(released.output.contains("\(number) (posts "), "\(released.output)")
            #expect(try store.postingDocument(number)?.held == false)
        }
        let outputs = try tool.tree("out/RUN-000002")
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        #expect(postings.contains(icInvoice.postingNumber) && postings.contains(receiver.number))
        // A journal for each company code the released documents post in.
        #expect(outputs["journal-1000.txt"] != nil && outputs["journal-1100.txt"] != nil)
        #expect(try store.invariantViolations() == [])
        // Released with it: releasing the icInvoice invoice's own document again is refused.
        let again = try tool.run(["release", icInvoice.postingNumber, "--store", "s.sqlite", "--output", "out"])
        #expect(again.status == 1)
    }

    @Test func aCreditMemoOfAReturnedWallBoxCreditsTheInternalInvoiceInBothCompanyCodes() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try run(tool)
        let customer = try Intercompany(tool).customer
        let approved = try tool.run(["approve", "CMR-2026-0003", "--store", "s.sqlite"])
        #expect(approved.status == 0, "\(approved.error)")
        let memoRun = try tool.run(["run", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01"])
        #expect(memoRun.status == 0, "\(memoRun.error)")
        #expect(memoRun.output.contains("CM-1100-2026-000001"))
        #expect(memoRun.output.contains("Intercompany invoices: IC-1000-2026-000002\n"))
        let store = try InvoiceStore(path: tool.url("s.sqlite").path)
        let posting = try #require(try store.invoice(number: "IC-1000-2026-000002")).postingNumber
        let receipt = try #require(try store.receiverPosting(of: "IC-1000-2026-000002")).number
        let postings = String(decoding: try #require(try tool.tree("out/RUN-000002")["postings.csv"]), as: UTF8.self)
        // One wall box at 80 % of 749.00, credited: revenue and receivable back at 1000,
        // expense, input tax and payable back at 1100.
        for line in [
            "\(posting),1000,2026-12-01,2026-12-01,IC-1000-2026-000002,EUR,false,1,142000,C,713.05,REC,",
            "\(posting),1000,2026-12-01,2026-12-01,IC-1000-2026-000002,EUR,false,2,841000,D,599.20,ERL,S19",
            "\(receipt),1100,2026-12-01,2026-12-01,IC-1000-2026-000002,EUR,false,1,541000,C,599.20,ICE,S19",
            "\(receipt),1100,2026-12-01,2026-12-01,IC-1000-2026-000002,EUR,false,3,161000,D,713.05,ICP,",
        ] {
            #expect(postings.contains(line), "\(line)")
        }
        let print = String(
            decoding: try #require(try tool.tree("out/RUN-000002")["invoices/IC-1000-2026-000002.txt"]), as: UTF8.self)
        #expect(print.hasPrefix("GUTSCHRIFT IC-1000-2026-000002"), "\(print)")
        let flow = try tool.run(["show", customer, "--flow", "--store", "s.sqlite"]).output
        let credit = "    └ IC-1000-2026-000002  INTERCOMPANY  2026-12-01      -713.05 EUR  FI \(posting)\n"
        #expect(flow.contains(credit), "\(flow)")
        #expect(flow.hasSuffix("Remains billed: 1341.13 EUR\n"))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])

        // As the customer invoice's: the memo's cancellation at 1100, then the internal credit's
        // at 1000 and its receipt at 1100.
        let memoRan = try StoredInvoices(tool)
        let (reversal, reversedReceipt) = (memoRan.next(in: "FI-1000-2026"), memoRan.next(in: "FI-1100-2026", 2))
        let cancelled = try tool.run([
            "cancel", "CM-1100-2026-000001", "--store", "s.sqlite", "--output", "out", "--date", "2026-12-01",
        ])
        #expect(cancelled.status == 0, "\(cancelled.error)")
        #expect(
            cancelled.output.contains(
                "IC-1000-2026-000002 cancelled by CN-1000-2026-000001 (713.05 EUR), FI documents \(reversal) and \(reversedReceipt)"
            ))
        #expect(try InvoiceStore(path: tool.url("s.sqlite").path).invariantViolations() == [])
    }
}
