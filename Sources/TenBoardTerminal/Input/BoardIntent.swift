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
    /// `t`: a tally mark; asks who said "klant".
    case tally
    /// `p`: a customer praised the selected issue's helper; asks for their words.
    case beginPraise
    case toggleHelp
    case quit
    /// Redraw everything from scratch (Ctrl-L), for a terminal garbled by something else.
    case redraw
    case resize
    // Editing a prompt or form field.
    case edit(FieldEdit)
    case nextField(Int)
    /// Tab on the assignee: complete a name already in the store (else the next field).
    case complete
    case cycleKind(Int)
    /// Space or ← → on a yes/no field (internal).
    case toggle
    case submit
    case cancel
    /// `y` after Esc on a form with changes: throw them away.
    case discard
    /// Any other key after Esc on a form with changes: go on typing.
    case keepEditing
    /// A key that is no character in the terminal's encoding.
    case undecodable
    /// `e`: the selected issue in the form, to correct it.
    case beginEdit
    /// `z`: take back your own last change.
    case undo
}
