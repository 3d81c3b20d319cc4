import Foundation
import InvoicingCore
import Testing

@testable import Exporters

/// A one-page document is rendered once, with marker rows whose place the real rows take: the
/// bytes must be those of rendering the page with its rows, and any layout that shows its rows
/// in another way must be rendered whole.
@Suite
struct PrintLayoutsSplicingTests {
    /// The German fixture invoice with rows that test the splice: markup characters, trailing
    /// spaces, a line feed inside a row and an empty last row.
    static func awkwardModel() throws -> InvoicePrintModel {
        var model = InvoicePrintModel(try Fixture.germanInvoice)
        model.items[0].rows.append(PrintRow(text: "   Müller & Söhne <Lager> \"Nord\" 'B'   "))
        model.items[0].rows.append(PrintRow(text: "first half\nsecond half  "))
        model.items[model.items.count - 1].rows.append(PrintRow(text: "  "))
        return model
    }

    /// The bundled layouts, and the same with a comment naming `lines` in the invoice template,
    /// which makes every page render whole.
    static func splicedAndWhole() throws -> (spliced: PrintLayouts, whole: PrintLayouts, folder: URL) {
        let invoice = try String(contentsOfFile: Fixture.templates + "/invoice.mustache", encoding: .utf8)
        let folder = try PrintLayoutsTests.folder(["invoice.mustache": invoice + "{{! the lines as they are }}\n"])
        return (
            try PrintLayouts(directory: Fixture.templates),
            try PrintLayouts(directory: Fixture.templates, overrides: folder.path), folder
        )
    }

    @Test func theBundledLayoutsShowTheirItemsAsAStandaloneBlock() throws {
        let (spliced, whole, folder) = try Self.splicedAndWhole()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(spliced.itemsSpliceable)
        #expect(!whole.itemsSpliceable)
    }

    @Test func aSplicedPageIsTheBytesOfAPageRenderedWithItsRows() throws {
        let (spliced, whole, folder) = try Self.splicedAndWhole()
        defer { try? FileManager.default.removeItem(at: folder) }
        for model in [try Self.awkwardModel(), InvoicePrintModel(try Fixture.englishInvoice)] {
            let text = try spliced.render(model)
            #expect(text == (try whole.render(model)))
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 71)
        }
        // Several pages are rendered whole either way, and agree too.
        let long = InvoicePrintModel(try Fixture.longInvoice(try Fixture.germanInvoice, times: 40))
        #expect(try spliced.render(long) == (try whole.render(long)))
    }

    @Test(arguments: [
        "{{#lines}}\n{{text}}\n{{/lines}}\nItems: {{count(lines)}}\n",
        "{{#lines}}\n{{text}}\n{{/lines}}\n{{^lines}}\nNo items\n{{/lines}}\n",
        "{{#lines}}{{text}} | {{/lines}}\n",
        "  {{#lines}}\n  {{text}}\n  {{/lines}}\n",
        "{{#lines}}\n{{text}}\n{{/lines}}\n{{#lines}}\n{{text}}\n{{/lines}}\n",
    ])
    func aLayoutThatShowsItsItemsOtherwiseIsNotSpliced(page: String) {
        #expect(!PrintLayouts.itemsAreStandalone(["{{% CONTENT_TYPE: TEXT}}\n" + page]))
    }

    @Test func aLayoutThatEscapesItsRowsIsRenderedWhole() throws {
        // No CONTENT_TYPE: TEXT, so Mustache escapes the rows as HTML; the marker rows come out
        // changed, and the page is rendered with its real rows.
        let layouts = try PrintLayouts(templates: [
            "invoice": ("invoice.mustache", "{{title}}\n{{#lines}}\n{{text}}\n{{/lines}}\n{{rule}}\n"),
            "pagefooter": ("pagefooter.mustache", "{{pageFooter}}\n"),
        ])
        #expect(layouts.itemsSpliceable)
        let text = try layouts.render(try Self.awkwardModel())
        #expect(text.contains("   Müller &amp; Söhne &lt;Lager&gt; &quot;Nord&quot; &#39;B&#39;\n"))
        #expect(!text.contains("\u{E000}"))
    }

    /// The fields a document gives its templates are its stored properties, every one, with
    /// rows as template rows: as reading them by reflection gave them.
    @Test func templateFieldsAreTheStoredPropertiesWithRowsAsTemplateRows() throws {
        let invoice = try Fixture.germanInvoice
        let journal = PostingJournalBuilder(page: .standard, language: .german)
            .model([Fixture.posting(invoice)], companyCode: invoice.seller, runID: "RUN-1")
        let documents: [any PagedDocument] = [try Self.awkwardModel(), journal]
        for document in documents {
            let fields = document.templateFields
            let children = Mirror(reflecting: document).children
            #expect(Set(fields.keys) == Set(children.compactMap(\.label)))
            for child in children {
                let label = try #require(child.label)
                if let row = child.value as? PrintRow {
                    #expect((fields[label] as? TemplateRow)?.text == row.text, "\(label)")
                } else if let rows = child.value as? [PrintRow] {
                    #expect((fields[label] as? [TemplateRow])?.map(\.text) == rows.map(\.text), "\(label)")
                } else {
                    #expect(String(describing: fields[label]) == String(describing: Optional(child.value)), "\(label)")
                }
            }
        }
    }
}
