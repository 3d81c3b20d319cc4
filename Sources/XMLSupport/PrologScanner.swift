/// Finds a DOCTYPE declaration in a document's raw bytes before libxml2 parses any of them.
///
/// Refusing the DOCTYPE node after libxml2 reports it would be too late: by then the parser has
/// read ahead and may already have expanded entities declared in the internal subset. A DOCTYPE
/// can only appear in the prolog (before the root element), so a tiny state machine over the
/// prolog's markup (XML declaration, comments, processing instructions, whitespace) is enough,
/// and it stops looking at the first start tag.
///
/// It understands ASCII-compatible encodings (UTF-8, ISO-8859-x, ...) and UTF-16; documents in
/// UCS-4 or EBCDIC are refused because their prolog cannot be checked.
struct PrologScanner {
    enum Verdict: Equatable {
        /// Still inside the prolog: keep feeding bytes.
        case undecided
        /// The root element (or something libxml2 will reject on its own) began without a DOCTYPE.
        case clean
        /// A DOCTYPE declaration starts at this 1-based line and column.
        case doctype(line: Int, column: Int)
        /// The document's encoding is one whose prolog this scanner cannot read.
        case unsupportedEncoding
    }

    private enum Layout {
        case singleByte
        case utf16(bigEndian: Bool)
    }

    private enum State {
        case betweenMarkup
        case lessThan
        case bang
        case commentOpening
        case comment(dashes: Int)
        case processingInstruction(sawQuestionMark: Bool)
        case keyword(matched: Int)
    }

    private static let keyword = Array("DOCTYPE".utf8)

    private(set) var verdict = Verdict.undecided
    private var header: [UInt8] = []
    private var layout: Layout?
    private var state = State.betweenMarkup
    private var pendingByte: UInt8?
    private var line = 1
    private var column = 1
    private var afterCarriageReturn = false
    private var markupLine = 1
    private var markupColumn = 1

    /// Feeds the next bytes of the document, in order.
    mutating func scan(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            guard verdict == .undecided else { return }
            guard let layout else {
                header.append(byte)
                if header.count == 4 { decideLayout() }
                continue
            }
            feed(byte, layout: layout)
        }
    }

    /// Looks at the first four bytes, as XML 1.0 Appendix F suggests, to learn the code unit size.
    private mutating func decideLayout() {
        let header = self.header
        self.header = []
        var skip = 0
        switch (header[0], header[1], header[2], header[3]) {
        case (0x00, 0x00, _, _), (_, _, 0x00, 0x00), (0x4C, 0x6F, 0xA7, 0x94):
            verdict = .unsupportedEncoding
            return
        case (0xEF, 0xBB, 0xBF, _):
            layout = .singleByte
            skip = 3
        case (0xFE, 0xFF, _, _):
            layout = .utf16(bigEndian: true)
            skip = 2
        case (0xFF, 0xFE, _, _):
            layout = .utf16(bigEndian: false)
            skip = 2
        case (0x00, _, 0x00, _):
            layout = .utf16(bigEndian: true)
        case (_, 0x00, _, 0x00):
            layout = .utf16(bigEndian: false)
        default:
            layout = .singleByte
        }
        // A byte order mark is not part of the text, so it does not count as a column.
        scan(header.dropFirst(skip))
    }

    private mutating func feed(_ byte: UInt8, layout: Layout) {
        switch layout {
        case .singleByte:
            // UTF-8 continuation bytes belong to the character before them: one column in all.
            let startsCharacter = byte & 0xC0 != 0x80
            advance(unit: byte < 0x80 ? UInt16(byte) : 0xFFFF, countsAsColumn: startsCharacter)
        case .utf16(let bigEndian):
            guard let first = pendingByte else {
                pendingByte = byte
                return
            }
            pendingByte = nil
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first)
            let isLowSurrogate = (0xDC00...0xDFFF).contains(unit)
            advance(unit: unit < 0x80 ? unit : 0xFFFF, countsAsColumn: !isLowSurrogate)
        }
    }

    /// Moves the state machine by one code unit; non-ASCII units arrive as 0xFFFF.
    private mutating func advance(unit: UInt16, countsAsColumn: Bool) {
        let character = unit < 0x80 ? UInt8(unit) : 0xFF
        let unitLine = line
        let unitColumn = column
        trackPosition(character, countsAsColumn: countsAsColumn)

        switch state {
        case .betweenMarkup:
            if character == UInt8(ascii: "<") {
                markupLine = unitLine
                markupColumn = unitColumn
                state = .lessThan
            } else if !Self.isWhitespace(character) {
                verdict = .clean
            }
        case .lessThan:
            switch character {
            case UInt8(ascii: "?"): state = .processingInstruction(sawQuestionMark: false)
            case UInt8(ascii: "!"): state = .bang
            default: verdict = .clean
            }
        case .bang:
            switch character {
            case UInt8(ascii: "-"): state = .commentOpening
            case Self.keyword[0]: state = .keyword(matched: 1)
            default: verdict = .clean
            }
        case .commentOpening:
            if character == UInt8(ascii: "-") {
                state = .comment(dashes: 0)
            } else {
                verdict = .clean
            }
        case .comment(let dashes):
            if character == UInt8(ascii: "-") {
                state = .comment(dashes: min(dashes + 1, 2))
            } else if character == UInt8(ascii: ">") && dashes == 2 {
                state = .betweenMarkup
            } else {
                state = .comment(dashes: 0)
            }
        case .processingInstruction(let sawQuestionMark):
            if character == UInt8(ascii: ">") && sawQuestionMark {
                state = .betweenMarkup
            } else {
                state = .processingInstruction(sawQuestionMark: character == UInt8(ascii: "?"))
            }
        case .keyword(let matched):
            guard character == Self.keyword[matched] else {
                verdict = .clean
                return
            }
            if matched + 1 == Self.keyword.count {
                verdict = .doctype(line: markupLine, column: markupColumn)
            } else {
                state = .keyword(matched: matched + 1)
            }
        }
    }

    /// Counts lines the way libxml2 does after end-of-line normalisation (CR LF and lone CR are
    /// one line break), so the reported line matches libxml2's own diagnostics.
    private mutating func trackPosition(_ character: UInt8, countsAsColumn: Bool) {
        defer { afterCarriageReturn = character == UInt8(ascii: "\r") }
        if character == UInt8(ascii: "\n") && afterCarriageReturn { return }
        if character == UInt8(ascii: "\n") || character == UInt8(ascii: "\r") {
            line += 1
            column = 1
        } else if countsAsColumn {
            column += 1
        }
    }

    private static func isWhitespace(_ character: UInt8) -> Bool {
        character == 0x20 || character == 0x09 || character == 0x0A || character == 0x0D
    }
}
