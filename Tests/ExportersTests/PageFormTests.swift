import Foundation
import InvoicingCore
import Testing

@testable import Exporters

/// A page is rendered once per kind of page, with marks in place of its values, and filled in
/// after (`PageForm`): the bytes must be those of rendering each page whole, and any layout that
/// uses its values in a way a form cannot reproduce must be rendered whole.
@Suite
struct PageFormTests {
    /// The German fixture invoice with rows that test the forms: markup characters, trailing
    /// spaces, a line feed inside a row, an empty last row, a Mustache tag and the private-use
    /// characters the forms mark their slots with.
    static func awkwardModel(kind: PrintDocumentKind = .invoice, language: String = "de") throws -> InvoicePrintModel {
        var invoice = Fixture.inLanguage(try Fixture.germanInvoice, language)
        invoice.simulated = kind == .preliminaryInvoice
        var model = InvoicePrintModelBuilder().model(invoice, kind: kind)
        model.items[0].rows.append(PrintRow(text: "   Müller & Söhne <Lager> \"Nord\" 'B'   "))
        model.items[0].rows.append(PrintRow(text: "first half\nsecond half  "))
        model.items[0].rows.append(PrintRow(text: "{{title}} \u{E000}&<>\"'0\u{E001} {{#lines}}"))
        model.items[model.items.count - 1].rows.append(PrintRow(text: "  "))
        model.title += " \u{E000}&<>\"'1\u{E001}"
        model.buyer.append(PrintRow(text: "c/o {{rule}}"))
        return model
    }

    /// `layouts` with every page rendered whole.
    static func whole(_ layouts: PrintLayouts) -> PrintLayouts {
        var whole = layouts
        whole.forms = nil
        return whole
    }

    @Test func theBundledLayoutsHaveForms() throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let usage = try #require(layouts.forms?.usage)
        #expect(usage.uses["lines"] == [.rowBlock])
        #expect(usage.uses["title"] == [.variable])
        #expect(usage.uses["firstPage"] == [.section])
        #expect(usage.uses["labels"] == [.member("markPreliminary"), .member("simulated"), .member("proForma")])
    }

    @Test(arguments: PrintDocumentKind.documents, ["en", "de"])
    func aPageThroughItsFormIsThePageRenderedWhole(kind: PrintDocumentKind, language: String) throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let whole = Self.whole(layouts)
        let awkward = try Self.awkwardModel(kind: kind, language: language)
        var english = Fixture.inLanguage(try Fixture.englishInvoice, language)
        english.simulated = kind == .preliminaryInvoice
        let long = try Fixture.longInvoice(english, times: 40)
        let models = [
            awkward, InvoicePrintModelBuilder().model(english, kind: kind),
            InvoicePrintModelBuilder().model(long, kind: kind),
        ]
        for model in models {
            let text = try layouts.render(model)
            #expect(text == (try whole.render(model)))
            // Each page has its 70 lines: a form feed ends each but the last, a line feed the last.
            let pages = text.dropLast().split(separator: "\u{0C}", omittingEmptySubsequences: false)
            #expect(pages.allSatisfy { $0.split(separator: "\n", omittingEmptySubsequences: false).count == 70 })
        }
        #expect(try layouts.render(models[2]).contains("\u{0C}"))
        // Every kind of page met had a form: first, middle and last pages, and one-page documents.
        let kinds = try #require(layouts.forms?.kinds(of: kind.templateName))
        #expect(kinds.withForm >= 4 && kinds.without == 0)
    }

    @Test func aJournalThroughItsFormsIsTheJournalRenderedWhole() throws {
        let layouts = try PrintLayouts(directory: Fixture.templates)
        let invoices = [try Fixture.germanInvoice, try Fixture.longInvoice(try Fixture.germanInvoice, times: 30)]
        let journal = PostingJournalBuilder(page: .standard, language: .german)
            .model(invoices.map { Fixture.posting($0) }, companyCode: invoices[0].seller, runID: "RUN-1")
        let text = try layouts.render(journal)
        #expect(text == (try Self.whole(layouts).render(journal)))
        #expect(text.contains("\u{0C}"))
    }

    /// Layouts whose templates use a value in a way a form cannot reproduce: through a transform,
    /// as the current object, in an indented partial, after new delimiters, rows inline or in an
    /// inverted section, a text in a section.
    @Test(arguments: [
        ("{{#lines}}\n{{text}}\n{{/lines}}\nItems: {{count(lines)}}\n", false),
        ("{{#lines}}\n{{uppercased(text)}}\n{{/lines}}\n", false),
        ("{{#lines}}\n{{.}}\n{{/lines}}\n", false),
        ("{{#lines}}\n{{text}}\n{{/lines}}\n  {{> pagefooter}}\n", false),
        ("{{=<% %>=}}\n<%#lines%>\n<%text%>\n<%/lines%>\n", false),
        ("{{#lines}}\n{{text}}\n{{/lines}}\n\u{E000}\n", false),
        ("{{#lines}}\n{{text}}\n{{/lines}}\n{{^lines}}\nNo items\n{{/lines}}\n", true),
        ("{{#lines}}{{text}} | {{/lines}}\n", true),
        ("  {{#lines}}\n  {{text}}\n  {{/lines}}\n", true),
        ("{{#lines}}\n{{text}}\n{{/lines}}\n{{#title}}\n[{{text}}]\n{{/title}}\n", true),
        ("{{#lines}}\n{{text}}\n{{/lines}}\n{{labels}}\n", true),
        ("{{#lines}}\n{{text}}\n{{/lines}}\n{{kind}}\n", true),
    ])
    func aLayoutAFormCannotReproduceIsRenderedWhole(page: String, scanned: Bool) throws {
        let layouts = try PrintLayouts(templates: [
            "invoice": ("invoice.mustache", "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n" + page),
            "pagefooter": ("pagefooter.mustache", "{{% CONTENT_TYPE: TEXT}}\n{{pageFooter}}\n"),
        ])
        #expect((layouts.forms != nil) == scanned)
        let model = try Self.awkwardModel()
        #expect(try layouts.render(model) == (try Self.whole(layouts).render(model)))
        if let forms = layouts.forms { #expect(forms.kinds(of: "invoice").withForm == 0) }
    }

    @Test func aLayoutThatShowsItsRowsTwiceFillsBothPlaces() throws {
        let layouts = try PrintLayouts(templates: [
            "invoice": (
                "invoice.mustache",
                "{{% CONTENT_TYPE: TEXT}}\n{{#lines}}\n{{text}}\n{{/lines}}\n{{rule}}\n{{#lines}}\n{{text}}\n{{/lines}}\n"
            ),
            "pagefooter": ("pagefooter.mustache", "{{% CONTENT_TYPE: TEXT}}\n{{pageFooter}} {{labels.page}}\n"),
        ])
        #expect(layouts.forms != nil)
        let model = try Self.awkwardModel()
        let text = try layouts.render(model)
        #expect(text == (try Self.whole(layouts).render(model)))
        #expect(text.components(separatedBy: "first half\nsecond half\n").count == 3)
    }

    @Test func aLayoutThatEscapesItsValuesIsRenderedWhole() throws {
        // No CONTENT_TYPE: TEXT, so Mustache escapes the values as HTML; the marks come out
        // changed, and the page is rendered with its real values.
        let layouts = try PrintLayouts(templates: [
            "invoice": ("invoice.mustache", "{{title}}\n{{#lines}}\n{{text}}\n{{/lines}}\n{{rule}}\n"),
            "pagefooter": ("pagefooter.mustache", "{{pageFooter}}\n"),
        ])
        #expect(layouts.forms != nil)
        let text = try layouts.render(try Self.awkwardModel())
        #expect(text.contains("   Müller &amp; Söhne &lt;Lager&gt; &quot;Nord&quot; &#39;B&#39;\n"))
        #expect(text.contains("{{title}} \u{E000}&amp;&lt;&gt;&quot;&#39;0\u{E001} {{#lines}}"))
        #expect(layouts.forms?.kinds(of: "invoice").withForm == 0)
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
