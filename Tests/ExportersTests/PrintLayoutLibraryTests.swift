import Exporters
import Foundation
import Testing

/// Templates per company code: `companies/CODE/` in the bundled or the company's own folder.
@Suite
struct PrintLayoutLibraryTests {
    @Test func aCompanyCodeFolderAppliesToThatCompanyCodeOnly() throws {
        let folder = try PrintLayoutsTests.folder([
            "companies/2000/partials/letterhead.mustache": "{{% CONTENT_TYPE: TEXT}}\nHARBOUR DIGITAL\n",
            "companies/2000/page.json": #"{ "width": 90, "length": 60 }"#,
            "partials/address.mustache": "{{% CONTENT_TYPE: TEXT}}\n{{#buyer}}\n{{text}}\n{{/buyer}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try PrintLayoutLibrary(directory: Fixture.templates, overrides: folder.path)
        #expect(Set(library.byCompanyCode.keys) == ["2000"])
        let harbour = library.layouts(forCompanyCode: "2000")
        #expect(harbour.page == PageSettings(width: 90, length: 60))
        let english = try harbour.render(InvoicePrintModelBuilder(layouts: harbour).model(try Fixture.englishInvoice))
        #expect(english.split(separator: "\n")[1] == "HARBOUR DIGITAL")
        // The company's own address partial (outside companies/) applies to every company code.
        #expect(!english.contains("Harbour Digital Ltd · 1 Canada Square"))
        let nordlicht = library.layouts(forCompanyCode: "1000")
        #expect(nordlicht.page == .standard)
        let german = try nordlicht.render(InvoicePrintModel(try Fixture.germanInvoice))
        #expect(!german.contains("HARBOUR DIGITAL"))
        #expect(!german.contains("Nordlicht Energie GmbH · Friedrichstraße 120"))
    }

    @Test func aBrokenTemplateOfOneCompanyCodeStopsTheLoadWithItsPath() throws {
        let folder = try PrintLayoutsTests.folder([
            "companies/1000/invoice.mustache": "{{% CONTENT_TYPE: TEXT}}\n{{#lines}}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try PrintLayoutLibrary(directory: Fixture.templates, overrides: folder.path)
        } throws: { error in
            (error as? TemplateError)?.file == folder.path + "/companies/1000/invoice.mustache"
        }
    }

    /// Texts reach the templates as rows' texts do (`RowText`): transforms and sections apply to
    /// them as to strings.
    @Test func transformsAndSectionsApplyToTextsAsToStrings() throws {
        func letterhead(_ text: String) throws -> String {
            let folder = try PrintLayoutsTests.folder([
                "partials/letterhead.mustache": "{{% CONTENT_TYPE: TEXT}}\n" + text
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let layouts = try PrintLayoutLibrary(directory: Fixture.templates, overrides: folder.path)
                .layouts(forCompanyCode: "2000")
            return try layouts.render(InvoicePrintModelBuilder(layouts: layouts).model(try Fixture.englishInvoice))
        }
        let plain = try letterhead("{{#seller}}\n{{text}}\n{{/seller}}\n<{{title}}>\n")
        let upper = try letterhead("{{#seller}}\n{{uppercased(text)}}\n{{/seller}}\n<{{uppercased(title)}}>\n")
        #expect(plain != upper)
        #expect(plain.uppercased() == upper.uppercased())
        let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        let upperLines = upper.split(separator: "\n", omittingEmptySubsequences: false)
        let title = try #require(plainLines.first { $0.hasPrefix("<") })
        #expect(upperLines.contains(Substring(title.uppercased())))
        // A text is there (a section shows it, an inverted one does not), an unknown name is not.
        let sections = try letterhead(
            "{{#title}}[has title]{{/title}}{{^title}}[no title]{{/title}}{{^nothing}}[no nothing]{{/nothing}}\n")
        #expect(sections.contains("[has title][no nothing]"))
    }
}
