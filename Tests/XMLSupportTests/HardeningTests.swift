import Glibc
import Testing

@testable import XMLSupport

/// A hostile or broken document and the diagnostic it must produce.
struct HostileDocument: Sendable, CustomTestStringConvertible {
    var fixture: String
    var limits = XMLLimits()
    var code: XMLDiagnostic.Code
    var message: String
    var line: Int
    /// 0 where the diagnostic belongs to a node, whose column libxml2 does not keep.
    var column: Int

    var testDescription: String { fixture }

    static let all: [HostileDocument] = [
        HostileDocument(
            fixture: "billion-laughs.xml", code: .doctypeNotAllowed,
            message: "DOCTYPE declarations are not allowed", line: 2, column: 1),
        HostileDocument(
            fixture: "xxe.xml", code: .doctypeNotAllowed,
            message: "DOCTYPE declarations are not allowed", line: 2, column: 1),
        HostileDocument(
            fixture: "external-dtd.xml", code: .doctypeNotAllowed,
            message: "DOCTYPE declarations are not allowed", line: 3, column: 1),
        HostileDocument(
            fixture: "truncated.xml", code: .truncatedDocument,
            message: "the document ends inside <Total>; the file may be truncated", line: 4, column: 27),
        HostileDocument(
            fixture: "latin1-undeclared.xml", code: .libxml2(9),
            message: "Input is not proper UTF-8, indicate encoding ! Bytes: 0xE4 0x72 0x7A 0x20", line: 3, column: 14),
        HostileDocument(
            fixture: "depth-bomb.xml", limits: XMLLimits(maxDepth: 100), code: .depthLimitExceeded,
            message: "elements are nested deeper than the limit of 100 levels", line: 2, column: 0),
        HostileDocument(
            fixture: "depth-bomb.xml", code: .libxml2(1),
            message: "Excessive depth in document: 256 use XML_PARSE_HUGE option", line: 2, column: 774),
        HostileDocument(
            fixture: "huge-text.xml", limits: XMLLimits(maxTextLength: 10_000), code: .textLimitExceeded,
            message: "text is longer than the limit of 10000 bytes", line: 3, column: 0),
    ]
}

@Suite struct HardeningTests {
    /// The start of every /etc/passwd; it must never surface anywhere.
    let passwdMarker = "root:x:0:0"

    @Test(arguments: HostileDocument.all)
    func readerStopsWithAPositionedDiagnostic(document: HostileDocument) throws {
        let path = Fixture.path("Hardening/" + document.fixture)
        let reader = try XMLStreamReader(path: path, limits: document.limits)
        var values: [String] = []
        let error = #expect(throws: XMLDiagnostic.self) {
            while try reader.read() {
                if let value = reader.value { values.append(value) }
            }
        }
        #expect(error?.code == document.code)
        #expect(error?.description == "\(path):\(document.line):\(document.column): \(document.message)")
        #expect(reader.diagnostics == [error], "one diagnostic, recorded once")
        #expect(!values.joined().contains(passwdMarker))
    }

    @Test(arguments: HostileDocument.all)
    func inMemoryReaderStopsTheSameWay(document: HostileDocument) throws {
        let path = Fixture.path("Hardening/" + document.fixture)
        let bytes = try #require(readFile(path))
        let reader = try XMLStreamReader(bytes: bytes, fileName: document.fixture, limits: document.limits)
        let error = #expect(throws: XMLDiagnostic.self) { try Fixture.readAll(reader) }
        #expect(error?.code == document.code)
        #expect(error?.description == "\(document.fixture):\(document.line):\(document.column): \(document.message)")
    }

    @Test(arguments: HostileDocument.all.filter { $0.limits == XMLLimits() })
    func schemaValidationReportsTheSameProblem(document: HostileDocument) throws {
        let schema = try XMLSchema(path: Fixture.path("Schemas/invoice.xsd"))
        let path = Fixture.path("Hardening/" + document.fixture)
        let diagnostics = schema.validate(path: path)
        let fatal = try #require(diagnostics.first { $0.severity == .fatal })
        #expect(fatal.code == document.code)
        #expect(fatal.description == "\(path):\(document.line):\(document.column): \(document.message)")
        #expect(diagnostics.filter { $0.severity == .fatal }.count == 1)
        #expect(!diagnostics.map(\.message).joined().contains(passwdMarker))
    }

    @Test func aDoctypeIsRefusedBeforeTheParserSeesIt() throws {
        // Were the internal subset parsed, the undefined entity would be the first error reported.
        let bytes = Array(
            "<!-- a -->\n<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;&undefined;</a>".utf8)
        let reader = try XMLStreamReader(bytes: bytes, fileName: "doc.xml")
        let error = #expect(throws: XMLDiagnostic.self) { try reader.read() }
        #expect(error?.description == "doc.xml:2:1: DOCTYPE declarations are not allowed")
        #expect(reader.diagnostics == [error])
    }

    @Test func aDoctypeInUTF16IsRefused() throws {
        var bytes: [UInt8] = []
        for unit in "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE a><a/>".utf16 {
            bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let reader = try XMLStreamReader(bytes: bytes, fileName: "utf16.xml")
        let error = #expect(throws: XMLDiagnostic.self) { try reader.read() }
        #expect(error?.description == "utf16.xml:2:1: DOCTYPE declarations are not allowed")
    }

    @Test func aDocumentInUCS4IsRefused() throws {
        let reader = try XMLStreamReader(
            bytes: [0, 0, 0, 0x3C, 0, 0, 0, 0x61, 0, 0, 0, 0x2F, 0, 0, 0, 0x3E], fileName: "ucs4.xml")
        let error = #expect(throws: XMLDiagnostic.self) { try reader.read() }
        #expect(error?.code == .unsupportedEncoding)
        #expect(error?.line == 1)
    }

    @Test func doctypeTextInsideCommentsAndCDATAIsHarmless() throws {
        let text = "<!-- <!DOCTYPE a> -->\n<a><![CDATA[<!DOCTYPE a>]]><!-- <!DOCTYPE b> --></a>"
        let reader = try XMLStreamReader(bytes: Array(text.utf8), fileName: "ok.xml")
        #expect(try Fixture.readAll(reader) == [" <!DOCTYPE a> ", "<!DOCTYPE a>", " <!DOCTYPE b> "])
    }

    @Test(arguments: ["UntrustedSchemas/escape.xsd", "UntrustedSchemas/network.xsd", "UntrustedSchemas/xxe.xsd"])
    func schemasCannotLoadAnythingOutsideTheirDirectory(name: String) throws {
        let error = #expect(throws: XMLDiagnostic.self) { try XMLSchema(path: Fixture.path(name)) }
        #expect(error?.code == .externalResourceRefused)
        #expect(error?.message.hasPrefix("refusing to load external resource \"") == true)
        #expect(error?.message.contains(passwdMarker) == false)
    }

    @Test(arguments: [
        ("file:///srv/schemas/a%20b.xsd", "/srv/schemas/a b.xsd"),
        ("file://localhost/srv/a.xsd", "/srv/a.xsd"),
        ("/srv/a.xsd", "/srv/a.xsd"),
        ("common/a.xsd", "common/a.xsd"),
    ])
    func loaderUnderstandsFilePaths(url: String, path: String) {
        #expect(HardenedEntityLoader.localPath(for: url) == path)
    }

    @Test(arguments: [
        "http://www.w3.org/2001/xml.xsd", "https://example.com/a.xsd", "ftp://example.com/a.xsd",
        "file://example.com/a.xsd", "jar:file:/a.jar!/a.xsd", "file:///a%00b.xsd", "",
    ])
    func loaderRefusesEverythingElse(url: String) {
        #expect(HardenedEntityLoader.localPath(for: url) == nil)
    }

    @Test func loaderDoesNotFollowSymbolicLinksOutOfATrustedDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("inside.xsd", "<x/>")
        #expect(symlink("/etc/passwd", directory.path + "/passwd.xsd") == 0)
        HardenedEntityLoader.trust(directory: try #require(HardenedEntityLoader.realPath(directory.path)))
        #expect(HardenedEntityLoader.trustedPath(for: directory.path + "/inside.xsd") != nil)
        #expect(HardenedEntityLoader.trustedPath(for: directory.path + "/passwd.xsd") == nil)
        #expect(HardenedEntityLoader.trustedPath(for: directory.path + "/../../etc/passwd") == nil)
    }
}
