import Foundation
import TenBoardCore

/// The interactive board (`tenboard`, `tenboard board`): the loop that reads keys, ticks each
/// second, notices changes by other processes, and draws.
public enum BoardApp {
    /// Runs the board until `q`, Ctrl-C, SIGTERM or a hang-up, and gives the terminal back.
    ///
    /// - Parameters:
    ///   - store: the team's store; every change goes through its locked read-modify-write.
    ///   - configuration: schedule, language and the lead's `name` (`nil`: the login name).
    ///   - now: the clock; a fixed instant (`--at`) freezes the countdown, for tests.
    ///   - readOnly: refuse every change (for watching only).
    ///   - frozen: `now` is another instant (`--at`): a read-only view with an "as at" badge.
    /// - Returns: the exit status: 0 after `q`, 128 + the signal after one, 64 without a terminal.
    public static func run(
        store: IssueStore, configuration: Configuration, now: @escaping @Sendable () -> Date, readOnly: Bool,
        frozen: Bool = false
    ) -> Int32 {
        let controller = BoardController(
            store: store, schedule: configuration.schedule, language: configuration.language,
            userName: configuration.userName, readOnly: readOnly, frozen: frozen,
            setup: BoardSetup(store: configuration.store, configFile: configuration.file, schedule: configuration.schedule),
            tallyCap: configuration.tallyDailyCap
        )
        return run(controller, now: now)
    }

    static func run<Store: BoardStore>(_ controller: BoardController<Store>, now: () -> Date) -> Int32 {
        guard let screen = CursesScreen.start(explainingIn: controller.language) else { return ExitStatus.usage.rawValue }
        defer { screen.stop() }
        controller.refresh(force: true)
        while true {
            if let signal = CursesScreen.takeSignal() { return 128 + signal }
            let size = screen.currentSize()
            controller.size = size
            controller.refresh()
            let grid = BoardRenderer.render(controller.state(now: now()), width: size.width, height: size.height,
                                            unicode: screen.unicode)
            screen.draw(grid)
            switch screen.readKey(milliseconds: CursesScreen.millisecondsToNextSecond(now())) {
            case .timeout: continue
            case .hangup: return 128 + SIGHUP
            case .key(let first):
                var input = CursesScreen.Input.key(first)
                // Keys typed ahead of the screen (fast typing over a slow link) are all handled
                // before the next frame: one frame for a burst, not one per key.
                while case .key(let key) = input {
                    if key == .resize { screen.invalidate() }
                    switch controller.handle(key, now: now()) {
                    case .quit: return 0
                    case .repaint: screen.repaint()
                    case .keepGoing: break
                    }
                    input = screen.readKey(milliseconds: 0)
                }
            }
        }
    }
}
