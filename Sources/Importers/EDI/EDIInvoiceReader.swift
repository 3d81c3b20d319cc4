public import InvoicingCore

/// Reads an EDI invoice: a UN/EDIFACT INVOIC or an ANSI X12 810, told apart by its first segment
/// (`UNA` or `UNB`, `ISA`), into the canonical model.
///
/// EDIFACT is decoded by the syntax level UNB declares: ISO 8859-1 for UNOA to UNOC (UNOA and UNOB
/// are subsets of it), UTF-8 for UNOW and UNOY. X12 is read as UTF-8 when it is valid UTF-8 (ASCII
/// is), else as ISO 8859-1.
public enum EDIInvoiceReader {
    /// The syntax of `bytes` when they start, after white space and a byte order mark, like an
    /// EDIFACT or X12 interchange; nil otherwise.
    public static func syntax(of bytes: some Collection<UInt8>) -> EInvoiceFormat? {
        let start = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.prefix(3)
        switch String(decoding: start, as: UTF8.self) {
        case "UNA", "UNB": return .edifact
        case "ISA": return .x12
        default: return nil
        }
    }

    /// Reads the interchange in `bytes`; `fileName` names it in diagnostics.
    public static func read(_ bytes: [UInt8], fileName: String) throws(ImportDiagnostic) -> EInvoiceReading {
        switch syntax(of: bytes) {
        case .edifact:
            let latin1 = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
            var segments = try EDISyntax.edifact(latin1, fileName: fileName)
            if let unb = segments.first(where: { $0.tag == "UNB" }), ["UNOW", "UNOY"].contains(unb[1]) {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw ImportDiagnostic(
                        file: fileName, line: unb.line, column: 0, field: "UNB", message: "\(unb[1]) needs UTF-8")
                }
                segments = try EDISyntax.edifact(text, fileName: fileName)
            }
            return try EDIFACTInvoicReader(segments: segments, fileName: fileName).read()
        case .x12:
            let text =
                String(validating: bytes, as: UTF8.self)
                ?? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
            return try X12InvoiceReader(segments: try EDISyntax.x12(text, fileName: fileName), fileName: fileName)
                .read()
        case .ubl, .cii, nil:
            throw ImportDiagnostic(
                file: fileName, line: 1, column: 1, message: "not an EDI interchange: expected UNA, UNB or ISA")
        }
    }
}
