import Foundation
import TenBoardCore

/// The form of `n` (a new issue, e.g. a phone call) and `e` (the same form filled in, to correct
/// an issue): customer, summary, kind, received time, assignee, channel and internal.
public struct IssueForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable {
        case customer, summary, kind, received, assignee, channel, `internal`
    }

    public enum Purpose: Sendable, Equatable {
        case new
        /// Correcting this issue, as it was when the form opened: saving is refused when someone
        /// changed it meanwhile.
        case edit(Issue)
    }

    public var purpose: Purpose
    public var customer = TextField()
    public var summary = TextField()
    public var kind: IssueKind = .question
    /// Empty means now (a new issue) or unchanged (an edit shows the time it has).
    public var received = TextField()
    public var assignee = TextField()
    /// A new issue's channel: "phone" is suggested (the board's `n` is for phoned-in issues).
    public var channel = TextField(suggesting: "phone")
    public var isInternal = false
    public var focus: Field = .customer
    /// Esc was pressed with changes: the form asks before throwing them away.
    public var confirmingDiscard = false
    /// Names already in the store, which Tab completes in the assignee field.
    public var names: [String] {
        get { completion.names }
        set { completion.names = newValue }
    }
    private var completion = NameCompletion([])
    /// The form for `latest` (someone changed the issue while `typed` was being filled in) with the
    /// corrections `edit` holds taken from `typed`: saving it keeps the other change and adds these.
    public static func rebased(_ typed: IssueForm, _ edit: IssueEdit, onto latest: Issue, zone: TimeZone) -> IssueForm {
        var form = IssueForm(editing: latest, zone: zone, names: typed.names)
        if edit.customer != nil { form.customer = typed.customer }
        if edit.summary != nil { form.summary = typed.summary }
        if edit.kind != nil { form.kind = typed.kind }
        if edit.receivedAt != nil { form.received = typed.received }
        if edit.assignee != nil { form.assignee = typed.assignee }
        if edit.channel != nil { form.channel = typed.channel }
        if edit.isInternal != nil { form.isInternal = typed.isInternal }
        form.focus = typed.focus
        return form
    }

    /// The fields as the form opened, to tell whether anything was changed.
    private var initialValues: [String] = []

    /// An empty form for a new issue.
    public init(names: [String] = []) {
        purpose = .new
        self.names = names
        initialValues = values
    }

    /// The form filled in with `issue`, its received time written in `zone`.
    public init(editing issue: Issue, zone: TimeZone, names: [String] = []) {
        purpose = .edit(issue)
        self.names = names
        customer = TextField(issue.customer)
        summary = TextField(issue.summary)
        kind = issue.kind
        received = TextField(TimeInput.written(issue.receivedAt.date, in: zone))
        assignee = TextField(issue.assignee ?? "")
        channel = TextField(issue.channel ?? "")
        isInternal = issue.isInternal
        initialValues = values
    }

    private var values: [String] {
        [customer.text, summary.text, kind.rawValue, received.text, assignee.text, channel.text, "\(isInternal)"]
    }

    /// Whether anything differs from how the form opened.
    public var hasChanges: Bool { values != initialValues }

    /// Whether the received time was changed (an untouched edit keeps the exact stored instant).
    public var receivedChanged: Bool { received.text != initialValues[3] }

    /// Moves to the next field, wrapping around.
    public mutating func nextField(_ step: Int = 1) {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
        completion.typed()
    }

    /// Cycles the kind (← →, space).
    public mutating func cycleKind(_ step: Int = 1) {
        let all = IssueKind.allCases
        let index = all.firstIndex(of: kind)!
        kind = all[(index + step + all.count) % all.count]
    }

    /// Tab on the assignee: the next name in the store that starts with what was typed (any
    /// case), cycling on each Tab; with nothing to complete it moves on like Tab elsewhere.
    public mutating func complete() {
        guard let name = completion.next(after: assignee.text) else {
            nextField()
            return
        }
        assignee.set(name)
    }

    /// One editing step in the focused field. On the kind a letter picks the kind; on internal
    /// y/j means yes and n no.
    public mutating func apply(_ edit: FieldEdit) {
        switch focus {
        case .customer: customer.apply(edit)
        case .summary: summary.apply(edit)
        case .received: received.apply(edit)
        case .assignee:
            assignee.apply(edit)
            completion.typed()
        case .channel: channel.apply(edit)
        case .kind:
            guard case .type(let character) = edit else { return }
            let lower = character.lowercased()
            if let match = IssueKind.allCases.first(where: { $0.rawValue.hasPrefix(lower) }) { kind = match }
        case .internal:
            guard case .type(let character) = edit else { return }
            if "yYjJ".contains(character) { isInternal = true }
            if "nN".contains(character) { isInternal = false }
        }
    }

    /// Types a character into the focused field.
    public mutating func insert(_ character: Character) { apply(.type(character)) }

    /// The customer name as it will be stored, or `nil` when it is still empty.
    public var validCustomer: String? {
        Issue.isName(customer.text) ? customer.text.trimmingBlanksAndNewlines() : nil
    }

    /// A text field's trimmed value, `nil` when empty.
    static func optional(_ field: TextField) -> String? { field.text.typedValue }
}
