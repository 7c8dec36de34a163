import Foundation
import TenBoardCore

/// The one loop of the board and the wall: draw a frame, then wait in one `poll` for whichever
/// comes first (a key on the terminal, a stop signal through `StopSignals`' self-pipe, or just
/// after the clock's next whole second), so an idle screen wakes once a second and a stop signal
/// ends it within milliseconds.
enum ScreenLoop {
    /// What a key asks of the loop.
    enum Outcome: Equatable {
        case keepGoing
        /// Repaint the whole terminal (Ctrl-L).
        case repaint
        case quit
    }

    /// One frame to draw.
    struct Frame {
        var grid: Grid
        /// Write every cell, not only those that changed (the wall's layout shift).
        var repaintFirst = false
    }

    /// Takes over the terminal and runs until a key quits, a stop signal arrives or the terminal
    /// hangs up, then gives the terminal back.
    ///
    /// - Parameters:
    ///   - language: for the message when there is no usable terminal.
    ///   - now: the clock, asked for every frame and every key.
    ///   - frame: the frame at an instant for a terminal of a size (`unicode`: `false` in a
    ///     non-UTF-8 locale).
    ///   - key: carries out a key; keys typed ahead of the screen (fast typing over a slow link)
    ///     are all handled before the next frame: one frame for a burst, not one per key.
    /// - Returns: the exit status: 0 after a quit, 128 + the signal after one, 64 without a terminal.
    static func run(
        language: Language, now: () -> Date,
        frame: (_ at: Date, _ width: Int, _ height: Int, _ unicode: Bool) -> Frame,
        key: (Key, Date) -> Outcome
    ) -> Int32 {
        guard let screen = CursesScreen.start(explainingIn: language) else { return ExitStatus.usage.rawValue }
        defer { screen.stop() }
        while true {
            if let signal = StopSignals.take() { return signal.exitStatus }
            let size = screen.currentSize()
            let next = frame(now(), size.width, size.height, screen.unicode)
            if next.repaintFirst { screen.repaint() }
            screen.draw(next.grid)
            var input = screen.readKey(milliseconds: millisecondsToNextSecond(now()))
            if input == .hangup { return POSIXSignal.hangup.exitStatus }
            while case .key(let typed) = input {
                if typed == .resize { screen.invalidate() }
                switch key(typed, now()) {
                case .quit: return 0
                case .repaint: screen.repaint()
                case .keepGoing: break
                }
                input = screen.readKey(milliseconds: 0)
            }
        }
    }

    /// Milliseconds until just after the clock's next whole second, so a countdown changes on the
    /// second; a clock that jumped (suspend, NTP) is simply read again on waking.
    static func millisecondsToNextSecond(_ date: Date) -> Int {
        let t = date.timeIntervalSince1970
        return Int(((t.rounded(.down) + 1 - t) * 1000).rounded(.up)) + 5
    }
}
