import Testing

@testable import Importers

extension CSVReaderTests {
    /// Bytes whose Windows-1252 meaning differs from Latin-1, plus a few that agree.
    static let windows1252Samples: [(UInt8, Unicode.Scalar)] = [
        (0x80, "€"), (0x82, "‚"), (0x83, "ƒ"), (0x84, "„"), (0x85, "…"), (0x86, "†"), (0x87, "‡"),
        (0x88, "ˆ"), (0x89, "‰"), (0x8A, "Š"), (0x8B, "‹"), (0x8C, "Œ"), (0x8E, "Ž"),
        (0x91, "\u{2018}"), (0x92, "\u{2019}"), (0x93, "\u{201C}"), (0x94, "\u{201D}"), (0x95, "•"),
        (0x96, "–"), (0x97, "—"), (0x98, "˜"), (0x99, "™"), (0x9A, "š"), (0x9B, "›"), (0x9C, "œ"),
        (0x9E, "ž"), (0x9F, "Ÿ"),
        // Undefined in Windows-1252: kept as the Latin-1 control character.
        (0x81, "\u{81}"), (0x8D, "\u{8D}"), (0x8F, "\u{8F}"), (0x90, "\u{90}"), (0x9D, "\u{9D}"),
        (0xA0, "\u{A0}"), (0xE9, "é"), (0xFF, "ÿ"),
    ]

    @Test("Windows-1252 bytes decode to their characters", arguments: windows1252Samples)
    func decodesWindows1252(byte: UInt8, scalar: Unicode.Scalar) throws {
        let input = Array(utf8: "v\n\"") + [byte, UInt8(ascii: "\""), UInt8(ascii: "\""), byte] + Array(utf8: "\"\n")
        var reader = try CSVReader(bytes: input, fileName: "test.csv", dialect: .init(encoding: .windows1252))
        let expected = String(scalar) + "\"" + String(scalar)
        #expect(try reader.next()?.fields == [expected])
    }

    @Test("ISO-8859-1 maps every byte to the scalar of the same value")
    func decodesLatin1() throws {
        let text = (UInt8(0x01)...0xFF).filter { ![0x0A, 0x0D, 0x22, 0x2C].contains($0) }
        var reader = try CSVReader(
            bytes: Array(utf8: "v\n") + text, fileName: "test.csv", dialect: .init(encoding: .isoLatin1))
        let field = try #require(try reader.next()?.fields.first)
        #expect(field.unicodeScalars.map(\.value) == text.map(UInt32.init))
    }

    @Test(
        "The encoding is detected from the bytes",
        arguments: [
            ("plain ASCII", Array(utf8: "a,b\n1,2\n"), CSVEncoding.utf8, "2"),
            ("valid UTF-8", Array(utf8: "a,b\n1,€\n"), .utf8, "€"),
            ("a UTF-8 BOM", Array(utf8: "\u{FEFF}a,b\n1,é\n"), .utf8, "é"),
            ("invalid UTF-8", Array(utf8: "a,b\n1,") + [0x80, 0xE9] + Array(utf8: "\n"), .windows1252, "€é"),
            (
                "valid UTF-8 then one invalid byte", Array(utf8: "a,b\n1,2\n") + [0xC3] + Array(utf8: ",x\n"),
                .windows1252, "2"
            ),
        ])
    func detectsEncoding(name: String, input: [UInt8], encoding: CSVEncoding, lastField: String) throws {
        var reader = try CSVReader(bytes: input, fileName: "test.csv")
        #expect(reader.dialect.encoding == encoding, "\(name)")
        #expect(try reader.next()?.fields.last == lastField, "\(name)")
    }

    @Test(
        "A declared encoding wins over detection",
        arguments: [
            (CSVEncoding.isoLatin1, "\u{80}"), (.windows1252, "€"),
        ])
    func declaredEncodingWins(encoding: CSVEncoding, expected: String) throws {
        var reader = try CSVReader(
            bytes: Array(utf8: "a\n") + [0x80], fileName: "test.csv", dialect: .init(encoding: encoding))
        #expect(reader.dialect.encoding == encoding)
        #expect(try reader.next()?.fields == [expected])
    }

    @Test("A BOM in a file declared single-byte is text, not a mark")
    func byteOrderMarkInLatin1() throws {
        let reader = try CSVReader(
            bytes: Array(utf8: "\u{FEFF}a,b\n"), fileName: "test.csv", dialect: .init(encoding: .isoLatin1))
        #expect(reader.header == ["ï»¿a", "b"])
    }

    @Test("Detection reads past the first chunk to find a late invalid byte")
    func detectionSeesTheWholeFile() throws {
        let input = Array(utf8: "a\n" + String(repeating: "x\n", count: 200)) + [0x93, 0x94]
        let file = try TemporaryFile(contents: input)
        let outcome = readAll { () throws(CSVError) in try CSVReader(path: file.path, dialect: .init(), chunkSize: 7) }
        #expect(outcome.dialect?.encoding == .windows1252)
        #expect(outcome.rows.last?.fields == ["\u{201C}\u{201D}"])
    }
}
