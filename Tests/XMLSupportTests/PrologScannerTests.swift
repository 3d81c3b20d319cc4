import Testing

@testable import XMLSupport

@Suite struct PrologScannerTests {
    private func verdict(_ text: String, chunkSize: Int = .max) -> PrologScanner.Verdict {
        var scanner = PrologScanner()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            scanner.scan(bytes[start..<end])
            start = end
        }
        return scanner.verdict
    }

    @Test(arguments: [
        ("<!DOCTYPE a>", 1, 1),
        ("<?xml version=\"1.0\"?><!DOCTYPE a>", 1, 22),
        ("<?xml version=\"1.0\"?>\n  <!DOCTYPE a>", 2, 3),
        ("<!-- note -->\r\n\r\n<!DOCTYPE a>", 3, 1),
        ("\u{FEFF}<!DOCTYPE a>", 1, 1),
        ("<!-- Grüße -->\t<!DOCTYPE a>", 1, 16),
        ("<?pi ?><!-- -- ->--><!DOCTYPE a>", 1, 21),
    ])
    func findsADoctypeInTheProlog(text: String, line: Int, column: Int) {
        #expect(verdict(text) == .doctype(line: line, column: column))
        #expect(verdict(text, chunkSize: 1) == .doctype(line: line, column: column))
    }

    @Test(arguments: [
        "<a/>",
        "<?xml version=\"1.0\"?>\n<a><!DOCTYPE b></a>",
        "<!-- <!DOCTYPE a> -->\n<a/>",
        "<?target <!DOCTYPE a> ?><a/>",
        "text before the root",
        "<![CDATA[<!DOCTYPE a>]]>",
    ])
    func stopsLookingAtTheFirstNonPrologMarkup(text: String) {
        #expect(verdict(text) == .clean)
    }

    @Test func waitsWhileTheDeclarationIsIncomplete() {
        #expect(verdict("<?xml version=\"1.0\"?><!DOCTYP") == .undecided)
    }

    @Test func readsUTF16InBothByteOrders() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE a>"
        var bigEndian: [UInt8] = []
        var littleEndian: [UInt8] = []
        for unit in text.utf16 {
            bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for bytes in [bigEndian, littleEndian, [0xFE, 0xFF] + bigEndian, [0xFF, 0xFE] + littleEndian] {
            var scanner = PrologScanner()
            scanner.scan(bytes)
            #expect(scanner.verdict == .doctype(line: 2, column: 1))
        }
    }

    @Test(arguments: [[0x00, 0x00, 0x00, 0x3C], [0x3C, 0x00, 0x00, 0x00], [0x4C, 0x6F, 0xA7, 0x94]] as [[UInt8]])
    func refusesEncodingsItCannotRead(header: [UInt8]) {
        var scanner = PrologScanner()
        scanner.scan(header)
        #expect(scanner.verdict == .unsupportedEncoding)
    }
}
