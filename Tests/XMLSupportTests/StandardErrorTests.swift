import Glibc
import Testing
import XMLSupport

@Suite struct StandardErrorTests {
    /// Runs every kind of broken input through the module with file descriptor 2 pointing to a
    /// temporary file, then checks that libxml2 wrote nothing there.
    @Test func libxml2NeverWritesToStandardError() throws {
        let directory = try TemporaryDirectory()
        let capture = directory.path + "/stderr.txt"
        let file = open(capture, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(file >= 0)
        fflush(nil)
        let saved = dup(2)
        dup2(file, 2)
        close(file)

        let schema = try? XMLSchema(path: Fixture.path("Schemas/invoice.xsd"))
        for fixture in HostileDocument.all.map(\.fixture) + ["../Schemas/invalid-invoice.xml"] {
            let path = Fixture.path("Hardening/" + fixture)
            if let reader = try? XMLStreamReader(path: path, schema: schema) {
                _ = try? Fixture.readAll(reader)
            }
            _ = schema?.validate(path: path)
        }
        for name in [
            "UntrustedSchemas/escape.xsd", "UntrustedSchemas/network.xsd", "UntrustedSchemas/xxe.xsd",
            "Documents/invoice.xml",
        ] {
            _ = try? XMLSchema(path: Fixture.path(name))
        }
        _ = try? XMLSchema(path: Fixture.path("Hardening/truncated.xml"))
        let warnings = try? XMLStreamReader(bytes: Array("<a xmlns=\"relative\">&bogus;</a>".utf8), fileName: "w.xml")
        _ = try? warnings.map(Fixture.readAll)

        fflush(nil)
        dup2(saved, 2)
        close(saved)
        // Swift Testing reports the progress of suites running meanwhile on stderr, so look for
        // the severity labels libxml2's default handler prints ("parser error : ...") instead of
        // expecting nothing at all.
        let written = String(decoding: readFile(capture) ?? [], as: UTF8.self)
        let libxml2Shapes = ["error : ", "warning : "]
        for shape in libxml2Shapes {
            #expect(!written.contains(shape), "stderr contains \"\(shape)\"")
        }
    }
}
