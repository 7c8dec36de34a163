/// The main view of the board.
public enum BoardScreen: Sendable, Equatable {
    case list
    /// One issue in full, the selected one.
    case detail
}

/// What is shown over the main view and takes the keys.
public enum BoardOverlay: Sendable, Equatable {
    case none
    case help
    /// A one-line question at the bottom (resolve, assign, filter).
    case prompt(LinePrompt)
    /// The new-issue form.
    case form(IssueForm)
}

/// A one-line question and the answer being typed.
public struct LinePrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case resolve(id: String)
        case assign(id: String)
        case filter
    }

    public var purpose: Purpose
    public var field: TextField

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.field = TextField(text)
    }
}

/// A line about what just happened, or a problem that lasts (a damaged store).
public struct Notice: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
