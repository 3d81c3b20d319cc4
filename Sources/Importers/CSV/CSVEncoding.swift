/// Text encodings the reader understands.
public enum CSVEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8
    /// ISO-8859-1 (Latin-1): every byte is the Unicode scalar of the same value.
    case isoLatin1 = "iso-8859-1"
    /// Windows-1252: Latin-1 with printable characters such as € in 0x80–0x9F.
    case windows1252 = "windows-1252"
}
