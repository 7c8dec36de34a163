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
