/// A one-line question and the answer being typed.
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

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.field = TextField(text)
    }
}
