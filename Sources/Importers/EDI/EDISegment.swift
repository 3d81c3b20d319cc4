internal import InvoicingCore

/// One EDI segment: its tag, its data elements (each a list of components, unescaped) and the
/// line it starts on, for diagnostics.
struct EDISegment: Sendable, Hashable {
    var tag: String
    var elements: [[String]]
    var line: Int

    /// Component `component` of element `element` (both from 1), or "" when absent.
    subscript(element: Int, component: Int = 1) -> String {
        guard element >= 1, element <= elements.count, component >= 1, component <= elements[element - 1].count
        else { return "" }
        return elements[element - 1][component - 1]
    }
}

/// Splits EDIFACT and X12 interchanges into segments with the separators they declare:
/// EDIFACT's UNA advice (default `:+.? '`) and release character, X12's ISA header.
enum EDISyntax {
    /// The segments of an EDIFACT interchange; UNA, when present, is not returned.
    static func edifact(_ text: String, fileName: String) throws(ImportDiagnostic) -> [EDISegment] {
        var characters = Array(text.drop { $0.isWhitespace || $0 == "\u{FEFF}" })
        var component: Character = ":"
        var element: Character = "+"
        var release: Character? = "?"
        var terminator: Character = "'"
        if characters.starts(with: Array("UNA")) {
            guard characters.count >= 9 else {
                throw ImportDiagnostic(
                    file: fileName, line: 1, column: 1, message: "UNA is shorter than nine characters")
            }
            component = characters[3]
            element = characters[4]
            release = characters[6] == " " ? nil : characters[6]
            terminator = characters[8]
            characters.removeFirst(9)
        }
        var segments: [EDISegment] = []
        var elements: [[String]] = [[""]]
        var line = 1
        var segmentLine = 1
        func append(_ character: Character) {
            elements[elements.count - 1][elements[elements.count - 1].count - 1].append(character)
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == "\n" || character == "\r\n" { line += 1 }
            if character == release {
                guard index < characters.count else {
                    throw ImportDiagnostic(
                        file: fileName, line: line, column: 0, message: "release character at the end")
                }
                append(characters[index])
                index += 1
            } else if character == terminator {
                let tag = elements[0][0].filter { !$0.isWhitespace }
                if !(tag.isEmpty && elements.count == 1) {
                    guard tag.count == 3, elements[0].count == 1, tag.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                        throw ImportDiagnostic(
                            file: fileName, line: segmentLine, column: 0, message: "'\(tag)' is not a segment tag")
                    }
                    segments.append(EDISegment(tag: tag, elements: Array(elements.dropFirst()), line: segmentLine))
                }
                elements = [[""]]
                segmentLine = line
            } else if character == element {
                elements.append([""])
            } else if character == component {
                elements[elements.count - 1].append("")
            } else if !(elements.count == 1 && elements[0] == [""] && character.isWhitespace) {
                if elements.count == 1 && elements[0] == [""] { segmentLine = line }
                append(character)
            }
        }
        guard elements.count == 1, elements[0][0].allSatisfy(\.isWhitespace) else {
            throw ImportDiagnostic(file: fileName, line: line, column: 0, message: "the last segment has no terminator")
        }
        return segments
    }

    /// The segments of an X12 interchange with the separators ISA declares: the element separator
    /// after `ISA`, the component separator ISA16 and the terminator after it.
    static func x12(_ text: String, fileName: String) throws(ImportDiagnostic) -> [EDISegment] {
        let characters = Array(text.drop { $0.isWhitespace || $0 == "\u{FEFF}" })
        guard characters.count >= 106, String(characters[0..<3]) == "ISA" else {
            throw ImportDiagnostic(file: fileName, line: 1, column: 1, message: "no 106-character ISA header")
        }
        let element = characters[3]
        let component = characters[104]
        let terminator = characters[105]
        var segments: [EDISegment] = []
        var line = 1
        for raw in String(characters).split(separator: terminator, omittingEmptySubsequences: false) {
            let segmentLine = line + raw.prefix { $0.isWhitespace }.filter { $0 == "\n" || $0 == "\r\n" }.count
            line += raw.filter { $0 == "\n" || $0 == "\r\n" }.count
            let text = String(raw).trimmedText
            if text.isEmpty { continue }
            let fields = text.split(separator: element, omittingEmptySubsequences: false).map(String.init)
            let isHeader = fields[0] == "ISA"  // ISA16 is the component separator itself, not a composite
            segments.append(
                EDISegment(
                    tag: fields[0],
                    elements: fields.dropFirst().map { field in
                        isHeader
                            ? [field]
                            : field.split(separator: component, omittingEmptySubsequences: false).map(String.init)
                    },
                    line: segmentLine))
        }
        return segments
    }
}
