import Testing
import XMLSupport

@Suite struct XMLSchemaTests {
    let schemaPath = Fixture.path("Schemas/invoice.xsd")
    let valid = Fixture.path("Schemas/valid-invoice.xml")
    let invalid = Fixture.path("Schemas/invalid-invoice.xml")

    @Test func aValidDocumentHasNoDiagnostics() throws {
        let schema = try XMLSchema(path: schemaPath)
        #expect(schema.validate(path: valid) == [])
        let bytes = try #require(readFile(valid))
        #expect(schema.validate(bytes: bytes, fileName: "valid.xml") == [])
    }

    @Test func anInvalidDocumentGetsOneDiagnosticPerErrorNamingTheElement() throws {
        let schema = try XMLSchema(path: schemaPath)
        let diagnostics = schema.validate(path: invalid)
        #expect(diagnostics.map(\.line) == [6, 8, 9])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.file == invalid })
        #expect(
            diagnostics.map(\.description) == [
                "\(invalid):6:0: Element '{urn:invoicerun:test}Amount': 'a lot' is not a valid value of the atomic type 'xs:decimal'.",
                "\(invalid):8:0: Element '{urn:invoicerun:test}Total', attribute 'currency': [facet 'enumeration'] The value 'GBP' is not an element of the set {'EUR', 'USD'}.",
                "\(invalid):9:0: Element '{urn:invoicerun:test}Discount': This element is not expected.",
            ])
    }

    @Test func typesFromAnIncludedSchemaInTheSameDirectoryAreUsed() throws {
        // AmountType and its currency list live in common.xsd, pulled in by xs:include.
        let schema = try XMLSchema(path: schemaPath)
        let document = """
            <Invoice xmlns="urn:invoicerun:test" number="7"><Customer>A</Customer>
            <Line><Description>B</Description><Amount currency="CHF">1</Amount></Line>
            <Total currency="EUR">1</Total></Invoice>
            """
        let diagnostics = schema.validate(bytes: Array(document.utf8), fileName: "chf.xml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.message.contains("'CHF' is not an element of the set {'EUR', 'USD'}") == true)
    }

    @Test func aReaderWithASchemaThrowsTheFirstValidityError() throws {
        let schema = try XMLSchema(path: schemaPath)
        let reader = try XMLStreamReader(path: invalid, schema: schema)
        let error = #expect(throws: XMLDiagnostic.self) { try Fixture.readAll(reader) }
        #expect(error?.line == 6)
        #expect(error?.message.hasPrefix("Element '{urn:invoicerun:test}Amount'") == true)
    }

    @Test func aReaderWithASchemaReadsAValidDocument() throws {
        let schema = try XMLSchema(path: schemaPath)
        let reader = try XMLStreamReader(path: valid, schema: schema)
        #expect(try Fixture.readAll(reader).contains("Meyer & Söhne"))
        #expect(reader.diagnostics.isEmpty)
    }

    @Test func malformedDocumentsAreDiagnosticsToo() throws {
        let schema = try XMLSchema(path: schemaPath)
        let diagnostics = schema.validate(
            bytes: Array("<Invoice xmlns=\"urn:invoicerun:test\">\n<Customer>".utf8), fileName: "cut.xml")
        #expect(Set(diagnostics).count == diagnostics.count, "no diagnostic twice")
        let last = try #require(diagnostics.last)
        #expect(last.severity == .fatal)
        #expect(last.file == "cut.xml")
        #expect(last.code == .truncatedDocument)
    }

    @Test func aMissingDocumentIsOneDiagnostic() throws {
        let schema = try XMLSchema(path: schemaPath)
        let diagnostics = schema.validate(path: "/nonexistent/invoice.xml")
        #expect(diagnostics.map(\.code) == [.unreadableFile])
    }

    @Test func aDocumentThatIsNotASchemaIsRefused() {
        let path = Fixture.path("Documents/invoice.xml")
        let error = #expect(throws: XMLDiagnostic.self) { try XMLSchema(path: path) }
        #expect(error?.message == "The XML document '\(path)' is not a schema document.")
    }

    @Test func aMissingSchemaIsRefused() {
        let error = #expect(throws: XMLDiagnostic.self) { try XMLSchema(path: "/nonexistent/invoice.xsd") }
        #expect(error?.code == .unreadableFile)
        #expect(error?.description == "/nonexistent/invoice.xsd:0:0: cannot open schema file")
    }

    @Test func oneSchemaValidatesOnManyThreadsAtOnce() async throws {
        let schema = try XMLSchema(path: schemaPath)
        let valid = self.valid
        let invalid = self.invalid
        let counts = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<25).map { round in schema.validate(path: round.isMultiple(of: 2) ? valid : invalid).count }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let expected = (0..<25).map { $0.isMultiple(of: 2) ? 0 : 3 }
        #expect(counts == Array(repeating: expected, count: 8))
    }
}
