import Foundation
import TenBoardCore

/// The interactive board (`tenboard`, `tenboard board`): its frames and keys in the screens' one
/// loop (`ScreenLoop`: keys, a tick each second, stop signals), its store followed by the
/// controller's `StoreWatcher`.
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
        controller.refresh(force: true)
        return ScreenLoop.run(language: controller.language, now: now) { at, width, height, unicode in
            controller.size = (width, height)
            controller.refresh()
            return ScreenLoop.Frame(grid: BoardRenderer.render(controller.settle(now: at), width: width, height: height, unicode: unicode))
        } key: { key, at in
            switch controller.handle(key, now: at) {
            case .quit: .quit
            case .repaint: .repaint
            case .keepGoing: .keepGoing
            }
        }
    }
}
