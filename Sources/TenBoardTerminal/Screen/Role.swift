import TenBoardCore

/// What a cell means, not how it looks: a `Theme` decides the colours and attributes, so the same
/// grid shows well in 256 colours, on the Linux console's 8 and on a terminal without colour.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case normal
    /// Less important text: column headings' neighbours, helped issues, hints.
    case dim
    /// The top bar of a screen.
    case titleBar
    /// The morning's state, one role per state so each gets its colour.
    case stateWaiting, stateWarning, stateDone, stateOverdue, stateClosed, stateNone
    case columnHeading
    case selected
    /// A line that separates parts of a list ("next morning", "helped").
    case section
    /// Customers who count for the next morning: shown, but set apart.
    case nextMorning
    case helped
    case footer
    /// The key in a footer hint (`q` of "q quit").
    case footerKey
    case prompt
    /// Text being typed, and the fake cursor after it.
    case input, cursor
    case notice
    case error
    /// A box drawn over the screen (help, forms) and its title.
    case overlay, overlayTitle
    /// A visible stand-in for a control character from untrusted text.
    case placeholder
}

extension Role {
    /// The role that colours a morning's state, on the board and on the wall alike.
    public init(_ state: MorningState) {
        switch state {
        case .waiting: self = .stateWaiting
        case .warning: self = .stateWarning
        case .done: self = .stateDone
        case .overdue: self = .stateOverdue
        case .closed: self = .stateClosed
        case .quiet, .none: self = .stateNone
        }
    }
}
