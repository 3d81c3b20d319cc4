/// Where one field of the record being parsed lies in the input buffer.
struct CSVFieldSpan {
    /// The field's first byte, the opening quote for a quoted field.
    var rawStart: Int
    /// The value's bytes, without the surrounding quotes.
    var contentStart: Int
    var contentEnd: Int
    /// 1-based physical line and column (in Unicode scalars) where the field starts.
    var line: Int
    var column: Int
    /// The content contains doubled quotes that decoding must collapse.
    var hasDoubledQuotes: Bool
    /// Every content byte is ASCII, so decoding needs neither validation nor a table.
    var isASCII: Bool
}
