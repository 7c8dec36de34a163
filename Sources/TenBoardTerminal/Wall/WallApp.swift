import Foundation
import Glibc
import TenBoardCore

/// The wall (`tenboard wall`): a read-only kiosk loop that wakes each second, recomputes
/// everything from the clock, re-reads the store when it changed, and lets the terminal layer send
/// only the cells that differ.
public enum WallApp {
    /// Runs the wall until `q` (when `wallQuitKey`), Ctrl-C, SIGTERM or a hang-up, and gives the
    /// terminal back.
    ///
    /// - Parameters:
    ///   - store: the team's store; only read, never locked or written.
    ///   - configuration: schedule, language, `wallQuitKey` and `wallShiftMinutes`.
    ///   - now: the clock, asked afresh every tick so nothing drifts; for `--at`, one that
    ///     stands still at that instant (a frozen view); for tests, `WallApp.clock(startingAt:)`
    ///     so the countdown still ticks.
    ///   - frozen: `now` is not the real time (`--at`): the wall shows an "as at" badge.
    /// - Returns: the exit status: 0 after `q`, 128 + the signal after one, 64 without a terminal.
    public static func run(
        store: IssueStore, configuration: Configuration, now: @escaping @Sendable () -> Date, frozen: Bool = false
    ) -> Int32 {
        let reader = WallReader(source: store, language: configuration.language)
        guard let screen = CursesScreen.start(explainingIn: configuration.language) else { return ExitStatus.usage.rawValue }
        defer { screen.stop() }
        var lastShift: WallShift.Offset?
        var recent: (key: (Int, Int), value: (strip: [MorningRow], rate: MorningRate))?
        while true {
            if let signal = CursesScreen.takeSignal() { return 128 + signal }
            let at = now()
            reader.refresh(at: at)
            let shift = WallShift.offset(at: at, everyMinutes: configuration.wallShiftMinutes)
            // Every cell moves anyway when the layout shifts: a good moment to also wipe whatever
            // kernel messages may have written over a console.
            if let lastShift, lastShift != shift { screen.repaint() }
            lastShift = shift
            // The strip of the last mornings changes only with the store and, at most, the minute.
            let key = (reader.snapshot.revision, Int((at.timeIntervalSince1970 / 60).rounded(.down)))
            if recent == nil || recent!.key != key {
                recent = (key, MorningHistory.recent(reader.snapshot.issues, schedule: configuration.schedule, at: at, kept: reader.snapshot.recentMornings))
            }
            let state = WallState.make(
                snapshot: reader.snapshot, schedule: configuration.schedule, at: at,
                language: configuration.language, notice: reader.notice, frozen: frozen, recent: recent?.value)
            let size = screen.currentSize()
            screen.draw(WallLayout.render(state, width: size.width, height: size.height, unicode: screen.unicode, shift: shift))
            switch screen.readKey(milliseconds: CursesScreen.millisecondsToNextSecond(now())) {
            case .timeout: continue
            case .hangup: return 128 + SIGHUP
            case .key(let key):
                switch WallKeys.intent(key, quitKey: configuration.wallQuitKey) {
                case .quit: return 0
                case .repaint: screen.repaint()
                case .resize: screen.invalidate()
                case .ignore: break
                }
            }
        }
    }

    /// A clock that starts at `start` and runs at the pace of the real one: the wall's hidden
    /// `--clock-from` for tests and benchmarks, so that a pinned instant still ticks.
    public static func clock(startingAt start: Date) -> @Sendable () -> Date {
        let origin = Date()
        return { start.addingTimeInterval(Date().timeIntervalSince(origin)) }
    }
}
