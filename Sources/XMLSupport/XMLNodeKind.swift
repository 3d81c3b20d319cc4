/// Node kinds the reader reports.
public enum XMLNodeKind: Sendable, Hashable {
    /// A start tag, or an empty-element tag (see ``XMLStreamReader/isEmptyElement``).
    case element
    /// An end tag; empty-element tags have none.
    case endElement
    /// Character data that is not only whitespace.
    case text
    /// A CDATA section.
    case cdata
    /// Character data that is only whitespace, such as indentation between elements.
    case whitespace
    /// A comment.
    case comment
    /// A processing instruction.
    case processingInstruction
    /// Anything else libxml2 reports; source documents without a DOCTYPE rarely produce it.
    case other
}
