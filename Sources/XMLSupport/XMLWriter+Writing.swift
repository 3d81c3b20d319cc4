internal import Synchronization

/// The byte writing behind ``XMLWriter``'s calls: each piece of markup goes into room made for it
/// in the buffer once, a value escaped in the same pass.
extension XMLWriter {
    /// Writes `<name attributes>text</name>` and its line break; or, if the text or a value holds
    /// a character XML does not allow, writes nothing and returns the error to throw. (An error
    /// returned rather than thrown crosses `String.withUTF8`, which would erase its type.)
    mutating func writeElement(
        _ name: XMLName, text: UnsafeBufferPointer<UInt8>, attributes: some Collection<(XMLName, String)>
    ) -> XMLWriterError? {
        // Most elements have no attribute or one: their whole line is written in one piece.
        switch attributes.count {
        case 0:
            return writeLine(name, attribute: nil, value: UnsafeBufferPointer(start: nil, count: 0), text: .utf8(text))
        case 1:
            let (attribute, value) = attributes[attributes.startIndex]
            var bytes = value
            return bytes.withUTF8 { value in writeLine(name, attribute: attribute, value: value, text: .utf8(text)) }
        default:
            break
        }
        let before = state
        if let error = writeStartTag(name, attributes: attributes) { return error }
        // The rest of the line in one piece: `>`, the text, `</name>` and the line break.
        let tag = name.bytes
        var refused: Int?
        write(upTo: 1 + Self.longestEscape * text.count + tag.count + 4) { destination in
            destination[0] = UInt8(ascii: ">")
            let (written, offset) = Self.escape(text, into: destination + 1, inAttribute: false)
            guard offset == nil else {
                refused = offset
                return 0
            }
            return Self.closeTag(tag, at: destination + 1 + written) - destination
        }
        if let refused {
            state = before
            return Self.refusal(in: text, at: refused, elementPath: path(appending: name), attribute: nil)
        }
        return nil
    }

    /// What the text of an element written in one piece is made from.
    enum Text {
        /// UTF-8 bytes, escaped as text.
        case utf8(UnsafeBufferPointer<UInt8>)
        /// A decimal number, formatted by ``XMLWriter/format(significand:scale:into:)``.
        case decimal(significand: Int64, scale: Int)

        /// The most bytes the text takes written.
        var room: Int {
            switch self {
            case .utf8(let bytes): XMLWriter.longestEscape * bytes.count
            case .decimal: XMLWriter.longestDecimal
            }
        }
    }

    /// Writes `<name attribute="value">text</name>` (the attribute optional) on its own line,
    /// indented, after ending the parent's start tag, in one piece of room; or, if the value or
    /// the text holds a character XML does not allow, writes nothing and returns the error.
    mutating func writeLine(
        _ name: XMLName, attribute: XMLName?, value: UnsafeBufferPointer<UInt8>, text: Text
    ) -> XMLWriterError? {
        check(name)
        if let attribute { check(attribute) }
        precondition(openElements.isEmpty == false || !rootIsWritten, "a document has exactly one root element")
        let endsParent = startTagIsOpen
        let spaces = openElements.count * indent
        let tag = name.bytes
        let attributeName = attribute?.bytes
        let attributeRoom = attributeName.map { 4 + $0.count + Self.longestEscape * value.count } ?? 0
        var refusedValue: Int?
        var refusedText: Int?
        write(upTo: 7 + spaces + 2 * tag.count + attributeRoom + text.room) { destination in
            var next = Self.openTag(tag, at: destination, endingParent: endsParent, spaces: spaces)
            if let attributeName {
                let (end, offset) = Self.attribute(attributeName, value, at: next)
                guard offset == nil else {
                    refusedValue = offset
                    return 0
                }
                next = end
            }
            next[0] = UInt8(ascii: ">")
            next += 1
            switch text {
            case .utf8(let bytes):
                let (written, offset) = Self.escape(bytes, into: next, inAttribute: false)
                guard offset == nil else {
                    refusedText = offset
                    return 0
                }
                next += written
            case .decimal(let significand, let scale):
                next += Self.format(significand: significand, scale: scale, into: next)
            }
            return Self.closeTag(tag, at: next) - destination
        }
        if let refusedValue, let attribute {
            return Self.refusal(
                in: value, at: refusedValue, elementPath: path(appending: name), attribute: attribute.description)
        }
        if let refusedText, case .utf8(let bytes) = text {
            return Self.refusal(in: bytes, at: refusedText, elementPath: path(appending: name), attribute: nil)
        }
        startTagIsOpen = false
        if openElements.isEmpty {
            rootIsWritten = true
        }
        return nil
    }

    /// Writes `<name attributes` on its own line, indented, after ending the parent's start tag;
    /// a value with a character XML does not allow leaves everything as it was, and its error
    /// is returned.
    mutating func writeStartTag(
        _ name: XMLName, attributes: some Collection<(XMLName, String)>
    ) -> XMLWriterError? {
        check(name)
        precondition(openElements.isEmpty == false || !rootIsWritten, "a document has exactly one root element")
        // A handful of attributes at most: a linear look back beats building a set.
        var index = attributes.startIndex
        while index != attributes.endIndex {
            let attribute = attributes[index].0
            check(attribute)
            precondition(
                !attributes[..<index].contains { $0.0.hasSameBytes(as: attribute) },
                "attribute \(attribute) given twice on <\(name)>")
            attributes.formIndex(after: &index)
        }
        let before = state
        // `>` and a line break end the parent's start tag, now that it has a child.
        let endsParent = startTagIsOpen
        startTagIsOpen = false
        if openElements.isEmpty {
            rootIsWritten = true
        }
        let spaces = openElements.count * indent
        let tag = name.bytes
        write(upTo: 3 + spaces + tag.count) { destination in
            Self.openTag(tag, at: destination, endingParent: endsParent, spaces: spaces) - destination
        }
        for (attribute, value) in attributes {
            var value = value
            let refused = value.withUTF8 { value in
                writeAttribute(attribute, value).map { offset in
                    Self.refusal(
                        in: value, at: offset, elementPath: path(appending: name), attribute: attribute.description)
                }
            }
            if let refused {
                state = before
                return refused
            }
        }
        return nil
    }

    /// What a refused call puts back: the length of the text and the flags it may have changed.
    var state: (count: Int, startTagIsOpen: Bool, rootIsWritten: Bool) {
        get { (count, startTagIsOpen, rootIsWritten) }
        set { (count, startTagIsOpen, rootIsWritten) = newValue }
    }

    /// Writes at `destination` the `>` and line end that close the parent's start tag when
    /// `endingParent`, then `spaces` of indentation, `<` and `tag`; returns where it ended.
    private static func openTag(
        _ tag: UnsafeBufferPointer<UInt8>, at destination: UnsafeMutablePointer<UInt8>, endingParent: Bool,
        spaces: Int
    ) -> UnsafeMutablePointer<UInt8> {
        var next = destination
        if endingParent {
            next[0] = UInt8(ascii: ">")
            next[1] = UInt8(ascii: "\n")
            next += 2
        }
        next.update(repeating: UInt8(ascii: " "), count: spaces)
        next[spaces] = UInt8(ascii: "<")
        return copy(tag, to: next + spaces + 1)
    }

    /// Stops the program unless `name` is an XML name; a literal is judged the first time a
    /// writer meets it that was made before any writer judged it.
    mutating func check(_ name: XMLName) {
        guard name.isLiteral else { return }
        let address = UInt(bitPattern: name.bytes.baseAddress)
        let length = UInt(bitPattern: name.bytes.count)
        if Self.contains(address, length, in: checkedLiterals) { return }
        precondition(Self.isName(name.bytes), "\"\(name)\" is not an XML name")
        Self.insert(address, length, into: &checkedLiterals)
        Self.sharedLiterals.withLock { shared in Self.insert(address, length, into: &shared) }
        literalNamesJudged += 1
    }

    /// The first slot to probe for the literal at `address`: the top bits of a multiplicative hash.
    private static func firstSlot(of address: UInt) -> Int {
        Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> 54) & (literalSlots - 1)
    }

    /// Whether the table of checked literals holds the name at `address` of `length` bytes.
    private static func contains(_ address: UInt, _ length: UInt, in table: [UInt]) -> Bool {
        var slot = firstSlot(of: address)
        for _ in 0..<literalSlots {
            let found = table[2 * slot]
            if found == 0 { return false }
            if found == address && table[2 * slot + 1] == length { return true }
            slot = (slot + 1) & (literalSlots - 1)
        }
        return false
    }

    /// Adds the name at `address` of `length` bytes to the table of checked literals, unless it
    /// is there or the table is full.
    private static func insert(_ address: UInt, _ length: UInt, into table: inout [UInt]) {
        var slot = firstSlot(of: address)
        for _ in 0..<literalSlots {
            if table[2 * slot] == 0 {
                table[2 * slot] = address
                table[2 * slot + 1] = length
                return
            }
            if table[2 * slot] == address && table[2 * slot + 1] == length { return }
            slot = (slot + 1) & (literalSlots - 1)
        }
    }

    /// Calls `body` with room for at least `room` more bytes at the end of the text; `body`
    /// writes there and returns how many bytes it wrote.
    mutating func write(upTo room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + room > buffer.count {
            // Doubling: growing is rare, and the bytes past `count` are only ever overwritten.
            buffer.append(contentsOf: [UInt8](repeating: 0, count: max(count + room, 2 * buffer.count) - buffer.count))
        }
        let start = count
        let written = buffer.withUnsafeMutableBufferPointer { whole in
            // Never nil: the buffer has at least 64 bytes.
            guard let base = whole.baseAddress else { return 0 }
            return body(base + start)
        }
        count += written
    }

    /// Writes markup characters given as a literal, such as `/>\n`.
    mutating func writeMarkup(_ markup: StaticString) {
        write(upTo: markup.utf8CodeUnitCount) { destination in
            destination.update(from: markup.utf8Start, count: markup.utf8CodeUnitCount)
            return markup.utf8CodeUnitCount
        }
    }

    /// Writes `</name>` indented by `depth` levels, and a line break.
    mutating func writeEndTag(_ name: XMLName, depth: Int) {
        let spaces = depth * indent
        let tag = name.bytes
        write(upTo: spaces + tag.count + 4) { destination in
            destination.update(repeating: UInt8(ascii: " "), count: spaces)
            return Self.closeTag(tag, at: destination + spaces) - destination
        }
    }

    /// Writes ` name="value"` with the value escaped; returns the byte offset of a character XML
    /// does not allow, after which what was written must be dropped.
    mutating func writeAttribute(_ name: XMLName, _ value: UnsafeBufferPointer<UInt8>) -> Int? {
        let attribute = name.bytes
        var refused: Int?
        write(upTo: attribute.count + 4 + Self.longestEscape * value.count) { destination in
            let (end, offset) = Self.attribute(attribute, value, at: destination)
            refused = offset
            return offset == nil ? end - destination : 0
        }
        return refused
    }

    /// Writes `</tag>` and a line end at `destination`; returns where it ended.
    private static func closeTag(
        _ tag: UnsafeBufferPointer<UInt8>, at destination: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        destination[0] = UInt8(ascii: "<")
        destination[1] = UInt8(ascii: "/")
        let next = copy(tag, to: destination + 2)
        next[0] = UInt8(ascii: ">")
        next[1] = UInt8(ascii: "\n")
        return next + 2
    }

    /// Writes ` name="value"` at `destination` with the value escaped; returns where it ended, or
    /// the byte offset of a character XML does not allow (what was written must then be dropped).
    private static func attribute(
        _ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>,
        at destination: UnsafeMutablePointer<UInt8>
    ) -> (end: UnsafeMutablePointer<UInt8>, refused: Int?) {
        destination[0] = UInt8(ascii: " ")
        var next = copy(name, to: destination + 1)
        next[0] = UInt8(ascii: "=")
        next[1] = UInt8(ascii: "\"")
        let (written, offset) = escape(value, into: next + 2, inAttribute: true)
        guard offset == nil else { return (destination, offset) }
        next += 2 + written
        next[0] = UInt8(ascii: "\"")
        return (next + 1, nil)
    }

    func path(appending name: XMLName) -> String {
        (openElements + [name]).map(\.description).joined(separator: "/")
    }
}
