extension XMLStreamReader {
    /// Reads the text content of the current element up to its end tag (concatenating text and CDATA), leaving the reader on the end tag (or on the element itself if it was empty). Throws if the element contains child elements.
    ///
    /// Comments and processing instructions inside the element are skipped. Must be called on a
    /// start tag; anywhere else it throws.
    public func readElementText() throws(XMLDiagnostic) -> String {
        guard kind == .element else {
            throw diagnostic("readElementText() must be called on a start tag, not on \(kind)", code: .misuse)
        }
        if isEmptyElement { return "" }
        let elementDepth = depth
        let elementName = qualifiedName
        var text = ""
        var length = 0
        while try read() {
            switch kind {
            case .text, .cdata, .whitespace:
                let piece = value ?? ""
                length += piece.utf8.count
                if length > limits.maxTextLength {
                    throw recorded(
                        diagnostic(
                            "text of <\(elementName)> is longer than the limit of \(limits.maxTextLength) bytes",
                            code: .textLimitExceeded))
                }
                text += piece
            case .endElement where depth == elementDepth:
                return text
            case .element:
                throw recorded(
                    diagnostic(
                        "<\(elementName)> must contain only text, but contains the element <\(qualifiedName)>",
                        code: .unexpectedChildElement))
            default:
                continue
            }
        }
        // libxml2 reports a missing end tag itself, so this is only a safety net.
        throw recorded(
            diagnostic(severity: .fatal, "the document ends inside <\(elementName)>", code: .truncatedDocument))
    }

    private func recorded(_ diagnostic: XMLDiagnostic) -> XMLDiagnostic {
        collector.append(diagnostic)
        return diagnostic
    }
}
