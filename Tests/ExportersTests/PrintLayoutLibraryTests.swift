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
}
