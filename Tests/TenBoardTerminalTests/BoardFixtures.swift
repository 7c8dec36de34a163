import Foundation
import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// A morning to render: Tuesday 24 Nov 2026 at 09:12 in Amsterdam, with customers whose names
/// and summaries are accented, CJK, emoji, and hostile.
enum BoardFixtures {
    static let zone = TimeZone(identifier: "Europe/Amsterdam")!
    static let schedule = MorningSchedule(timeZone: zone)

    static let now = stamp("2026-11-24T09:12:00+01:00").date

    static let issues: [Issue] = [
        Issue(id: "7", customer: "Gemeente Utrecht", summary: "Koppeling met het zaaksysteem faalt",
              kind: .problem, receivedAt: stamp("2026-11-20T10:00:00+01:00"), assignee: "piet"),
        Issue(id: "12", customer: "Bakkerij Jansen", summary: "Printer drukt bonnen dubbel af",
              kind: .problem, receivedAt: stamp("2026-11-23T08:30:00+01:00")),
        Issue(id: "13", customer: "山田商事", summary: "請求書が届きません (invoice missing)",
              kind: .question, receivedAt: stamp("2026-11-23T17:45:00+01:00"), assignee: "ann"),
        Issue(id: "14", customer: "Cafe\u{301} Zoë", summary: "Koffie ☕ te koud 😡 en 👨‍👩‍👧 wachten",
              kind: .complaint, receivedAt: stamp("2026-11-24T07:10:00+01:00")),
        Issue(id: "15", customer: "Evil\u{1B}[31mCorp", summary: "line1\nline2\u{202E}gnp.exe",
              kind: .bug, receivedAt: stamp("2026-11-24T07:59:00+01:00")),
        Issue(id: "16", customer: "Garage De Vries", summary: "Vraag over de factuur van oktober",
              kind: .question, receivedAt: stamp("2026-11-24T08:30:00+01:00")),
        Issue(id: "11", customer: "Sportschool Fit", summary: "Wachtwoord vergeten",
              kind: .question, receivedAt: stamp("2026-11-23T16:00:00+01:00"), status: .resolved,
              resolvedAt: stamp("2026-11-24T08:45:00+01:00"), resolvedBy: "bob", action: "FAQ bijgewerkt"),
    ]

    static let data = BoardData(issues: issues, tally: [LocalDate(year: 2026, month: 11, day: 24): 3])

    /// The board at 09:12 with the first customer selected.
    static func state(language: Language = .en, now: Date = now, data: BoardData = data,
                      selected: String? = "7") -> BoardState {
        let (header, rows) = BoardStateBuilder.build(data, schedule: schedule, now: now)
        return BoardState(language: language, timeZone: zone, now: now, header: header, rows: rows,
                          selectedID: selected)
    }
}

/// Keys and reads for tests that drive a board over the real store (`RealBoardStore`), written once.
protocol DrivesBoard {
    var store: RealBoardStore { get }
    var now: Date { get }
}

extension DrivesBoard {
    func press(_ board: BoardController<IssueStore>, _ keys: Key...) {
        for key in keys { _ = board.handle(key, now: now) }
    }

    func type(_ board: BoardController<IssueStore>, _ text: String) {
        for c in text { _ = board.handle(.character(c), now: now) }
    }

    func issue(_ id: String) -> TenBoardCore.Issue { store.data.issues.first { $0.id == id }! }
}
