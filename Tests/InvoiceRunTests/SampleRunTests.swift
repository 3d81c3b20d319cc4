import Foundation
import InvoiceStore
import InvoicingCore
import Testing

/// The main job, end to end through the built binary: `invoicerun run Samples`.
///
/// Golden files live in `Expected/sample-run/`; after a deliberate change, re-record them with
/// `INVOICERUN_RECORD=1 swift test --filter SampleRunTests` and review the diff before committing.
@Suite(.serialized)
struct SampleRunTests {
    static let runDate = "2026-11-30"
    static let expected = CommandLineTool.repositoryRoot.appendingPathComponent(
        "Tests/InvoiceRunTests/Expected/sample-run")
    static let recording = ProcessInfo.processInfo.environment["INVOICERUN_RECORD"] == "1"

    /// Runs `invoicerun run Samples` as the README says, on a copy of `Samples/` in the working
    /// folder, so every path in the outputs is the same on every machine.
    private func runSamples(_ tool: CommandLineTool, extra: [String] = []) throws -> CommandLineTool.Result {
        if !FileManager.default.fileExists(atPath: tool.url("Samples").path) {
            try FileManager.default.copyItem(
                at: CommandLineTool.repositoryRoot.appendingPathComponent("Samples"), to: tool.url("Samples"))
        }
        return try tool.run(
            ["run", "Samples", "--store", "store.sqlite", "--output", "out", "--date", Self.runDate] + extra)
    }

    @Test func sampleRunMatchesTheGoldenFiles() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try runSamples(tool)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty)
        var produced = try tool.tree("out")
        produced["summary.txt"] = Data(result.output.utf8)
        if Self.recording {
            try? FileManager.default.removeItem(at: Self.expected)
            for (path, data) in produced {
                let url = Self.expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let golden = try CommandLineTool.tree(at: Self.expected)
        #expect(Set(produced.keys) == Set(golden.keys), "files differ from Expected/sample-run")
        for (path, data) in produced.sorted(by: { $0.key < $1.key }) {
            guard let expected = golden[path] else { continue }
            #expect(
                String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                "\(path) differs from its golden file")
        }
    }

    @Test func theSameInputsOnAFreshStoreGiveByteIdenticalOutputs() throws {
        let first = try CommandLineTool()
        let second = try CommandLineTool()
        defer {
            first.cleanUp()
            second.cleanUp()
        }
        #expect(try runSamples(first).status == 0)
        #expect(try runSamples(second).status == 0)
        let one = try first.tree("out")
        let two = try second.tree("out")
        #expect(one.count > 30)
        #expect(one == two)
    }

    @Test func aSimulationWritesTheWouldBeInvoicesAndStoresNothing() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try runSamples(tool, extra: ["--simulate"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Simulation SIM-2026-11-30"))
        let outputs = try tool.tree("out/SIM-2026-11-30")
        #expect(outputs["invoices/SIM-IN-1000-2026-000001.txt"] != nil)
        let manifest = String(decoding: try #require(outputs["manifest.json"]), as: UTF8.self)
        #expect(manifest.contains("\"simulated\" : true"))
        let listing = try tool.run(["invoices", "--store", "store.sqlite"])
        #expect(listing.output == "0 invoices; invoicing orders: 0 open, 0 invoiced\n")
        // The real run afterwards starts its numbers at 1: the simulation used none.
        let real = try runSamples(tool)
        #expect(
            real.output.contains(
                "Invoices: IN-1000-2026-000001 … 000016 (16), IN-1100-2026-000001 … 000002 (2), IN-2000-2026-000001 … 000009 (9)"
            ))
    }

    @Test func numbersStayGapFreeWhenAFailedUnitIsInvoicedLater() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try runSamples(tool).status == 0)
        let next = try StoredInvoices(tool, store: "store.sqlite").next(in: "IN-2000-2026")
        // The failed unit lacked a price; the price arrives, the next run invoices it with the next number.
        try tool.write(
            """
            condition_id,kind,calculation,material,valid_from,valid_to,currency,value
            PR-2030-GBP,price,amount,M-2030,2026-01-01,2026-12-31,GBP,140.00

            """, to: "late-price.csv")
        let second = try tool.run([
            "run", "late-price.csv", "--store", "store.sqlite", "--output", "out", "--date", Self.runDate,
        ])
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("Invoices: \(next)\n"))
        #expect(second.output.contains("Invoicing units: 2: 1 invoiced, 1 postponed, 0 failed"))
        let listing = try tool.run(["invoices", "--store", "store.sqlite"]).output
        let numbers = listing.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.hasPrefix("IN-") }
        for range in ["IN-1000-2026-", "IN-2000-2026-"] {
            let sequence = numbers.filter { $0.hasPrefix(range) }.compactMap { Int($0.dropFirst(range.count)) }
            #expect(sequence == Array(1...sequence.count), "gap or duplicate in \(range): \(sequence)")
        }
    }

    @Test func everyInvoicingOrderIsInvoicedOnce() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        #expect(try runSamples(tool).status == 0)
        let again = try tool.run(["run", "--store", "store.sqlite", "--output", "out2", "--date", Self.runDate])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("Invoicing units: 2: 0 invoiced, 1 postponed, 1 failed"))
        let listing = try tool.run(["invoices", "--store", "store.sqlite"]).output
        #expect(listing.hasSuffix("29 invoices; invoicing orders: 10 open, 43 invoiced\n"))
        let store = try InvoiceStore(path: tool.url("store.sqlite").path)
        #expect(try store.invariantViolations() == [])
    }

    @Test func runSwitchesTurnStatusTwoOffAndStatusThreeOnButNeverStatusOne() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try runSamples(tool, extra: ["--disable", "PRINT", "--enable", "POSTING_BLOCK"])
        #expect(result.status == 0, "\(result.error)")
        let outputs = try tool.tree("out/RUN-000001")
        let invoices = try StoredInvoices(tool, store: "store.sqlite")
        let key = try invoices.number(.invoice, account: "CA-100008")
        let standard = try invoices.number(.invoice, account: "CA-100001")
        // Key accounts (category KEY) have PRINT at status 2: switched off. Standard ones have status 1.
        #expect(outputs["invoices/\(key).txt"] == nil)
        #expect(outputs["invoices/\(key).xml"] != nil)
        #expect(outputs["invoices/\(standard).txt"] != nil)
        let postings = String(decoding: try #require(outputs["postings.csv"]), as: UTF8.self)
        let held = postings.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[6] }
        #expect(!held.isEmpty)
        #expect(held.allSatisfy { $0 == "true" })
        let manifest = String(decoding: try #require(outputs["manifest.json"]), as: UTF8.self)
        #expect(manifest.contains("\"reason\" : \"status 1, cannot be switched off\""))
        #expect(manifest.contains("\"reason\" : \"status 2, switched off for this run\""))
        #expect(manifest.contains("\"reason\" : \"status 3, switched on for this run\""))
    }

    @Test func processTwoMakesOneInvoicePerDelivery() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        let result = try runSamples(tool, extra: ["--process", "02"])
        #expect(result.status == 0, "\(result.error)")
        // CA-200001 has two deliveries (80004715, 80004716): two invoices instead of one.
        let manifest = try #require(try tool.tree("out")["RUN-000001/manifest.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let units = try #require(json["units"] as? [[String: Any]])
        let deliveries = units.filter { $0["account"] as? String == "CA-200001" }
            .compactMap { ($0["characteristics"] as? [String: String])?["referenceDelivery"] }
        #expect(deliveries == ["80004715", "80004716"])
        #expect(
            result.output.contains(
                "Selected: 11 orders of 5 accounts (left open: 1 billing block, 1 order not fully delivered (its order type defers invoicing))"
            ))
    }
}

/// Units are priced and documents rendered on several cores; the outputs must not show it.
@Suite struct ParallelRunTests {
    @Test func oneWorkerAndSeveralWriteTheSameBytes() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        // Generated source documents over many accounts in both company codes (the bench's own
        // data), so there are enough units for every worker.
        let generated = try tool.run([
            "bench", "run", "--items", "1500", "--accounts", "120", "--work-directory", tool.url("bench").path,
        ])
        #expect(generated.status == 0, "\(generated.error)")
        try FileManager.default.copyItem(
            at: CommandLineTool.repositoryRoot.appendingPathComponent("Samples"), to: tool.url("Samples"))
        var trees: [[String: Data]] = []
        for jobs in ["1", "2", "5"] {
            let result = try tool.run([
                "run", "Samples", "bench/data", "--store", "store-\(jobs).sqlite", "--output", "out-\(jobs)", "--date",
                SampleRunTests.runDate, "--jobs", jobs,
            ])
            #expect(result.status == 0, "\(result.error)")
            trees.append(try tool.tree("out-\(jobs)"))
        }
        #expect(trees[0].count > 300)
        #expect(trees[0] == trees[1])
        #expect(trees[0] == trees[2])
        // The run loads open orders a range of whole accounts at a time: ranges of a few orders
        // (cut after every few accounts) give the same numbers, files and bytes as one range.
        let ranged = try tool.run(
            [
                "run", "Samples", "bench/data", "--store", "store-ranged.sqlite", "--output", "out-ranged", "--date",
                SampleRunTests.runDate, "--jobs", "2",
            ], environment: ["INVOICERUN_ACCOUNT_RANGE": "7"])
        #expect(ranged.status == 0, "\(ranged.error)")
        #expect(try tool.tree("out-ranged") == trees[0])
    }
}
