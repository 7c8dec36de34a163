/// A one-line question and the answer being typed; the resolve prompt also asks who helped.
public struct LinePrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case resolve(id: String)
        case assign(id: String)
        /// Why the issue is withdrawn (a duplicate, spam); required.
        case withdraw(id: String)
        case filter
    }

    public var purpose: Purpose
    public var field: TextField
    /// "Helped by" on the resolve prompt (Tab moves there); `nil` on other prompts.
    public var helper: TextField?
    /// Whether typing goes into `helper` rather than `field`.
    public var onHelper = false

    public init(_ purpose: Purpose, text: String = "", helper: String? = nil) {
        self.purpose = purpose
        self.field = TextField(text)
        self.helper = helper.map { TextField($0) }
    }

    /// One editing step in the field that has the focus.
    public mutating func apply(_ edit: FieldEdit) {
        if onHelper, helper != nil { helper!.apply(edit) } else { field.apply(edit) }
    }

    /// Tab: between the answer and "helped by".
    public mutating func switchField() {
        if helper != nil { onHelper.toggle() }
    }
}
