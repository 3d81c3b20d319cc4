import Synchronization

/// The forms of one set of templates, made as pages of each kind first come, shared by the
/// threads that render.
final class PageForms: Sendable {
    /// How the templates use each name.
    let usage: TemplateUsage
    /// The names the templates use, in order: a page's kind is the template and what each of
    /// them is.
    private let names: [String]
    /// The form of each kind of page, or nil for a kind that has none.
    private let forms = Mutex<[Kind: PageForm?]>([:])

    init(usage: TemplateUsage) {
        self.usage = usage
        self.names = usage.uses.keys.sorted()
    }

    /// A kind of page: its template, what the document's fields are (`shape(of:)`), and which
    /// of the page's own values it has (first, last, rows brought and carried forward).
    struct Kind: Hashable {
        let template: String
        let shape: [UInt8]
        let page: UInt8
    }

    /// What each name the templates use is in `fields`, a document's: true, false, missing or
    /// something else, which is what sections and inverted sections decide on.
    func shape(of fields: [String: Any]) -> [UInt8] {
        names.map { name in
            switch fields[name] {
            case nil: 0
            case let flag as Bool: flag ? 1 : 2
            default: 3
            }
        }
    }

    /// The kind of `page` rendered with `template`. The names a page answers itself shadow the
    /// fields of the same names: those that can be true, false or missing are its flags.
    func kind(of page: PageContext, template: String) -> Kind {
        let flags: [Bool] = [page.firstPage, page.lastPage, page.broughtForward != nil, page.carriedForward != nil]
        return Kind(
            template: template, shape: page.shape,
            page: flags.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) })
    }

    /// How many kinds of page of `template` have been met, with a form and without one.
    func kinds(of template: String) -> (withForm: Int, without: Int) {
        forms.withLock { forms in
            let kinds = forms.filter { $0.key.template == template }
            let withForm = kinds.values.filter { $0 != nil }.count
            return (withForm, kinds.count - withForm)
        }
    }

    /// The UTF-8 text of `page` rendered with `template`, through the form of its kind, made with
    /// `render` the first time; nil when the kind has no form or `page` does not fit it.
    func text(of page: PageContext, template: String, render: (FormContext) -> String?) -> [UInt8]? {
        let kind = kind(of: page, template: template)
        let known = forms.withLock { $0[kind] }
        let form: PageForm?
        if let known {
            form = known
        } else {
            let recorder = FormRecorder()
            let rendered = render(FormContext(page: page, usage: usage, recorder: recorder))
            form = rendered.flatMap { recorder.refused ? nil : PageForm(rendered: $0, slots: recorder.slots) }
            forms.withLock { $0[kind] = .some(form) }
        }
        return form?.filled(with: page)
    }
}
