import Foundation
import TenBoardCore

/// The board's behaviour: keeps the last good data of the store, what is selected and typed, and
/// carries out intents through the store's locked changes. It never draws: `state(now:)` gives the
/// view-model that `BoardRenderer` renders.
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
    /// A view of another instant (`board --at`): read-only, and the header says so.
    let frozen: Bool
    /// How long a notice about an action stays, in seconds.
    static var noticeSeconds: Double { 6 }

    private(set) var data = BoardData()
    private var stamp: Store.Stamp?
    private var loaded = false
    private(set) var loadError: String?
    private var screen = BoardScreen.list
    private var overlay = BoardOverlay.none
    private var selectedID: String?
    /// Where the selection was, to select its neighbour when the selected customer disappears.
    private var selectedIndex = 0
    private var scrollTop = 0
    private var filter = ""
    /// The notice and the uptime until which it shows: real time, since `now` may stand still (`--at`).
    private var notice: (Notice, until: TimeInterval)?
    private let uptime: () -> TimeInterval
    /// The terminal's size, for paging and keeping the selection in view.
    public var size = (width: 80, height: 24)

    /// - Parameters:
    ///   - userName: recorded as `resolvedBy` and offered when assigning.
    ///   - readOnly: refuse every change (a board for watching only).
    ///   - frozen: the board shows another instant (`--at`): every change is refused.
    ///   - uptime: a monotonic clock in seconds for how long notices show (default: the system's).
    public init(
        store: Store, schedule: MorningSchedule, language: Language, userName: String, readOnly: Bool,
        frozen: Bool = false, uptime: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.uptime = uptime
        self.store = store
        self.schedule = schedule
        self.language = language
        self.userName = userName
        self.readOnly = readOnly || frozen
        self.frozen = frozen
    }

    private var text: BoardText { BoardText(language) }

    /// Re-reads the store when its stamp changed (another lead, `tenboard add`) or when forced.
    /// A damaged store keeps the last good data on screen with the error in the status line.
    ///
    /// - Returns: whether anything the board shows may have changed.
    @discardableResult
    public func refresh(force: Bool = false) -> Bool {
        let current = store.boardStamp()
        guard force || !loaded || current != stamp else { return false }
        do {
            data = try store.loadBoard()
            loadError = nil
        } catch {
            loadError = "\(error)"
        }
        stamp = current
        loaded = true
        return true
    }

    /// The view-model at `now`.
    public func state(now: Date) -> BoardState {
        let (header, allRows) = BoardStateBuilder.build(data, schedule: schedule, now: now, frozen: frozen)
        let rows = allRows.filter { BoardStateBuilder.matches($0, filter: filter, language: language) }
        if let id = selectedID, let index = rows.firstIndex(where: { $0.issue.id == id }) {
            selectedIndex = index
        } else if rows.isEmpty {
            selectedID = nil
        } else {
            selectedIndex = min(selectedIndex, rows.count - 1)
            selectedID = rows[selectedIndex].issue.id
        }
        var shown: Notice?
        if let loadError {
            shown = Notice(text.storeProblem(loadError), isError: true)
        } else if let (n, until) = notice, until > uptime() {
            shown = n
        } else if !data.pendingReports.isEmpty {
            shown = Notice(ReportText.pendingNotice(language, mornings: data.pendingReports), isError: true)
        }
        var state = BoardState(
            language: language, timeZone: schedule.timeZone, now: now, header: header, rows: rows,
            selectedID: selectedID, scrollTop: scrollTop, screen: screen, overlay: overlay, filter: filter,
            notice: shown, readOnly: readOnly
        )
        state.scrollTop = BoardRenderer.listTop(state, width: size.width, height: size.height)
        scrollTop = state.scrollTop
        return state
    }

    /// Carries out a key's intent.
    public func handle(_ key: Key, now: Date) -> Outcome {
        handle(KeyMap.intent(for: key, overlay: overlay, screen: screen), now: now)
    }

    /// Carries out an intent.
    public func handle(_ intent: BoardIntent, now: Date) -> Outcome {
        let current = state(now: now)
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
        case .toggleHelp: overlay = overlay == .help ? .none : .help
        case .beginResolve:
            guard let row = editableRow(current) else { break }
            if !row.issue.isOpen { say(text.alreadyHelped(row.issue.id), now) } else {
                overlay = .prompt(LinePrompt(.resolve(id: row.issue.id)))
            }
        case .beginAssign:
            guard let row = editableRow(current) else { break }
            overlay = .prompt(LinePrompt(.assign(id: row.issue.id), text: row.issue.assignee ?? userName))
        case .reopen:
            guard let row = editableRow(current) else { break }
            if row.issue.isOpen { say(text.notHelped(row.issue.id), now) } else {
                change(now) { try store.reopen(id: row.issue.id, at: now) } done: { text.reopened($0.id) }
            }
        case .beginWithdraw:
            guard let row = editableRow(current) else { break }
            if !row.issue.isOpen { say(text.alreadyHelped(row.issue.id), now) } else {
                overlay = .prompt(LinePrompt(.withdraw(id: row.issue.id)))
            }
        case .beginNew:
            guard allowed(now) else { break }
            overlay = .form(IssueForm())
        case .beginFilter: overlay = .prompt(LinePrompt(.filter, text: filter))
        case .tally:
            guard allowed(now) else { break }
            let day = schedule.localDate(of: now)
            change(now) { try store.drawTally(on: day, at: now) } done: { text.tallied($0) }
        case .type, .deleteBackward, .deleteWord, .clearField, .nextField, .cycleKind:
            edit(intent)
        case .submit: submit(now)
        case .cancel:
            // Esc on the filter prompt drops the filter ("Esc clears"), elsewhere it only closes.
            if case .prompt(let prompt) = overlay, prompt.purpose == .filter { filter = "" }
            overlay = .none
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
            case .type(let c): prompt.field.insert(c)
            case .deleteBackward: prompt.field.deleteBackward()
            case .deleteWord: prompt.field.deleteWord()
            case .clearField: prompt.field.clear()
            default: break
            }
            if prompt.purpose == .filter { filter = prompt.field.text }
            overlay = .prompt(prompt)
        case .form(var form):
            switch intent {
            case .type(let c): form.insert(c)
            case .deleteBackward: form.deleteBackward()
            case .nextField(let step): form.nextField(step)
            case .cycleKind(let step): form.cycleKind(step)
            case .clearField:
                if form.focus == .customer { form.customer.clear() } else if form.focus == .summary { form.summary.clear() }
            default: break
            }
            overlay = .form(form)
        default: break
        }
    }

    private func submit(_ now: Date) {
        switch overlay {
        case .prompt(let prompt):
            overlay = .none
            let answer = prompt.field.text
            switch prompt.purpose {
            case .filter: filter = answer
            case .resolve(let id):
                change(now) { try store.resolve(id: id, by: userName, action: answer, at: now) } done: { issue in
                    // The helped customer moves down to "helped": go on with whoever is next in line.
                    if selectedID == id { selectedID = nil }
                    return text.resolved(issue.id)
                }
            case .withdraw(let id):
                let reason = answer.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { say(text.reasonRequired, now, error: true); break }
                change(now) { try store.withdraw(id: id, reason: reason, at: now) } done: { issue in
                    if selectedID == id { selectedID = nil }
                    return text.withdrawn(issue.id)
                }
            case .assign(let id):
                let who = answer.trimmingCharacters(in: .whitespaces)
                change(now) { try store.assign(id: id, to: who.isEmpty ? nil : who, at: now) } done: {
                    text.assigned($0.id, $0.assignee)
                }
            }
        case .form(var form):
            // Enter walks through the fields like Tab and saves on the last one, so a form is
            // never saved half-typed by a reflex Enter after the customer's name.
            if form.focus != .kind, form.validCustomer != nil || form.focus != .customer {
                form.nextField()
                overlay = .form(form)
                return
            }
            guard let customer = form.validCustomer else {
                say(text.customerRequired, now, error: true)
                form.focus = .customer
                overlay = .form(form)
                return
            }
            overlay = .none
            change(now) {
                try store.add(customer: customer, summary: form.summary.text, kind: form.kind, receivedAt: now, at: now)
            } done: { issue in
                selectedID = issue.id
                return text.added(issue.id)
            }
        default: break
        }
    }

    /// Runs one store change, reloads, and reports the result or the error in the status line.
    private func change<T>(_ now: Date, _ body: () throws -> T, done: (T) -> String) {
        do {
            let result = try body()
            say(done(result), now)
        } catch {
            say(text.actionFailed("\(error)"), now, error: true)
        }
        refresh(force: true)
    }

    private func say(_ message: String, _ now: Date, error: Bool = false) {
        notice = (Notice(message, isError: error), uptime() + Self.noticeSeconds * (error ? 2 : 1))
    }
}
