/// What a key means on the board at the moment it is pressed. Mapping keys to intents does not
/// draw or touch the store: `BoardController` carries intents out, the renderer shows the result.
public enum BoardIntent: Sendable, Equatable {
    case none
    case move(Int)
    case page(Int)
    case first, last
    case openDetail, back
    case beginResolve, beginAssign, reopen, beginNew, beginFilter
    /// Withdraw the selected issue (not a customer's request): asks for the reason.
    case beginWithdraw
    case tally
    case toggleHelp
    case quit
    /// Redraw everything from scratch (Ctrl-L), for a terminal garbled by something else.
    case redraw
    case resize
    // Editing a prompt or form field.
    case type(Character)
    case deleteBackward
    case deleteWord
    case clearField
    case nextField(Int)
    case cycleKind(Int)
    case submit
    case cancel
}
