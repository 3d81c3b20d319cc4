import InvoicingCore
import Testing

@testable import Importers

@Suite
struct FieldRecordTests {
    @Test(arguments: [
        "0", "7", "007", "12.5", "0.0001", ".5", "1.000000", "999999999999999999", "123456789012.345678",
        "1.1234567", "1.2345670", "1234567890123456789", "5.", "", ".", "-1.5", "+2", "1,5", "1.2.3", "1e3", " 1",
        "١٢", "0.0000000",
    ])
    func plainDecimalsReadAsTheFullParserReadsThem(text: String) {
        let full = try? FixedDecimal.parse(text, maxScale: 6)
        if let plain = FieldRecord.plainDecimal(text, maxScale: 6) {
            #expect(plain == full)
            #expect(plain.scale == full?.scale)
        } else {
            #expect(!["0", "7", "12.5", ".5", "999999999999999999"].contains(text))
        }
    }

    @Test func rowsOfOneLayoutCompareTheirMarkedFieldsInOnePass() {
        let mask = FieldRecord.mask(of: ["account", "currency"])
        func row(_ account: String, _ quantity: String, _ currency: String = "EUR") -> FieldRecord {
            var record = FieldRecord(file: "f.csv", line: 1)
            record.set("account", .init(value: account, line: 1, column: 1))
            record.set("quantity", .init(value: quantity, line: 1, column: 2))
            record.set("currency", .init(value: currency, line: 1, column: 3))
            return record
        }
        #expect(row("A1", "1").sameValues(as: row("A1", "2"), marked: mask) == true)
        #expect(row("A1", "1").sameValues(as: row("A2", "1"), marked: mask) == false)
        #expect(row("A1", "1").sameValues(as: row("A1", "1", ""), marked: mask) == false)
        var shorter = FieldRecord(file: "f.csv", line: 1)
        shorter.set("account", .init(value: "A1", line: 1, column: 1))
        #expect(row("A1", "1").sameValues(as: shorter, marked: mask) == nil)
    }
}
