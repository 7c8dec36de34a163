import Foundation
import TenBoardCore

/// The board's behaviour: keeps the last good data of the store, what is selected and typed, and
/// carries out intents through the store's locked changes. It never draws: `state(now:)` gives the
/// view-model that `BoardRenderer` renders, and only reads; the keys (`handle`) and `settle(now:)`
/// change where the board is.
public final class BoardController<Store: BoardStore> {
    public enum Outcome: Equatable {
        case keepGoing
        /// Repaint the whole terminal (Ctrl-L).
        case repaint
        case quit
    }

    let store: Store
    let schedule: MorningSchedule
    let language: Language
    let userName: String
    let readOnly: Bool
    /// What `?` shows below the keys: store, config file, zone, cut-off, deadline, version.
    let setup: BoardSetup?
    /// A view of another instant (`board --at`): read-only, and the header says so.
    let frozen: Bool
    /// How long a notice about an action stays, in seconds.
    static var noticeSeconds: Double { 6 }

    /// The store as last read well; re-read when it changes (`refresh`).
    let watcher: StoreWatcher<Store.Stamp, BoardData>
    /// The store's data as last read well.
    var data: BoardData { watcher.value }
    /// The header and the rows (unfiltered) as built from the store (again when `RebuildKey` says
    /// so), and the rows that match `filter`; counted on each second (`BoardHeader.retimed`), so
    /// an idle second costs no pass over the store.
    private var rebuild = RebuildKey()
    private var built: (key: [Int], header: BoardHeader, rows: [BoardRow], filter: String, shown: [BoardRow], list: BoardList)?
    /// Why the last read of the store failed; `nil` when it went well.
    var loadError: String? {
        watcher.error.map { ($0 as? TenBoardError)?.message(in: language) ?? "\($0)" }
    }
    private var screen = BoardScreen.list
    private var overlay = BoardOverlay.none
    private(set) var selectedID: String?
    /// Where the selection was, to select its neighbour when the selected customer disappears.
    private var selectedIndex = 0
    private(set) var scrollTop = 0
    private var filter = ""
    /// The notice and the uptime until which it shows: real time, since `now` may stand still (`--at`).
    private var notice: (Notice, until: TimeInterval)?
    private let uptime: () -> TimeInterval
    /// This lead's last change on this board, which `z` takes back.
    private var lastChange: UndoStep?
    /// The name the last tally mark on this board was for: Enter on an empty `t` prompt repeats it.
    private var lastTallyName: String?
    /// The most tally marks one person may get on one day (`tally-daily-cap`).
    let tallyCap: Int
    /// The terminal's size, for paging and keeping the selection in view.
    public var size = (width: 80, height: 24)

    /// - Parameters:
    ///   - userName: recorded as `resolvedBy` and offered when assigning.
    ///   - readOnly: refuse every change (a board for watching only).
    ///   - frozen: the board shows another instant (`--at`): every change is refused.
    ///   - setup: shown in the help overlay; `nil` leaves that part out.
    ///   - uptime: a monotonic clock in seconds for how long notices show (default: the system's).
    ///   - tallyCap: the most tally marks one person may get on one day.
    public init(
        store: Store, schedule: MorningSchedule, language: Language, userName: String, readOnly: Bool,
        frozen: Bool = false, setup: BoardSetup? = nil,
        uptime: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime },
        tallyCap: Int = TallyBook.defaultDailyCap
    ) {
        self.tallyCap = tallyCap
        self.watcher = StoreWatcher(initial: BoardData(), stamp: { store.boardStamp() }, read: { try store.loadBoard() },
                                    uptime: uptime)
        self.setup = setup
        self.uptime = uptime
        self.store = store
        self.schedule = schedule
        self.language = language
        self.userName = userName
        self.readOnly = readOnly || frozen
        self.frozen = frozen
    }

    private var text: Words { Words(language) }

    /// Re-reads the store when its stamp changed (another lead, `tenboard add`) or when forced.
    /// A damaged store keeps the last good data on screen with the error in the status line.
    ///
    /// - Returns: whether anything the board shows may have changed.
    @discardableResult
    public func refresh(force: Bool = false) -> Bool {
        watcher.refresh(force: force)
    }

    /// The view-model at `now`. Only reads what the controller keeps: where the selection and the
    /// scroll stand after the rows changed is worked out here as values, and kept by `settle(now:)`.
    public func state(now: Date) -> BoardState {
        let key = rebuild.key(generation: watcher.generation, issues: data.issues, tally: data.tallyMarks, schedule: schedule, at: now)
        if built?.key != key {
            let (header, rows) = BoardStateBuilder.build(data, schedule: schedule, now: now, frozen: frozen)
            built = (key, header, rows, "", rows, BoardList(rows: rows))
        }
        if built!.filter != filter {
            built!.shown = built!.rows.filter { BoardStateBuilder.matches($0, filter: filter, language: language) }
            built!.list = BoardList(rows: built!.shown)
            built!.filter = filter
        }
        let header = built!.header.retimed(to: now, schedule: schedule)
        let rows = built!.shown
        // The selected customer, or the one now in its place when it left the list.
        let selection: String? =
            if let id = selectedID, rows.contains(where: { $0.issue.id == id }) { id }
            else if rows.isEmpty { nil }
            else { rows[min(selectedIndex, rows.count - 1)].issue.id }
        var shown: Notice?
        if let loadError {
            shown = Notice(text.storeProblem(loadError), isError: true)
        } else if let (n, until) = notice, until > uptime() {
            shown = n
        } else if watcher.missing {
            // An empty board could be a quiet morning or a wrong store path: say which it is.
            shown = Notice(text.boardStoreMissing(Untrusted.oneLine(store.boardLocation)))
        } else if !data.pendingReports.isEmpty {
            shown = Notice(Words(language).pendingNotice(mornings: data.pendingReports), isError: true)
        }
        var state = BoardState(
            language: language, timeZone: schedule.timeZone, now: now, header: header, rows: rows,
            selectedID: selection, scrollTop: scrollTop, screen: screen, overlay: overlay, filter: filter,
            notice: shown, readOnly: readOnly, unread: !watcher.everRead && watcher.error != nil, list: built!.list
        )
        state.scrollTop = BoardRenderer.listTop(state, width: size.width, height: size.height)
        return state
    }

    /// Keeps where the board is as `state(now:)` shows it: the selected customer (the one in its
    /// place when it left the list) and the first list line shown (moved as little as possible to
    /// keep the selection in view, so scrolling stays steady). The one place these change besides
    /// the keys; the loop asks it for each frame.
    ///
    /// - Returns: the view-model at `now`.
    @discardableResult
    public func settle(now: Date) -> BoardState {
        let state = state(now: now)
        selectedID = state.selectedID
        if let index = state.selectedIndex { selectedIndex = index }
        scrollTop = state.scrollTop
        return state
    }

    /// Carries out a key's intent.
    public func handle(_ key: Key, now: Date) -> Outcome {
        handle(KeyMap.intent(for: key, overlay: overlay, screen: screen), now: now)
    }

    /// Carries out an intent.
    public func handle(_ intent: BoardIntent, now: Date) -> Outcome {
        defer { settle(now: now) }
        switch intent {
        case .edit, .nextField, .cycleKind, .complete, .toggle:
            // Typing needs no view of the morning: a key costs only the frame drawn after it.
            edit(intent)
            return .keepGoing
        default: break
        }
        let current = state(now: now)
        if case .help(var page) = overlay {
            // The help scrolls with the moving keys; any other key closes it.
            let step: Int? = switch intent {
            case .move(let n): n
            case .page(let n): n * max(1, size.height - 6)
            default: nil
            }
            if let step {
                page.top = min(max(0, page.top + step), HelpOverlay.maxTop(page, text: text, width: size.width, height: size.height))
                overlay = .help(page)
                return .keepGoing
            }
        }
        switch intent {
        case .none, .resize: break
        case .redraw: return .repaint
        case .quit: return .quit
        case .move(let step): select(current, offset: step)
        case .page(let step):
            let page = max(1, BoardLayout(state: current, width: size.width, height: size.height).body.height - 1)
            select(current, offset: step * page)
        case .first: select(current, offset: -current.rows.count)
        case .last: select(current, offset: current.rows.count)
        case .openDetail: if current.selectedRow != nil { screen = .detail }
        case .back:
            if screen == .detail { screen = .list } else if !filter.isEmpty { filter = "" }
        case .toggleHelp:
            if case .help = overlay { overlay = .none } else { overlay = .help(HelpPage(setup: setup)) }
        case .beginResolve:
            guard let row = editableRow(current) else { break }
            if !row.issue.isOpen { say(text.alreadyHelped(row.issue.id), now) } else {
                // The action point it has (kept through a reopen) and who helped: the assignee,
                // else this lead. Enter on an untouched prompt keeps both.
                overlay = .prompt(LinePrompt(.resolve(id: row.issue.id), text: row.issue.action ?? "",
                                             helper: row.issue.assignee ?? userName))
            }
        case .beginAssign:
            guard let row = editableRow(current) else { break }
            // The name it has, else this lead's: a suggestion that a typed or pasted name replaces.
            overlay = .prompt(LinePrompt(.assign(id: row.issue.id), suggesting: row.issue.assignee ?? userName, seen: row.issue))
        case .reopen:
            guard let row = editableRow(current) else { break }
            if row.issue.isOpen { say(text.notHelped(row.issue.id), now) } else {
                let before = row.issue
                change(now) { try store.reopen(id: row.issue.id, at: now) } done: {
                    lastChange = .issue(.reopen, before: before, after: $0)
                    return text.reopened($0.id)
                }
            }
        case .beginWithdraw:
            guard let row = editableRow(current) else { break }
            if !row.issue.isOpen { say(text.alreadyHelped(row.issue.id), now) } else {
                overlay = .prompt(LinePrompt(.withdraw(id: row.issue.id)))
            }
        case .beginNew:
            guard allowed(now) else { break }
            overlay = .form(IssueForm(names: knownNames))
        case .beginEdit:
            guard let row = editableRow(current) else { break }
            overlay = .form(IssueForm(editing: row.issue, zone: schedule.timeZone, names: knownNames))
        case .undo:
            guard allowed(now) else { break }
            undo(now)
        case .beginFilter: overlay = .prompt(LinePrompt(.filter, text: filter))
        case .tally:
            guard allowed(now) else { break }
            overlay = .prompt(LinePrompt(.tally(last: lastTallyName.map(Untrusted.oneLine)), names: tallyNames))
        case .beginPraise:
            guard let row = editableRow(current) else { break }
            // Praise goes to whoever helped the customer (else the one taking care of them).
            guard let who = [row.issue.resolvedBy, row.issue.assignee].compactMap({ $0.flatMap(TallyMark.storedName) }).first else {
                say(text.noHelperToPraise(row.issue.id), now, error: true)
                break
            }
            overlay = .prompt(LinePrompt(.praise(id: row.issue.id, who: who)))
        case .edit, .nextField, .cycleKind, .complete, .toggle:
            edit(intent)
        case .submit: submit(now)
        case .cancel:
            switch overlay {
            case .prompt(let prompt):
                // Esc on the filter prompt drops the filter ("Esc clears"), elsewhere it only closes.
                if prompt.purpose == .filter { filter = "" }
                overlay = .none
            case .form(var form) where form.hasChanges:
                // A reflex Esc must not throw away a filled-in form: ask first.
                form.confirmingDiscard = true
                overlay = .form(form)
            default:
                overlay = .none
            }
        case .discard: overlay = .none
        case .keepEditing:
            if case .form(var form) = overlay {
                form.confirmingDiscard = false
                overlay = .form(form)
            }
        case .undecodable: say(text.undecodableKey, now, error: true)
        }
        return .keepGoing
    }

    private func select(_ state: BoardState, offset: Int) {
        guard !state.rows.isEmpty else { return }
        let from = state.selectedIndex ?? 0
        selectedIndex = min(max(0, from + offset), state.rows.count - 1)
        selectedID = state.rows[selectedIndex].issue.id
    }

    private func allowed(_ now: Date) -> Bool {
        if readOnly { say(frozen ? text.frozenRefused : text.readOnlyRefused, now, error: true) }
        return !readOnly
    }

    private func editableRow(_ state: BoardState) -> BoardRow? {
        guard allowed(state.now) else { return nil }
        guard let row = state.selectedRow else { say(text.nothingSelected, state.now); return nil }
        return row
    }

    private func edit(_ intent: BoardIntent) {
        switch overlay {
        case .prompt(var prompt):
            switch intent {
            case .edit(let step): prompt.apply(step)
            case .nextField: prompt.switchField()
            case .complete: prompt.complete()
            default: break
            }
            if prompt.purpose == .filter { filter = prompt.field.text }
            overlay = .prompt(prompt)
        case .form(var form):
            // A complaint about the form ("a customer name is needed") goes once the lead types.
            if let shown = notice, shown.0.isError { notice = nil }
            switch intent {
            case .edit(let step): form.apply(step)
            case .nextField(let step): form.nextField(step)
            case .cycleKind(let step): form.cycleKind(step)
            case .complete: form.complete()
            case .toggle: form.isInternal.toggle()
            default: break
            }
            overlay = .form(form)
        default: break
        }
    }

    /// Names already in the store (assignees and helpers), for Tab in the form's assignee field.
    private var knownNames: [String] {
        var seen = Set<String>()
        return data.issues.flatMap { [$0.assignee, $0.resolvedBy] }.compactMap { $0 }
            .map { Untrusted.oneLine($0) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
            .sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
    }

    /// Names for Tab on the tally prompt: those who have marks (latest first), then the store's
    /// assignees and helpers.
    private var tallyNames: [String] {
        var seen = Set<String>()
        let marked = data.tallyMarks.reversed().map { Untrusted.oneLine($0.who) }
        return (marked + knownNames).filter { !$0.isEmpty && seen.insert(TallyMark.personKey($0)).inserted }
    }

    private func submit(_ now: Date) {
        switch overlay {
        case .prompt(let prompt):
            overlay = .none
            let answer = prompt.field.text
            switch prompt.purpose {
            case .filter: filter = answer
            case .resolve(let id):
                let before = data.issues.first { $0.id == id }
                // Credit goes to who helped (the assignee unless changed), not to whoever typed.
                let helper = prompt.helper.flatMap { IssueForm.optional($0) } ?? userName
                let saved = change(now) { try store.resolve(id: id, by: helper, recordedBy: userName, action: answer, at: now) } done: { issue in
                    // The helped customer moves down to "helped": go on with whoever is next in line.
                    if selectedID == id { selectedID = nil }
                    lastChange = before.map { .issue(.resolve, before: $0, after: issue) }
                    return text.resolved(issue.id)
                }
                if !saved {
                    // What the lead typed is kept, with the reason above it; Esc drops it.
                    overlay = .prompt(prompt)
                    if let other = data.issues.first(where: { $0.id == id }), !other.isOpen, let resolvedAt = other.resolvedAt {
                        let at = TimeInput.written(resolvedAt.date, in: schedule.timeZone)
                        say(text.resolvedMeanwhile(id, by: Untrusted.oneLine(other.resolvedBy ?? "?"), at: at), now, error: true)
                    }
                }
            case .withdraw(let id):
                let reason = answer.trimmingBlanks()
                guard !reason.isEmpty else { say(text.reasonRequired, now, error: true); break }
                let before = data.issues.first { $0.id == id }
                change(now) { try store.withdraw(id: id, reason: reason, at: now) } done: { issue in
                    if selectedID == id { selectedID = nil }
                    lastChange = before.map { .issue(.withdraw, before: $0, after: issue) }
                    return text.withdrawn(issue.id)
                }
            case .tally(let last):
                let typed = answer.trimmingBlanks()
                guard let who = TallyMark.storedName(typed.isEmpty ? (lastTallyName ?? last ?? "") : typed) else {
                    say(text.nameNeeded, now, error: true)
                    break
                }
                change(now) { try store.drawTally(who: who, by: userName, at: now, cap: tallyCap) } done: { drawn in
                    lastChange = .tally(drawn.mark)
                    lastTallyName = who
                    return text.tallied(Untrusted.oneLine(who), today: drawn.count)
                }
            case .praise(let id, let who):
                let words = answer.trimmingBlanks()
                guard !words.isEmpty else {
                    overlay = .prompt(prompt)
                    say(self.text.praiseWordsNeeded, now, error: true)
                    break
                }
                guard let issue = data.issues.first(where: { $0.id == id }) else { break }
                change(now) {
                    try store.addPraise(who: who, customer: issue.customer, text: words, recordedBy: userName, issue: id, at: now)
                } done: { praise in
                    lastChange = .praise(praise)
                    return self.text.praised(Untrusted.oneLine(praise.who))
                }
            case .assign(let id):
                // Through the store's one checked change: refused when the issue is no longer as
                // the lead saw it when the prompt opened (another lead assigned or resolved it).
                guard let seen = prompt.seen ?? data.issues.first(where: { $0.id == id }) else { break }
                let saved = change(now) {
                    try store.edit(id: id, IssueEdit(assignee: .some(answer.typedValue)), expecting: seen, at: now)
                } done: { issue in
                    lastChange = .issue(.assign, before: seen, after: issue)
                    return text.assigned(issue.id, issue.assignee)
                }
                if !saved, let latest = data.issues.first(where: { $0.id == id }), latest != seen {
                    // Like a beaten resolve: what was typed stays, with what changed above it. The
                    // lead has seen it now, so Enter again assigns; Esc drops it.
                    var again = prompt
                    again.seen = latest
                    overlay = .prompt(again)
                    let resolved = latest.status == .resolved ? latest.resolvedAt : nil
                    say(text.assignedMeanwhile(id, resolvedBy: resolved.map { _ in Untrusted.oneLine(latest.resolvedBy ?? "?") },
                                               at: resolved.map { TimeInput.written($0.date, in: schedule.timeZone) },
                                               assignee: latest.assignee.map(Untrusted.oneLine)), now, error: true)
                }
            }
        case .form(var form):
            // Enter walks from the customer to the summary to the kind, and saves from there on,
            // so a form is never saved half-typed by a reflex Enter after the customer's name.
            if form.focus.rawValue < IssueForm.Field.kind.rawValue, form.validCustomer != nil || form.focus != .customer {
                form.nextField()
                overlay = .form(form)
                return
            }
            save(form, now)
        default: break
        }
    }

    /// Saves the form: a new issue, or the corrections of an edit. A field that is wrong keeps the
    /// form open on that field, with a notice that says why.
    private func save(_ form: IssueForm, _ now: Date) {
        var form = form
        func refuse(_ message: String, _ field: IssueForm.Field) {
            say(message, now, error: true)
            form.focus = field
            overlay = .form(form)
        }
        guard let customer = form.validCustomer else { return refuse(text.customerRequired, .customer) }
        var receivedAt: Date?
        if let typed = IssueForm.optional(form.received), form.receivedChanged {
            guard let instant = TimeInput.parse(typed, schedule: schedule, now: now) else {
                return refuse(TimeInput.problem(text.formReceived, typed, language), .received)
            }
            receivedAt = instant
        }
        overlay = .none
        switch form.purpose {
        case .new:
            let new = NewIssue(customer: customer, summary: form.summary.text, kind: form.kind, receivedAt: receivedAt ?? now,
                               assignee: IssueForm.optional(form.assignee), channel: IssueForm.optional(form.channel),
                               isInternal: form.isInternal)
            change(now) { try store.add(new, at: now) } done: { issue in
                selectedID = issue.id
                lastChange = .added(issue)
                return countsFor(issue)
            }
        case .edit(let original):
            var edit = IssueEdit()
            if customer != original.customer { edit.customer = customer }
            if form.summary.text != original.summary { edit.summary = form.summary.text }
            if form.kind != original.kind { edit.kind = form.kind }
            edit.receivedAt = receivedAt
            if IssueForm.optional(form.assignee) != original.assignee { edit.assignee = .some(IssueForm.optional(form.assignee)) }
            if IssueForm.optional(form.channel) != original.channel { edit.channel = .some(IssueForm.optional(form.channel)) }
            if form.isInternal != original.isInternal { edit.isInternal = form.isInternal }
            guard !edit.isEmpty else { return say(text.unchanged(original.id), now) }
            let saved = change(now) { try store.edit(id: original.id, edit, expecting: original, at: now) } done: { issue in
                lastChange = .issue(.edit, before: original, after: issue)
                return text.edited(issue.id)
            }
            if !saved, let latest = data.issues.first(where: { $0.id == original.id }), latest != original {
                // Another lead changed it meanwhile: nothing typed is lost. The form shows the
                // issue as it is now with this lead's corrections on it; Enter saves those.
                overlay = .form(IssueForm.rebased(form, edit, onto: latest, zone: schedule.timeZone))
                say(text.editedMeanwhile(original.id), now, error: true)
            }
        }
    }

    /// "#16 added · counts for Tue 1 Dec, after the 08:00 cut-off": which morning a new issue
    /// counts for, by the schedule's one rule (`morning(forReceived:)`).
    private func countsFor(_ issue: Issue) -> String {
        let received = issue.receivedAt.date
        let morning = schedule.morning(forReceived: received)
        let day = schedule.localDate(of: received)
        let afterCutoff = schedule.isMorning(day) && morning != day
        return text.added(issue.id, countsFor: Words(language).day(morning),
                          afterCutoff: afterCutoff ? schedule.cutoff.description : nil)
    }

    /// `z`: takes back this lead's last change, if nobody changed that issue (or the tally) since.
    private func undo(_ now: Date) {
        guard let step = lastChange else { return say(text.nothingToUndo, now) }
        do {
            let message: String
            switch step {
            case .issue(let kind, let before, let after):
                _ = try store.restore(before, expecting: after, at: now)
                message = switch kind {
                case .resolve: text.undidResolve(after.id)
                case .reopen: text.undidReopen(after.id)
                case .assign: text.undidAssign(after.id)
                case .edit: text.undidEdit(after.id)
                case .withdraw: text.undidWithdraw(after.id)
                }
                selectedID = after.id
            case .tally(let mark):
                message = text.untallied(Untrusted.oneLine(mark.who), today: try store.undoTally(mark, at: now))
            case .praise(let praise):
                try store.undoPraise(praise, at: now)
                message = text.unpraised(Untrusted.oneLine(praise.who))
            case .added(let added):
                refresh(force: true) // the latest state: another lead may have taken it on
                guard data.issues.first(where: { $0.id == added.id }) == added else {
                    throw TenBoardError(text.changedSince(added.id), exitCode: .tempFailure)
                }
                _ = try store.withdraw(id: added.id, reason: text.undoneAddReason, at: now)
                message = text.undidAdd(added.id)
            }
            lastChange = nil
            say(message, now)
        } catch {
            lastChange = nil
            say(text.undoFailed("\(error)"), now, error: true)
        }
        refresh(force: true)
    }

    /// Runs one store change, reloads, and reports the result or the error in the status line.
    ///
    /// - Returns: whether the change was saved.
    @discardableResult
    private func change<T>(_ now: Date, _ body: () throws -> T, done: (T) -> String) -> Bool {
        defer { refresh(force: true) }
        do {
            let result = try body()
            say(done(result), now)
            return true
        } catch {
            say(text.actionFailed((error as? TenBoardError)?.message(in: language) ?? "\(error)"), now, error: true)
            return false
        }
    }

    private func say(_ message: String, _ now: Date, error: Bool = false) {
        notice = (Notice(message, isError: error), uptime() + Self.noticeSeconds * (error ? 2 : 1))
    }
}

/// A change `z` can take back: the issue before and after it, or a tally mark.
enum UndoStep {
    enum Kind { case resolve, reopen, assign, edit, withdraw }
    case issue(Kind, before: Issue, after: Issue)
    case tally(TallyMark)
    case praise(Praise)
    /// The store never drops an issue: taking back an add withdraws it (it leaves every count
    /// and stays in history), if nobody changed it since.
    case added(Issue)
}
