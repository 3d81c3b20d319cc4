import Testing

@testable import Importers

@Suite
struct ValueConversionTests {
    @Test(arguments: [
        ("1.234,56", "1234.56"), ("-1.234.567,5", "-1234567.5"), ("0,315", "0.315"), ("12", "12"), ("1234,5", "1234.5"),
    ])
    func germanNumbersBecomeCanonical(text: String, canonical: String) {
        #expect(ValueConversion.number(text, decimal: ",", grouping: ".") == canonical)
    }

    @Test(arguments: ["1,2.3", "1.23,4", "1,2,3", "", ",5", "1,", "12.34.5", "1 234", "NaN", "1e5", "--1"])
    func garbageIsNotANumber(text: String) {
        #expect(ValueConversion.number(text, decimal: ",", grouping: ".") == nil)
    }

    @Test(arguments: [
        ("05.11.2026", "dd.MM.yyyy", "2026-11-05"), ("5.11.26", "d.M.yy", "2026-11-05"),
        ("20261105", "yyyyMMdd", "2026-11-05"), ("11/5/2026", "M/d/yyyy", "2026-11-05"),
    ])
    func datesFollowTheirPattern(text: String, pattern: String, iso: String) {
        #expect(ValueConversion.date(text, pattern: pattern) == iso)
    }

    @Test(arguments: [
        ("2026-11-05", "dd.MM.yyyy"), ("05.11.2026 ", "dd.MM.yyyy"), ("5.11.2026", "dd.MM.yyyy"), ("", "yyyyMMdd"),
    ])
    func textThatBreaksThePatternIsNoDate(text: String, pattern: String) {
        #expect(ValueConversion.date(text, pattern: pattern) == nil)
    }
}
