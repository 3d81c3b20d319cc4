internal import Mustache

/// The slots a form's rendering asked for, each with its mark, and whether a value was asked
/// for in a way a form cannot reproduce. Used by one rendering on one thread.
final class FormRecorder {
    /// A mark starts with a private-use character, then the characters HTML escaping changes,
    /// so a mark that was escaped no longer reads as one.
    static let opening = "\u{E000}&<>\"'"
    /// A mark ends with the next private-use character, after its slot's number.
    static let closing = "\u{E001}"

    /// The slots marked, in the order of their numbers.
    private(set) var slots: [Slot] = []
    private var numbers: [Slot: Int] = [:]
    /// Whether a value was asked for that a form cannot stand in for.
    private(set) var refused = false

    typealias Slot = PageForm.Slot

    /// The mark of `slot`: the same mark each time the slot is asked for.
    func mark(_ slot: Slot) -> String {
        let number: Int
        if let known = numbers[slot] {
            number = known
        } else {
            number = slots.count
            numbers[slot] = number
            slots.append(slot)
        }
        return Self.opening + String(number) + Self.closing
    }

    /// Notes that the page has no form, and answers `value` so the rendering goes on.
    func refuse(_ value: Any) -> Any {
        refused = true
        return value
    }
}

/// A page's context as a form's rendering sees it: true and false as they are, every other
/// value as the mark of its slot, if the templates use it as the slot reproduces (see `PageForm`).
struct FormContext: MustacheParent {
    let page: PageContext
    let usage: TemplateUsage
    let recorder: FormRecorder

    func child(named name: String) -> Any? {
        guard let value = page.child(named: name) else { return nil }
        if value is Bool { return value }
        let uses = usage.uses[name] ?? []
        switch value {
        case is RowText, is Int:
            guard uses.isSubset(of: [.variable]) else { return recorder.refuse(value) }
            return RowText(text: recorder.mark(.text(name)))
        case is TemplateRow, is [TemplateRow]:
            guard uses.isSubset(of: [.rowBlock]) else { return recorder.refuse(value) }
            return TemplateRow(text: recorder.mark(.rows(name)))
        case is [String: String]:
            let onlyMembers = uses.allSatisfy { if case .member = $0 { true } else { false } }
            guard onlyMembers else { return recorder.refuse(value) }
            return MemberMarks(name: name, recorder: recorder)
        default:
            return recorder.refuse(value)
        }
    }
}

/// A table of texts as a form's rendering sees it: the mark of each key's slot.
struct MemberMarks: MustacheParent {
    let name: String
    let recorder: FormRecorder

    func child(named key: String) -> Any? {
        RowText(text: recorder.mark(.member(name, key: key)))
    }
}
