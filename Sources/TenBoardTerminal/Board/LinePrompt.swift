import TenBoardCore

/// A one-line question and the answer being typed; the resolve prompt also asks who helped.
public struct LinePrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case resolve(id: String)
        case assign(id: String)
        /// Why the issue is withdrawn (a duplicate, spam); required.
        case withdraw(id: String)
        case filter
        /// `t`: who said "klant"; Enter on an empty answer repeats `last`.
        case tally(last: String?)
        /// `p`: the customer's words praising `who`, the helper of issue `id`.
        case praise(id: String, who: String)
    }

    public var purpose: Purpose
    public var field: TextField
    /// "Helped by" on the resolve prompt (Tab moves there); `nil` on other prompts.
    public var helper: TextField?
    /// Whether typing goes into `helper` rather than `field`.
    public var onHelper = false
    /// Names Tab completes in `field` (the tally prompt); `nil` when Tab does not complete.
    public var completion: NameCompletion?
    /// The issue as the lead saw it when the prompt opened (assign): the change is refused when
    /// someone changed it meanwhile, and after that refusal it is the issue as it is now.
    public var seen: Issue?

    /// - Parameters:
    ///   - text: the answer to start with, to go on editing (a filter, the action point it had).
    ///   - suggesting: an answer offered instead (a name): the first character typed replaces it.
    ///   - helper: the name offered for "helped by" (the resolve prompt), also a suggestion.
    public init(_ purpose: Purpose, text: String = "", suggesting: String? = nil, helper: String? = nil,
                names: [String]? = nil, seen: Issue? = nil) {
        self.purpose = purpose
        self.field = suggesting.map { TextField(suggesting: $0) } ?? TextField(text)
        self.helper = helper.map { TextField(suggesting: $0) }
        self.completion = names.map(NameCompletion.init)
        self.seen = seen
    }

    /// One editing step in the field that has the focus.
    public mutating func apply(_ edit: FieldEdit) {
        if onHelper, helper != nil { helper!.apply(edit) } else {
            field.apply(edit)
            completion?.typed()
        }
    }

    /// Tab: between the answer and "helped by".
    public mutating func switchField() {
        if helper != nil { onHelper.toggle() }
    }

    /// Tab on a prompt with names: the next known name starting with what was typed.
    public mutating func complete() {
        if let name = completion?.next(after: field.text) { field.set(name) }
    }
}
