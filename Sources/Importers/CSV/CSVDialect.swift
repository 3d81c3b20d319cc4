/// How a CSV file is written; nil members are detected from the file.
public struct CSVDialect: Sendable, Hashable {
    /// The field separator, usually `,` `;` or tab; detected from the header line when nil.
    ///
    /// Detection counts `,` `;` and tab outside quotes on the header line and picks the
    /// most frequent, preferring them in that order on a tie; a header without any of
    /// them is a single column separated by `,`.
    public var delimiter: UInt8?

    /// The text encoding; detected when nil.
    ///
    /// A UTF-8 byte order mark or a file that is valid UTF-8 throughout means `.utf8`;
    /// anything else is read as `.windows1252`, the usual export encoding of
    /// spreadsheet software that does not write UTF-8.
    public var encoding: CSVEncoding?

    /// Creates a dialect; leave a member nil to detect it from the file.
    ///
    /// The delimiter must be an ASCII byte other than a quote, CR or LF.
    public init(delimiter: UInt8? = nil, encoding: CSVEncoding? = nil) {
        if let delimiter {
            precondition(
                delimiter < 0x80 && delimiter != UInt8(ascii: "\"")
                    && delimiter != UInt8(ascii: "\r") && delimiter != UInt8(ascii: "\n"),
                "CSV delimiter must be an ASCII byte other than a quote, CR or LF"
            )
        }
        self.delimiter = delimiter
        self.encoding = encoding
    }
}
