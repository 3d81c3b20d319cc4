internal import InvoicingCore

/// A reader of one EDI message over the segments of its interchange: what the EDIFACT and X12
/// invoice readers share to read numbers and amounts and to report a problem at its segment.
protocol EDIMessageReader {
    /// The interchange's segments, in the order of the file.
    var segments: [EDISegment] { get }
    /// The file the interchange came from, named in diagnostics.
    var fileName: String { get }
}

extension EDIMessageReader {
    /// A diagnostic at `segment`'s line that names its tag; at line 0 when there is no segment
    /// to point at (a segment the message lacks).
    func problem(_ segment: EDISegment?, _ message: String) -> ImportDiagnostic {
        ImportDiagnostic(file: fileName, line: segment?.line ?? 0, column: 0, field: segment?.tag, message: message)
    }

    /// `text`, a data element of `segment`, as a normalized decimal number.
    func decimal(_ text: String, _ segment: EDISegment) throws(ImportDiagnostic) -> FixedDecimal {
        do {
            return try FixedDecimal.parse(text).normalized
        } catch {
            throw problem(segment, "'\(text)' is not a number: \(error)")
        }
    }

    /// `text`, a data element of `segment`, as an amount in `currency`.
    func money(_ text: String, _ currency: Currency, _ segment: EDISegment) throws(ImportDiagnostic) -> Money {
        do {
            return try Money.parse(text, currency: currency)
        } catch {
            throw problem(segment, "'\(text)' is not an amount in \(currency.code): \(error)")
        }
    }
}
