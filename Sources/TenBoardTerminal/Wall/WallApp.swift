import Foundation
import TenBoardCore

/// The wall (`tenboard wall`): a read-only kiosk that wakes each second (`ScreenLoop`), follows
/// the store (`StoreWatcher`), recomputes what the clock changes, and lets the terminal layer
/// send only the cells that differ.
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
        let watcher = StoreWatcher(store: store)
        var lastShift: WallShift.Offset?
        let feed = WallFeed(schedule: configuration.schedule, language: configuration.language, frozen: frozen)
        return ScreenLoop.run(language: configuration.language, now: now) { at, width, height, unicode in
            watcher.refresh()
            let shift = WallShift.offset(at: at, everyMinutes: configuration.wallShiftMinutes)
            // Every cell moves anyway when the layout shifts: a good moment to also wipe whatever
            // kernel messages may have written over a console.
            let shifted = lastShift != nil && lastShift != shift
            lastShift = shift
            var state = feed.state(watcher.value, generation: watcher.generation, at: at)
            state.notice = notice(watcher, store: store.directory.path, language: configuration.language)
            return ScreenLoop.Frame(
                grid: WallLayout.render(state, width: width, height: height, unicode: unicode, shift: shift),
                repaintFirst: shifted)
        } key: { key, _ in
            switch WallKeys.intent(key, quitKey: configuration.wallQuitKey) {
            case .quit: .quit
            case .repaint: .repaint
            case .resize, .ignore: .keepGoing // the loop clears the screen after a resize
            }
        }
    }

    /// The problem to show in a corner: the store is missing or cannot be read (the wall then
    /// shows the last good state); `nil` when all is well.
    static func notice<Stamp, Value>(_ watcher: StoreWatcher<Stamp, Value>, store path: String, language: Language) -> String? {
        let text = Words(language)
        if watcher.missing { return text.storeMissing(path) }
        return watcher.error.map { text.storeProblem(shortReason($0, language)) }
    }

    /// The first sentence of an error: a corner has no room for the advice that follows.
    static func shortReason(_ error: any Error, _ language: Language = .en) -> String {
        let message = (error as? TenBoardError)?.message(in: language) ?? "\(error)"
        let first = message.components(separatedBy: ". ").first ?? message
        return Untrusted.oneLine(first)
    }

    /// A clock that starts at `start` and runs at the pace of the real one: the wall's hidden
    /// `--clock-from` for tests and benchmarks, so that a pinned instant still ticks.
    public static func clock(startingAt start: Date) -> @Sendable () -> Date {
        let origin = Date()
        return { start.addingTimeInterval(Date().timeIntervalSince(origin)) }
    }
}
