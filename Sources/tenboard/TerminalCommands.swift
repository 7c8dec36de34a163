import ArgumentParser
import Foundation
import TenBoardCore
import TenBoardTerminal

struct Board: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "board",
        abstract: "The interactive board for team leads (the default command).",
        discussion: """
            Keys: ↑/↓ or j/k move, Enter details, Esc back, r resolve (asks for the action point and who helped), a assign, u reopen, x withdraw (a duplicate or spam, asks a reason), n new issue, e correct an issue, z undo your last change, / filter, t tally mark, ? all keys and the set-up, q quit. In a field: ← → Home End Delete Ctrl-A Ctrl-E Ctrl-K Ctrl-W Ctrl-U; a paste is text, never keys. Changes by others (another lead, a script) appear within a second or two.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Option(name: .long, help: ArgumentHelp("Show the board frozen at this instant (RFC 3339, HH:MM or YYYY-MM-DD HH:MM), e.g. to see what 10:00 looked like: a read-only view with an \"as at\" badge; changes are refused.", valueName: "time"))
    var at: String?
    @Flag(name: .customLong("read-only"), help: "Refuse every change: for watching only.")
    var readOnly = false
    /// For end-to-end tests and demos: a live board (changes allowed) whose clock stands at this
    /// instant. Not for people, who want `--at` (frozen, read-only) or the real time.
    @Option(name: .customLong("pinned-clock"), help: ArgumentHelp("A live board whose clock stands at this instant (tests).", visibility: .hidden))
    var pinnedClock: String?

    func validate() throws {
        if at != nil && pinnedClock != nil { throw ValidationError { $0.atIsFrozen(wall: false, not: "--pinned-clock") } }
    }

    func run() throws {
        let status = try { () throws -> Int32 in
            let (configuration, store) = try global.open()
            let clock: @Sendable () -> Date
            if let instant = at ?? pinnedClock {
                let fixed = try parseTime(instant, option: at != nil ? "--at" : "--pinned-clock", configuration)
                clock = { fixed }
            } else {
                clock = { Date() }
            }
            return BoardApp.run(store: store, configuration: configuration, now: clock, readOnly: readOnly, frozen: at != nil)
        }()
        if status != 0 { throw ExitCode(status) }
    }
}

struct Wall: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "wall",
        abstract: "The read-only kiosk board for the wall-mounted terminal.",
        discussion: """
            Big countdown to the deadline, the customers still waiting, who helped how many and the streak; between mornings, yesterday's result and the time to the next deadline. It only reads the store. q quits unless 'wall-quit-key: false'. See config/wall/ for starting it on tty1 at boot.
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Option(name: .long, help: ArgumentHelp("Show the wall frozen at this instant (RFC 3339, HH:MM or YYYY-MM-DD HH:MM), e.g. to see what 10:00 looked like: the clock and the countdown stand still, with an \"as at\" badge.", valueName: "time"))
    var at: String?

    /// For end-to-end tests and benchmarks: a live wall whose clock starts at this instant and runs
    /// on, so the countdown ticks whatever the real hour. Not for people, who want `--at`.
    @Option(name: .customLong("clock-from"), help: ArgumentHelp("A live wall whose clock starts at this instant and runs on (tests).", visibility: .hidden))
    var clockFrom: String?

    func validate() throws {
        if at != nil && clockFrom != nil { throw ValidationError { $0.atIsFrozen(wall: true, not: "--clock-from") } }
    }

    func run() throws {
        let status = try { () throws -> Int32 in
            let (configuration, store) = try global.open()
            var clock: @Sendable () -> Date = { Date() }
            if let at {
                let fixed = try parseTime(at, option: "--at", configuration)
                clock = { fixed }
            } else if let clockFrom {
                clock = WallApp.clock(startingAt: try parseTime(clockFrom, option: "--clock-from", configuration))
            }
            return WallApp.run(store: store, configuration: configuration, now: clock, frozen: at != nil)
        }()
        if status != 0 { throw ExitCode(status) }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        "demo",
        abstract: "Open the board on a built-in example store whose times are relative to now.",
        discussion: """
            The example lives in a temporary directory that is removed afterwards; nothing of yours is touched. Its deadline is set 47 minutes from now, so the countdown runs whatever the hour. --wall shows the wall instead of the board.
            """)

    @Flag(help: "Show the wall (kiosk) instead of the interactive board.") var wall = false
    @Option(help: "en or nl (default: from LANG).") var language: String?

    func run() throws {
        let status = try { () throws -> Int32 in
            let directory = try AtomicFile.makeTemporaryDirectory(prefix: "tenboard-demo-")
            defer { try? FileManager.default.removeItem(at: directory) }
            var environment = ProcessEnvironment.variables()
            environment["TENBOARD_STORE"] = directory.path
            if let language { environment["TENBOARD_LANGUAGE"] = language }
            var configuration = try ConfigLoader(environment: environment).load()
            configuration.schedule = DemoSchedule.around(Date(), zone: configuration.schedule.timeZone)
            let store = IssueStore(directory: directory, schedule: configuration.schedule)
            try ExampleStore.populate(store)
            if wall {
                return WallApp.run(store: store, configuration: configuration, now: { Date() })
            }
            return BoardApp.run(store: store, configuration: configuration, now: { Date() }, readOnly: false)
        }()
        if status != 0 { throw ExitCode(status) }
    }
}

/// A schedule that puts a morning's deadline 47 minutes ahead of `now`, every day of the week.
enum DemoSchedule {
    static func around(_ now: Date, zone: TimeZone) -> MorningSchedule {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        // Late in the evening the deadline would fall after midnight: use 23:59 then.
        let minutes = min((parts.hour ?? 0) * 60 + (parts.minute ?? 0) + 47, 23 * 60 + 59)
        let deadline = ClockTime(hour: minutes / 60, minute: minutes % 60)
        let cutoffMinutes = max(0, minutes - 75)
        return MorningSchedule(
            timeZone: zone, deadline: deadline, cutoff: ClockTime(hour: cutoffMinutes / 60, minute: cutoffMinutes % 60),
            workdays: Set(Weekday.allCases), holidays: [], warningSeconds: 30 * 60)
    }
}
