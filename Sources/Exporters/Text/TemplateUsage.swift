/// How a set of templates uses each name it looks up, read once from their sources.
///
/// A page form (`PageForm`) stands in for rendering a page only where the templates use a
/// document's values in ways the form reproduces exactly; this is what tells. It is read from
/// the sources rather than from swift-mustache's parsed tokens, which the library keeps to itself.
struct TemplateUsage: Sendable, Equatable {
    /// One way a template uses a name.
    enum Use: Hashable, Sendable {
        /// `{{name}}`, `{{{name}}}` or `{{&name}}`: the value written where the tag stands.
        case variable
        /// `{{#name}}`, `{{text}}`, `{{/name}}` on three lines of their own: each row's text on
        /// a line of its own, and nothing for no rows.
        case rowBlock
        /// Any other section or inverted section over the name.
        case section
        /// `{{name.key}}`: the value of `key` in the name's value, written where the tag stands.
        case member(String)
    }

    /// Every name the templates look up at the page's level, with the ways they use it.
    let uses: [String: Set<Use>]

    /// The usage of `sources`, or nil when they do anything a page form could not stand in for:
    /// a transform (`{{uppercased(title)}}`), the current object (`{{.}}`), a dynamic partial,
    /// new delimiters, an indented partial or block (whose indentation depends on whether each
    /// value is empty), or the private-use characters the forms mark their slots with.
    static func scan(_ sources: [String]) -> TemplateUsage? {
        var uses: [String: Set<Use>] = [:]
        for source in sources {
            guard scan(Array(source.utf8), into: &uses) else { return nil }
        }
        return TemplateUsage(uses: uses)
    }

    /// Adds the uses in one template's UTF-8 `text` to `uses`; false if it does anything a page
    /// form could not stand in for.
    private static func scan(_ text: [UInt8], into uses: inout [String: Set<Use>]) -> Bool {
        // U+E000 to U+E03F start with these two bytes: the marks of the forms' slots must not occur.
        if find([0xEE, 0x80], in: text, from: 0) != nil { return false }
        var index = 0
        while let open = find([0x7B, 0x7B], in: text, from: index) {
            let triple = open + 2 < text.count && text[open + 2] == 0x7B
            let closing: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
            let contentStart = open + (triple ? 3 : 2)
            guard let close = find(closing, in: text, from: contentStart) else { return false }
            index = close + closing.count
            let content = trimmed(text[contentStart..<close])
            guard let sigil = content.first else { continue }
            let name = String(decoding: trimmed(content.dropFirst()), as: UTF8.self)
            switch sigil {
            case UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "/"):
                continue
            case UInt8(ascii: "="):
                return false
            case UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                if name.hasPrefix("*") || isIndented(text, at: open) { return false }
            case UInt8(ascii: "#"):
                guard isPlainName(name) else { return false }
                if let end = rowBlockEnd(text, at: open, name: name) {
                    uses[name, default: []].insert(.rowBlock)
                    index = end
                } else {
                    uses[name, default: []].insert(.section)
                }
            case UInt8(ascii: "^"):
                guard isPlainName(name) else { return false }
                uses[name, default: []].insert(.section)
            default:
                let variable =
                    triple || sigil != UInt8(ascii: "&")
                    ? String(decoding: content, as: UTF8.self) : name
                guard let use = variableUse(variable) else { return false }
                uses[use.name, default: []].insert(use.use)
            }
        }
        return true
    }

    /// The name and use of a variable tag's `name`: `title` or `labels.key`; nil for the current
    /// object, a transform, a path of more than two names or one that starts with a dot.
    private static func variableUse(_ name: String) -> (name: String, use: Use)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ isPlainName(String($0)) }) else { return nil }
        switch parts.count {
        case 1: return (name, .variable)
        case 2: return (String(parts[0]), .member(String(parts[1])))
        default: return nil
        }
    }

    /// Whether `name` is one name: not empty, without a dot, a transform's parentheses or spaces.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains { $0 == 0x2E || $0 == 0x28 || $0 == 0x29 || $0 == 0x20 }
    }

    /// Where the row block `{{#name}}\n{{text}}\n{{/name}}` that starts at `open` ends (after its
    /// line feed), if the block stands on lines of its own there.
    private static func rowBlockEnd(_ text: [UInt8], at open: Int, name: String) -> Int? {
        guard open == 0 || text[open - 1] == 0x0A else { return nil }
        let block = Array("{{#\(name)}}\n{{text}}\n{{/\(name)}}".utf8)
        guard contains(block, in: text, from: open) else { return nil }
        let end = open + block.count
        if end == text.count { return end }
        return text[end] == 0x0A ? end + 1 : nil
    }

    /// Whether the tag at `open` has only spaces or tabs, at least one, before it on its line.
    private static func isIndented(_ text: [UInt8], at open: Int) -> Bool {
        var start = open
        while start > 0 && (text[start - 1] == 0x20 || text[start - 1] == 0x09) { start -= 1 }
        return start < open && (start == 0 || text[start - 1] == 0x0A)
    }

    /// `bytes` without leading and trailing spaces, tabs and line ends.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var slice = bytes
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    /// Whether `pattern` starts at `index` of `text`.
    private static func contains(_ pattern: [UInt8], in text: [UInt8], from index: Int) -> Bool {
        guard index + pattern.count <= text.count else { return false }
        return text[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    /// The first index at or after `start` where `pattern` occurs in `text`.
    private static func find(_ pattern: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, text.count >= pattern.count else { return nil }
        var index = start
        while index <= text.count - pattern.count {
            if text[index] == first && text[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
