/// Resource limits a reader enforces on top of libxml2's own.
///
/// libxml2 (without `XML_PARSE_HUGE`, which this module never sets) already stops at a nesting
/// depth of 256 and at text nodes of 10,000,000 bytes, so raising these limits beyond that has no
/// effect; lowering them does.
public struct XMLLimits: Sendable, Hashable {
    /// The largest number of nested element levels; the root element is level 1.
    public var maxDepth: Int
    /// The largest text value in bytes of UTF-8, for one text node and for ``XMLStreamReader/readElementText()``.
    public var maxTextLength: Int

    /// Creates limits; the defaults match libxml2's own.
    public init(maxDepth: Int = 256, maxTextLength: Int = 10_000_000) {
        self.maxDepth = maxDepth
        self.maxTextLength = maxTextLength
    }
}
