import Foundation
import Testing

@testable import invoicerun

/// The run writes its manifest records by hand (`PrettyJSON`); the bytes must be those
/// `JSONEncoder` makes of the same records, whatever the texts hold.
@Suite
struct PrettyJSONTests {
    /// Texts with every control character, quotes, backslashes, slashes, non-ASCII and emoji.
    static let texts: [String] = [
        "", "plain", "a/b", "quote \" and \\ backslash", "Größe €", "😀 \u{2028}\u{2029}\u{7F}",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "line\nbreak\ttab\r",
    ]

    @Test(arguments: texts)
    func unitsAreWrittenAsJSONEncoderWritesThem(text: String) throws {
        let unit = Manifest.Unit(
            index: 7, account: text, invoicingType: "STD", characteristics: ["b": text, "a": "1", "B": "x"],
            orders: [text, "SD-1"],
            functions: [
                .init(function: "PRINT", status: 2, active: true, reason: text),
                .init(function: "XML", status: nil, active: false, reason: ""),
            ], outcome: "invoiced", invoiceNumber: text, postingNumber: nil, grossAmount: "-1.00 EUR", reason: nil)
        #expect(unit.json.text() + "\n" == (try Manifest.json(unit)))
        let output = Manifest.Output(file: "invoices/\(text).xml", sha256: "ab")
        #expect(output.json.text() + "\n" == (try Manifest.json(output)))
    }

    @Test func emptyCollectionsAndNestingMatchToo() throws {
        let empty = Manifest.Unit(
            index: -1, account: "", invoicingType: "", characteristics: [:], orders: [], functions: [], outcome: "",
            invoiceNumber: nil, postingNumber: nil, grossAmount: nil, reason: "why")
        #expect(empty.json.text() + "\n" == (try Manifest.json(empty)))
        // Nested at depth 2, as the manifest nests accounts under its selection.
        struct Nested: Encodable { var list: [[String]] }
        #expect(
            PrettyJSON.object([("list", .array([.array([.string("x")]), .array([])]))]).text() + "\n"
                == (try Manifest.json(Nested(list: [["x"], []]))))
    }
}
