/// UN/EDIFACT segments being written with the default service characters of the UNA advice
/// `:+.? '`: data elements are separated by `+`, components by `:`, segments end with `'`, and
/// `?` releases any of these four when it occurs in data.
///
/// Every segment is followed by a line feed, as most translators accept, so the files read and
/// diff line by line. Text is kept in ISO 8859-1, the repertoire of UNOC (``EDIRepertoire``).
struct EDIFACTSegments {
    /// The service string advice: component, element, decimal mark, release, reserved, terminator.
    static let serviceStringAdvice = "UNA:+.? '"

    private(set) var text = ""
    /// The segments written since the last ``startCount()``, the UNT count.
    private(set) var count = 0
    /// The characters outside ISO 8859-1 that were folded, with their replacements.
    private(set) var folds: [Character: String] = [:]

    /// Escapes `+ : ' ?` in `value` with the release character, after folding what ISO 8859-1
    /// lacks (``EDIRepertoire``).
    mutating func escaped(_ value: String) -> String {
        var result = ""
        for character in EDIRepertoire.latin1.folded(value, folds: &folds) {
            if "+:'?".contains(character) { result.append("?") }
            // A line break would end the segment for a reader that splits lines: a space keeps it one.
            result.append(character == "\n" || character == "\r" || character == "\r\n" ? " " : character)
        }
        return result
    }

    /// Writes the segment `tag` with its data elements, each a list of components, escaped;
    /// trailing empty components and elements are left out, as the syntax requires.
    mutating func segment(_ tag: String, _ elements: [String]...) {
        var written: [String] = []
        for components in elements {
            var values = components.map { self.escaped($0) }
            while values.last?.isEmpty == true { values.removeLast() }
            written.append(values.joined(separator: ":"))
        }
        while written.last?.isEmpty == true { written.removeLast() }
        text += ([tag] + written).joined(separator: "+") + "'\n"
        count += 1
    }

    /// Writes a service segment verbatim (UNA), outside the message count.
    mutating func raw(_ segment: String) {
        text += segment + "\n"
    }

    /// Starts counting the segments of a message (at UNH).
    mutating func startCount() { count = 0 }
}
