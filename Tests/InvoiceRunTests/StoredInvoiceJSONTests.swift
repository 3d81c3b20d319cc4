import Foundation
import InvoicingCore
import Testing

@testable import InvoiceStore

/// The sample run's invoices, every kind and feature the samples have, are stored as the JSON
/// `JSONEncoder` would give, by the store's own encoder and by its hand-written writer alike.
@Suite
struct StoredInvoiceJSONTests {
    /// JSON with every object's members sorted, so the two encoders' texts can be compared.
    private static func canonical(_ json: [UInt8]) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(json))
        return String(
            decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func everySampleInvoiceEncodesAsJSONEncoderEncodesIt() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try FileManager.default.copyItem(
            at: CommandLineTool.repositoryRoot.appendingPathComponent("Samples"), to: tool.url("Samples"))
        let result = try tool.run([
            "run", "Samples", "--store", "store.sqlite", "--output", "out", "--date", "2026-11-30",
        ])
        #expect(result.status == 0, "\(result.error)")
        let invoices = try InvoiceStore(path: tool.url("store.sqlite").path).invoices(ofRun: "RUN-000001")
        #expect(invoices.count > 20)
        for invoice in invoices {
            let streamed = try StreamingJSONEncoder.encode(invoice)
            #expect(
                try Self.canonical(streamed) == Self.canonical(Array(JSONEncoder().encode(invoice))),
                "\(invoice.number)")
            #expect(try JSONDecoder().decode(Invoice.self, from: Data(streamed)) == invoice, "\(invoice.number)")
            // The store writes it by hand (`Invoice.storeJSON`), in the same bytes.
            let written = invoice.storeJSON
            #expect(written == streamed, "\(invoice.number): \(String(decoding: written, as: UTF8.self))")
            #expect(try JSONDecoder().decode(Invoice.self, from: Data(written)) == invoice, "\(invoice.number)")
        }
        // The same invoice gives the same text every time.
        if let first = invoices.first {
            #expect(try StreamingJSONEncoder.encode(first) == StreamingJSONEncoder.encode(first))
        }
    }
}
