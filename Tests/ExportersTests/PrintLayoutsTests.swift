import Exporters
import Foundation
import Testing

@Suite
struct PrintLayoutsTests {
    static let templates = Fixture.repository.appendingPathComponent("Templates").path

    @Test func theBundledInvoiceLayoutPrintsTheModel() throws {
        let layouts = try PrintLayouts(directory: Self.templates)
        let text = try layouts.render(InvoicePrintModel(try Fixture.germanInvoice))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == String(repeating: " ", count: 58) + "Nordlicht Energie GmbH")
        #expect(lines.contains("RECHNUNG"))
        #expect(lines.contains("Referenz: IN-1000-2026-000009"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("&#"))  // no HTML escaping in a text layout
    }

    @Test func aCompanyFolderOverridesATemplateByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layouts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\nOUR OWN LETTERHEAD\n".utf8)
            .write(to: folder.appendingPathComponent("partials/letterhead.mustache"))
        let layouts = try PrintLayouts(directory: Self.templates, overrides: folder.path)
        let text = try layouts.render(InvoicePrintModel(try Fixture.englishInvoice))
        #expect(text.hasPrefix("OUR OWN LETTERHEAD\n"))
        #expect(text.contains("INVOICE"))
    }

    @Test func aTemplateErrorNamesFileLineAndColumn() throws {
        do {
            _ = try PrintLayouts(templates: [
                "invoice": ("my/invoice.mustache", "line one\n{{#lines}}\n{{text}}\n{{/items}}\n")
            ])
            Issue.record("a broken template was accepted")
        } catch {
            #expect(error.file == "my/invoice.mustache")
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("my/invoice.mustache:4:"))
        }
    }

    @Test func aMissingTemplateFolderIsNamed() {
        #expect(throws: TemplateError.self) { try PrintLayouts(directory: "/nonexistent/templates") }
    }
}
