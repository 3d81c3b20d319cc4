/// The control number of an EDI interchange, derived from the invoice number so that writing the
/// same invoice twice gives the same bytes.
///
/// The number is the 32-bit FNV-1a hash of the invoice number's UTF-8 bytes, modulo 10⁹, plus 1:
/// a value from 1 to 10⁹, written as nine digits. EDIFACT uses it as the interchange control
/// reference (UNB 0020, repeated in UNZ); X12 as the interchange control number (ISA13, IEA02) and
/// the group control number (GS06, GE02). The message (UNH, UNT) and transaction set (ST, SE)
/// references are always 1 and 0001: every interchange holds one invoice.
public struct EDIControlNumber: Sendable, Hashable {
    /// The number, from 1 to 999,999,999.
    public let value: UInt32

    /// The control number of the invoice numbered `invoiceNumber`.
    public init(invoiceNumber: String) {
        var hash: UInt32 = 2_166_136_261
        for byte in invoiceNumber.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        value = hash % 999_999_999 + 1
    }

    /// The number as nine digits with leading zeros, as ISA13 needs it.
    public var nineDigits: String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }
}
