/// ANSI X12 segments being written with the separators the ISA header declares: `*` between
/// elements, `>` between components (ISA16) and `~` after each segment.
///
/// X12 has no release character: a separator in data is replaced by a space. Text is folded to
/// ASCII (``EDIRepertoire``). Every segment is followed by a line feed, so the files read and
/// diff line by line.
struct X12Segments {
    /// The element separator (the fourth character of ISA).
    static let elementSeparator: Character = "*"
    /// The component separator (ISA16).
    static let componentSeparator: Character = ">"
    /// The segment terminator (the character after ISA16).
    static let segmentTerminator: Character = "~"

    /// What cannot stand in data: the separators and line breaks.
    private static let separators: Set<Character> = ["*", ">", "~", "\n", "\r", "\r\n"]

    private(set) var text = ""
    /// The segments written since the last ``startCount()``, the SE count.
    private(set) var count = 0
    /// The characters outside ASCII that were folded, with their replacements.
    private(set) var folds: [Character: String] = [:]

    /// `value` folded to ASCII (``EDIRepertoire``), with the separators and line breaks replaced by spaces.
    mutating func cleaned(_ value: String) -> String {
        String(EDIRepertoire.ascii.folded(value, folds: &folds).map { Self.separators.contains($0) ? " " : $0 })
    }

    /// Writes the segment `tag` with its elements, cleaned; trailing empty elements are left out.
    mutating func segment(_ tag: String, _ elements: String...) {
        var written = elements.map { cleaned($0) }
        while written.last?.isEmpty == true { written.removeLast() }
        text += ([tag] + written).joined(separator: "*") + "~\n"
        count += 1
    }

    /// Writes the ISA header as given: its fixed-width fields and the component separator itself
    /// must not be cleaned.
    mutating func header(_ elements: [String]) {
        text += (["ISA"] + elements).joined(separator: "*") + "~\n"
    }

    /// Starts counting the segments of a transaction set (at ST).
    mutating func startCount() { count = 0 }

    /// `value` cut or padded with spaces to exactly `width` characters, for ISA's fixed-width fields.
    mutating func fixed(_ value: String, _ width: Int) -> String {
        let cut = String(cleaned(value).prefix(width))
        return cut + String(repeating: " ", count: width - cut.count)
    }
}
