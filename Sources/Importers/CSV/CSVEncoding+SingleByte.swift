extension CSVEncoding {
    /// Unicode scalars for bytes 0x80–0x9F in Windows-1252.
    ///
    /// The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    /// keep their Latin-1 control-character value, as browsers do, so that decoding
    /// never fails and the original bytes can be recovered.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80–0x87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 0x88–0x8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90–0x97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 0x98–0x9F
    ]

    /// The Unicode scalar value of `byte` in a single-byte encoding.
    @inline(__always)
    static func scalar(of byte: UInt8, windows1252: Bool) -> UInt32 {
        if windows1252, byte >= 0x80, byte < 0xA0 {
            return windows1252High[Int(byte &- 0x80)]
        }
        return UInt32(byte)
    }

    /// Decodes single-byte `bytes` into a String, dropping the second quote of each
    /// doubled pair when `unescapeQuotes` is set.
    ///
    /// Each byte becomes at most three UTF-8 bytes, so the string is written in place
    /// without an intermediate buffer.
    static func decodeSingleByte(
        _ bytes: UnsafeBufferPointer<UInt8>, windows1252: Bool, unescapeQuotes: Bool
    ) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 3) { out in
            var written = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte < 0x80 {
                    out[written] = byte
                    written += 1
                    // Quoted content only holds quotes in pairs; keep the first one.
                    if unescapeQuotes, byte == UInt8(ascii: "\"") { index += 1 }
                    continue
                }
                let scalar = scalar(of: byte, windows1252: windows1252)
                if scalar < 0x800 {
                    out[written] = UInt8(0xC0 | (scalar >> 6))
                    out[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                    written += 2
                } else {
                    out[written] = UInt8(0xE0 | (scalar >> 12))
                    out[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    out[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                    written += 3
                }
            }
            return written
        }
    }
}
