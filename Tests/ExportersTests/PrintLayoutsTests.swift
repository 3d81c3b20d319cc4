import Exporters
import Foundation
import Testing

@Suite
struct PrintLayoutsTests {
    static let templates = Fixture.templates

    /// A scratch folder of templates, removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layouts-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    @Test func theBundledInvoiceLayoutPrintsTheModel() throws {
        let layouts = try PrintLayouts(directory: Self.templates)
        #expect(layouts.page == .standard)
        let text = try layouts.render(InvoicePrintModel(try Fixture.germanInvoice))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == String(repeating: " ", count: 58) + "Nordlicht Energie GmbH")
        #expect(lines.contains("RECHNUNG"))
        #expect(lines.contains("Referenz: IN-1000-2026-000009"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(text.hasSuffix("Seite 1 von 1\n"))
        #expect(!text.contains("&#"))  // no HTML escaping in a text layout
    }

    @Test func aCompanyFolderOverridesATemplateByName() throws {
        let folder = try Self.folder([
            "partials/letterhead.mustache": "{{% CONTENT_TYPE: TEXT}}\nOUR OWN LETTERHEAD\nSECOND LINE\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let layouts = try PrintLayouts(directory: Self.templates, overrides: folder.path)
        let text = try layouts.render(InvoicePrintModel(try Fixture.englishInvoice))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "OUR OWN LETTERHEAD")
        #expect(lines[3] == "SECOND LINE")
        #expect(text.contains("INVOICE"))
        #expect(lines.count == 71)  // a shorter letterhead still gives a full page
    }

    @Test func aCompanyFolderSetsThePageSize() throws {
        let folder = try Self.folder(["page.json": #"{ "width": 96, "length": 60 }"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        let layouts = try PrintLayouts(directory: Self.templates, overrides: folder.path)
        #expect(layouts.page == PageSettings(width: 96, length: 60))
        let model = InvoicePrintModelBuilder(page: layouts.page).model(try Fixture.germanInvoice)
        let lines = try layouts.render(model).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 61)
        #expect(lines[lines.count - 2].count == 96)  // "Seite 1 von 1" ends the footer at the right margin
    }

    @Test func aPageSizeOutOfRangeIsNamedWithItsFile() throws {
        let folder = try Self.folder(["page.json": #"{ "width": 40, "length": 60 }"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try PrintLayouts(directory: Self.templates, overrides: folder.path)
        } throws: { error in
            "\(error)" == "\(folder.path)/page.json:0:0: page width 40: expected 72 to 250 characters"
        }
    }

    @Test func aPageTooShortForTheLayoutIsRefusedNotOverflowed() throws {
        let layouts = try PrintLayouts(directory: Self.templates, page: PageSettings(width: 80, length: 24))
        let model = InvoicePrintModelBuilder(layouts: layouts).model(try Fixture.germanInvoice)
        #expect {
            try layouts.render(model)
        } throws: { error in
            "\(error)".hasPrefix("invoice:0:0: page length 24 is too short for this layout: it needs at least ")
        }
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

    @Test func aBrokenTemplateInACompanyFolderIsNamedWithItsPathAndLine() throws {
        let folder = try Self.folder([
            "partials/totals.mustache": "{{% CONTENT_TYPE: TEXT}}\n{{#netTotal}}\n{{text}}\n{{/grossTotal}}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try PrintLayouts(directory: Self.templates, overrides: folder.path)
        } throws: { error in
            let error = error as? TemplateError
            return error?.file == folder.path + "/partials/totals.mustache" && error?.line == 4
        }
    }

    @Test func aLanguageFileAddsALanguageChosenByTheAccount() throws {
        let folder = try Self.folder([
            "languages/fr.json": """
            {
              "decimalSeparator": ",", "groupingSeparator": " ", "datePattern": "dd/MM/yyyy",
              "labels": { "invoice.title": "FACTURE", "number": "Numéro de facture", "gross": "Total à payer",
                          "page": "Page", "of": "sur" }
            }
            """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let layouts = try PrintLayouts(directory: Self.templates, overrides: folder.path)
        let invoice = Fixture.inLanguage(try Fixture.englishInvoice, "fr")
        let model = InvoicePrintModelBuilder(layouts: layouts).model(invoice)
        #expect(model.title == "FACTURE")
        #expect(model.header[0].text == "Numéro de facture   IN-2000-2026-000003")
        #expect(model.header[1].text == "Invoice date        30/11/2026")  // a text the file leaves out: English
        #expect(model.grossTotal.text.hasSuffix("Total à payer       872,50 GBP"))
        let text = try layouts.render(model)
        #expect(text.hasSuffix("Page 1 sur 1\n"))
        // Accounts in other languages are unaffected.
        #expect(InvoicePrintModelBuilder(layouts: layouts).model(try Fixture.germanInvoice).title == "RECHNUNG")
    }

    @Test func aBrokenLanguageFileIsNamed() throws {
        let folder = try Self.folder(["languages/fr.json": #"{ "decimalSeparator": ",,", "labels": {} }"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try PrintLayouts(directory: Self.templates, overrides: folder.path)
        } throws: { error in
            "\(error)" == "\(folder.path)/languages/fr.json:0:0: decimalSeparator \",,\": expected one character"
        }
    }

    @Test func aMissingTemplateFolderIsNamed() {
        #expect(throws: TemplateError.self) { try PrintLayouts(directory: "/nonexistent/templates") }
    }

    @Test func documentsCombineForMassPrintingEachOnANewPage() {
        #expect(PrintLayouts.combine(["a\nb\n", "c\u{0C}d\n", "e\n"]) == "a\nb\u{0C}c\u{0C}d\u{0C}e\n")
    }
}
