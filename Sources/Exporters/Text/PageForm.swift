/// A page as the templates render it, with a slot for each value the page shows: rendered once
/// per kind of page, then filled in for every page of that kind.
///
/// swift-mustache looks every name up by walking its context stack with dynamic casts, about
/// 10,000 instructions a name, and a page looks up 60 names: rendering the print text was the
/// largest cost of a run. A form is made by rendering the page through the library itself, with
/// marks in place of the values (`FormContext`), so the library stays the one reading of the
/// templates. Filling a form gives the bytes rendering gives when
/// - every template uses each value only as the form can reproduce it (`TemplateUsage`): a text
///   or page number only as a variable, rows only as a standalone row block, a table of labels
///   only as `{{labels.key}}`;
/// - the marks come out unchanged, so nothing escaped them (a layout without
///   `CONTENT_TYPE: TEXT` escapes them as HTML and has no form);
/// - and the page is of the same kind: the same template, and the same true, false or missing
///   value for every name the templates use, which is what sections and inverted sections decide on.
///
/// Otherwise the page is rendered whole, as before.
struct PageForm: Sendable {
    /// A value a form shows.
    enum Slot: Hashable, Sendable {
        /// A text or page number, written where its variable stands.
        case text(String)
        /// Rows, each written as its text on a line of its own; the slot stands for a whole line.
        case rows(String)
        /// The value of a key in a table of texts, written where `{{name.key}}` stands.
        case member(String, key: String)
    }

    /// A piece of a form: text of the layout (its UTF-8), or a value's slot.
    enum Piece: Sendable {
        case literal([UInt8])
        case slot(Slot)
    }

    /// The pieces in order.
    let pieces: [Piece]

    /// The UTF-8 text of `page` through this form; nil when one of its values is not of the kind
    /// its slot was made for (the page must then be rendered whole). Bytes, not a `String`: a
    /// `String` checks at every append whether the pieces join into one character.
    func filled(with page: PageContext) -> [UInt8]? {
        var text: [UInt8] = []
        text.reserveCapacity(4096)
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                text += literal
            case .slot(.text(let name)):
                guard let value = page.text(named: name) else { return nil }
                text += value.utf8
            case .slot(.rows(let name)):
                guard let rows = page.rows(named: name) else { return nil }
                for row in rows {
                    text += row.text.utf8
                    text.append(0x0A)
                }
            case .slot(.member(let name, let key)):
                switch page.fields[name] {
                case nil: break
                case let table as [String: String]: text += (table[key] ?? "").utf8
                default: return nil
                }
            }
        }
        return text
    }

    /// The form in `rendered`, a page rendered with `slots`' marks (see `FormRecorder.mark`);
    /// nil if a mark came out changed or a row slot is not a line of its own.
    init?(rendered: String, slots: [Slot]) {
        let bytes = Array(rendered.utf8)
        var pieces: [Piece] = []
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0xEE, index + 1 < bytes.count, bytes[index + 1] == 0x80 else {
                index += 1
                continue
            }
            // Every U+E000 to U+E03F here is a mark: the templates have none (`TemplateUsage.scan`).
            guard let (slotIndex, end) = Self.mark(in: bytes, at: index), slotIndex < slots.count else { return nil }
            let slot = slots[slotIndex]
            var next = end
            if case .rows = slot {
                // The row block's line: a line feed (or the start) before, one after, taken in.
                guard index == 0 || bytes[index - 1] == 0x0A, end < bytes.count, bytes[end] == 0x0A else { return nil }
                next = end + 1
            }
            if literalStart < index {
                pieces.append(.literal(Array(bytes[literalStart..<index])))
            }
            pieces.append(.slot(slot))
            literalStart = next
            index = next
        }
        if literalStart < bytes.count {
            pieces.append(.literal(Array(bytes[literalStart...])))
        }
        self.pieces = pieces
    }

    /// The slot number of the mark at `start` of `bytes` and where the mark ends; nil if what
    /// stands there is not a whole, unchanged mark.
    private static func mark(in bytes: [UInt8], at start: Int) -> (Int, Int)? {
        let opening = Array(FormRecorder.opening.utf8)
        let closing = Array(FormRecorder.closing.utf8)
        guard start + opening.count <= bytes.count, bytes[start..<(start + opening.count)].elementsEqual(opening)
        else { return nil }
        var index = start + opening.count
        var number = 0
        var digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]), digits < 9 {
            number = number * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        guard digits > 0, index + closing.count <= bytes.count,
            bytes[index..<(index + closing.count)].elementsEqual(closing)
        else { return nil }
        return (number, index + closing.count)
    }
}
