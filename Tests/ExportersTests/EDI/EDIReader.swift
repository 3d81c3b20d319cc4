/// A small EDI reader for the tests: splits an EDIFACT or X12 interchange into segments, data
/// elements and components, with the separators the interchange itself declares (EDIFACT's UNA
/// and release character, X12's ISA), so the tests check the structure rather than the text.
struct EDIReader {
    /// One segment: its tag and its data elements, each a list of components, unescaped.
    struct Segment: Equatable {
        var tag: String
        var elements: [[String]]

        /// The component `component` of element `element` (both from 1), or "" when absent.
        subscript(element: Int, component: Int = 1) -> String {
            guard element <= elements.count, component <= elements[element - 1].count else { return "" }
            return elements[element - 1][component - 1]
        }
    }

    /// Why an interchange could not be read.
    struct Failure: Error, Equatable {
        var message: String
    }

    /// The segments of an EDIFACT interchange; the UNA advice, when present, sets the separators
    /// and is not returned as a segment.
    static func edifact(_ text: String) throws(Failure) -> [Segment] {
        var characters = Array(text)
        var component: Character = ":"
        var element: Character = "+"
        var release: Character? = "?"
        var terminator: Character = "'"
        if characters.starts(with: Array("UNA")) {
            guard characters.count >= 9 else { throw Failure(message: "UNA is shorter than nine characters") }
            component = characters[3]
            element = characters[4]
            release = characters[6] == " " ? nil : characters[6]
            terminator = characters[8]
            characters.removeFirst(9)
        }
        var segments: [Segment] = []
        var elements: [[String]] = [[""]]
        var index = 0
        func finish() throws(Failure) {
            let tag = elements[0][0].trimmingLineBreaks()
            if tag.isEmpty, elements.count == 1 { return }
            guard tag.count == 3, elements[0].count == 1 else { throw Failure(message: "bad segment tag '\(tag)'") }
            segments.append(Segment(tag: tag, elements: Array(elements.dropFirst())))
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == release {
                guard index < characters.count else { throw Failure(message: "release character at the end") }
                elements[elements.count - 1][elements[elements.count - 1].count - 1].append(characters[index])
                index += 1
            } else if character == terminator {
                try finish()
                elements = [[""]]
            } else if character == element {
                elements.append([""])
            } else if character == component {
                elements[elements.count - 1].append("")
            } else {
                elements[elements.count - 1][elements[elements.count - 1].count - 1].append(character)
            }
        }
        guard elements.count == 1, elements[0][0].trimmingLineBreaks().isEmpty else {
            throw Failure(message: "the last segment has no terminator")
        }
        return segments
    }

    /// The segments of an X12 interchange with the separators ISA declares: the element
    /// separator after `ISA`, the component separator ISA16 and the terminator after it.
    static func x12(_ text: String) throws(Failure) -> [Segment] {
        let characters = Array(text)
        guard characters.count >= 106, String(characters[0..<3]) == "ISA" else {
            throw Failure(message: "no 106-character ISA header")
        }
        let element = characters[3]
        let component = characters[104]
        let terminator = characters[105]
        var segments: [Segment] = []
        for raw in String(characters).split(separator: terminator, omittingEmptySubsequences: false) {
            let line = String(raw).trimmingLineBreaks()
            if line.isEmpty { continue }
            let fields = line.split(separator: element, omittingEmptySubsequences: false).map(String.init)
            let isHeader = fields[0] == "ISA"
            segments.append(
                Segment(
                    tag: fields[0],
                    elements: fields.dropFirst().map { field in
                        // ISA16 is the component separator itself, not a composite.
                        isHeader
                            ? [field]
                            : field.split(separator: component, omittingEmptySubsequences: false).map(String.init)
                    }))
        }
        return segments
    }
}

extension String {
    fileprivate func trimmingLineBreaks() -> String {
        String(drop { $0 == "\n" || $0 == "\r" })
    }
}
