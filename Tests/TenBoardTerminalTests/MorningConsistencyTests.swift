import Foundation
import Testing
@testable import TenBoardCore
@testable import TenBoardTerminal
import TenBoardTestSupport

/// One store seen at several instants through `status`, the board, the wall and the report, in
/// English and Dutch: every surface must state the same numbers and the same words.
///
/// The store: Friday 27 Nov 2026 left a customer waiting (carried over); one came in on Friday
/// after the cut-off (Monday's); on Monday one was helped in time by Sanne (recorded by the lead),
/// one late by Pieter, one was withdrawn as spam and one came after the cut-off (Tuesday's).
@Suite struct MorningConsistencyTests {
    static let zone = TimeZone(identifier: "Europe/Amsterdam")!
    static let schedule = MorningSchedule(timeZone: zone)

    static func issue(_ id: String, _ received: String, resolved: String? = nil, by: String? = nil,
                      kind: IssueKind = .question) -> TenBoardCore.Issue {
        Issue(id: id, customer: "Klant \(id)", summary: "vraag \(id)", kind: kind, receivedAt: Timestamp(rfc3339: received)!,
              status: resolved == nil ? .open : .resolved, resolvedAt: resolved.map { Timestamp(rfc3339: $0)! }, resolvedBy: by)
    }

    static let issues: [TenBoardCore.Issue] = {
        var spam = issue("m3", "2026-11-30T07:45:00+01:00")
        spam.status = .withdrawn
        spam.withdrawnReason = "spam"
        var credited = issue("m1", "2026-11-30T07:00:00+01:00", resolved: "2026-11-30T09:30:00+01:00", by: "Sanne", kind: .bug)
        credited.recordedBy = "Marieke"
        return [
            issue("w1", "2026-11-25T07:00:00+01:00", resolved: "2026-11-25T09:00:00+01:00", by: "Sanne"),
            issue("t1", "2026-11-26T07:00:00+01:00", resolved: "2026-11-26T09:00:00+01:00", by: "Pieter"),
            issue("f1", "2026-11-27T07:00:00+01:00", kind: .complaint),
            issue("f2", "2026-11-27T16:00:00+01:00"),
            credited,
            issue("m2", "2026-11-30T07:30:00+01:00", resolved: "2026-11-30T10:20:00+01:00", by: "Pieter", kind: .problem),
            spam,
            issue("n1", "2026-11-30T08:30:00+01:00"),
        ]
    }()

    struct Instant: Sendable, CustomTestStringConvertible {
        var why: String
        var at: String
        var state: MorningState
        var inScope, helpedAll, waiting, carriedOver: Int
        var testDescription: String { why }
    }

    static let instants: [Instant] = [
        Instant(why: "Monday before the cut-off", at: "2026-11-30T07:50:00+01:00", state: .waiting,
                inScope: 4, helpedAll: 0, waiting: 4, carriedOver: 1),
        Instant(why: "Monday in the warning", at: "2026-11-30T09:45:00+01:00", state: .warning,
                inScope: 4, helpedAll: 1, waiting: 3, carriedOver: 1),
        Instant(why: "Monday after the deadline", at: "2026-11-30T10:30:00+01:00", state: .overdue,
                inScope: 4, helpedAll: 2, waiting: 2, carriedOver: 1),
        Instant(why: "Tuesday with Friday's customers carried over", at: "2026-12-01T09:00:00+01:00", state: .waiting,
                inScope: 3, helpedAll: 0, waiting: 3, carriedOver: 2),
        Instant(why: "a quiet Thursday before anyone came", at: "2026-11-26T06:30:00+01:00", state: .quiet,
                inScope: 0, helpedAll: 0, waiting: 0, carriedOver: 0),
        Instant(why: "the weekend, Monday's customers already waiting", at: "2026-11-28T12:00:00+01:00", state: .none,
                inScope: 2, helpedAll: 0, waiting: 2, carriedOver: 1),
    ]

    @Test(arguments: instants)
    func everySurfaceSaysTheSame(_ x: Instant) throws {
        let at = instant(x.at)
        let status = Self.schedule.status(at: at, issues: Self.issues)
        #expect(status.state == x.state)
        #expect((status.inScope, status.helpedAll, status.waiting, status.carriedOver)
                == (x.inScope, x.helpedAll, x.waiting, x.carriedOver))
        guard case .object(let json) = status.json else { Testing.Issue.record("not an object"); return }
        typealias J = TenBoardCore.JSONValue
        #expect(json["inScope"] == J.int(x.inScope) && json["waiting"] == J.int(x.waiting) && json["carriedOver"] == J.int(x.carriedOver))
        #expect(json["helped"] == J.int(status.helped) && json["helpedLate"] == J.int(status.helpedLate))
        #expect(status.helped + status.helpedLate + x.waiting == x.inScope)

        for language in Language.allCases {
            let words = Words(language)
            let (header, rows) = BoardStateBuilder.build(BoardData(issues: Self.issues), schedule: Self.schedule, now: at)
            let board = BoardRenderer.render(
                BoardState(language: language, timeZone: Self.zone, now: at, header: header, rows: rows), width: 140, height: 40).text
            let wallState = WallState.make(snapshot: StoreSnapshot(issues: Self.issues), schedule: Self.schedule, at: at, language: language)
            let wall = WallLayout.render(wallState, width: 160, height: 50).text
            let data = Self.schedule.reportData(of: status.morning, issues: Self.issues, at: at)
            let report = MorningReport(data, language: language).text
            let line = Words(language).statusLine(status)
            let context = "\(x.why), \(language)"

            // The same morning's numbers everywhere.
            #expect(header.status == status && wallState.status == status, "\(context): the view models hold the core's value")
            #expect(data.account == status.account, "\(context): the report's account is the status's")
            // The report's first key figure: "Customers ............ 4 (1 carried over)".
            let customersLine = report.split(separator: "\n").first { $0.hasPrefix(words.figureCustomers + " ") }
            #expect(customersLine.map { $0.split(separator: " ").dropFirst(2).first == Substring("\(x.inScope)") } == true,
                    "\(context): report: \(customersLine ?? "no customers figure")")
            switch x.state {
            case .quiet:
                #expect(board.contains(words.noCustomers), "\(context): board")
                #expect(wall.contains(words.noCustomers), "\(context): wall")
                #expect(line.lowercased().contains(words.noCustomers), "\(context): status")
                #expect(!board.contains("DONE") && !board.contains("KLAAR") && !wall.contains("✓"), "\(context): no celebration")
            case .none:
                #expect(line.contains(words.customersWaiting(x.waiting)), "\(context): status")
            default:
                let progress = words.progress(x.helpedAll, of: x.inScope)
                #expect(board.contains(progress), "\(context): board says \(progress)")
                #expect(wall.contains(progress), "\(context): wall says \(progress)")
                #expect(line.contains(words.customersWaiting(x.waiting)), "\(context): status")
                #expect(wall.contains(words.customersWaiting(x.waiting)), "\(context): wall")
                #expect(board.contains(words.carriedOver(x.carriedOver)), "\(context): board")
                #expect(wall.contains(words.carriedOver(x.carriedOver)), "\(context): wall")
            }
            // The same ages, in the same words, for the same waiting customers.
            for issue in status.account.waiting {
                let age = words.age(seconds: Int(at.timeIntervalSince(issue.receivedAt.date)))
                #expect(board.contains(age), "\(context): board age of \(issue.id) \(age)")
                #expect(wall.contains(age), "\(context): wall age of \(issue.id) \(age)")
                #expect(report.contains(age), "\(context): report age of \(issue.id) \(age)")
            }
            // Who helped how many: one count of the morning's customers, for the wall and the report.
            #expect(wallState.helpers.map(\.name) == data.helpers.map { $0.name ?? "?" }, "\(context): helpers")
            #expect(wallState.helpers.map(\.count) == data.helpers.map(\.count), "\(context): helper counts")
            // The withdrawn issue is in no count and no list of customers.
            #expect(!board.contains("Klant m3") && !wall.contains("Klant m3"), "\(context): withdrawn")
        }
    }

    @Test func mondayAfterTheDeadlineInDetail() {
        let at = instant("2026-11-30T10:30:00+01:00")
        let status = Self.schedule.status(at: at, issues: Self.issues)
        // The colleague is credited, not the lead who recorded it.
        #expect(status.account.helpers.map(\.name) == ["Pieter", "Sanne"])
        let report = MorningReport(Self.schedule.reportData(of: status.morning, issues: Self.issues, at: at), language: .en).text
        #expect(report.contains("Withdrawn, not counted: #m3 Klant m3 (spam)."))
        #expect(report.contains("missed Fri 27 Nov"))
        #expect(report.contains("problem, waited 2h 50m, helped 10:20 by Pieter, 20m late"))
        #expect(report.contains("bug, waited 2h 30m, helped 09:30 by Sanne"))
        // The board marks the late one with ! and the overdue colour, the one in time with ✓.
        let (header, rows) = BoardStateBuilder.build(BoardData(issues: Self.issues), schedule: Self.schedule, now: at)
        let grid = BoardRenderer.render(BoardState(language: .en, timeZone: Self.zone, now: at, header: header, rows: rows),
                                        width: 120, height: 30)
        let lateLine = (0..<grid.height).first { grid.line($0).contains("Klant m2") }!
        let inTimeLine = (0..<grid.height).first { grid.line($0).contains("Klant m1") }!
        #expect(grid.line(lateLine).contains("!10:20"))
        #expect(grid.line(inTimeLine).contains("✓09:30"))
        let lateCell = grid.line(lateLine).range(of: "!10:20").map { DisplayWidth.of(grid.line(lateLine)[..<$0.lowerBound]) }!
        #expect(grid[lateCell, lateLine].role == .stateOverdue)
        // After the deadline the waiting rows are urgent.
        let waitingLine = (0..<grid.height).first { grid.line($0).contains("Klant f2") }!
        #expect((0..<grid.width).contains { grid[$0, waitingLine].role == .stateOverdue })
    }

    @Test func theProjectedFinishIsRedWhenItIsLate() {
        // Three waiting at 09:00, one helped in the last hour: done ~12:00, after the deadline.
        let issues = (1...3).map { Self.issue("w\($0)", "2026-11-30T07:0\($0):00+01:00") }
            + [Self.issue("h", "2026-11-30T07:00:00+01:00", resolved: "2026-11-30T08:30:00+01:00", by: "Ann")]
        let at = instant("2026-11-30T09:00:00+01:00")
        let (header, rows) = BoardStateBuilder.build(BoardData(issues: issues), schedule: Self.schedule, now: at)
        #expect(header.status.finishesLate)
        let grid = BoardRenderer.render(BoardState(language: .en, timeZone: Self.zone, now: at, header: header, rows: rows),
                                        width: 120, height: 20)
        let x = grid.line(1).range(of: "done ~12:00").map { DisplayWidth.of(grid.line(1)[..<$0.lowerBound]) }!
        #expect(grid[x, 1].role == .stateOverdue)
    }
}
