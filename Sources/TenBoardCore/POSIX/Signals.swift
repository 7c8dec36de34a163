import Glibc
import Synchronization

/// A signal number, typed: the few the screens deal with by name.
public struct POSIXSignal: RawRepresentable, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let interrupt = POSIXSignal(rawValue: SIGINT)
    public static let terminate = POSIXSignal(rawValue: SIGTERM)
    /// A hang-up: the terminal went away (SSH dropped).
    public static let hangup = POSIXSignal(rawValue: SIGHUP)
    public static let windowChanged = POSIXSignal(rawValue: SIGWINCH)

    /// The signals that ask a screen to stop: SIGINT (Ctrl-C), SIGTERM (`systemctl stop`),
    /// SIGHUP (a dropped SSH session).
    public static let stopping: [POSIXSignal] = [.interrupt, .terminate, .hangup]
    /// The signals of a crash, after which a screen must still give the terminal back.
    public static let crashing: [POSIXSignal] = [
        POSIXSignal(rawValue: SIGSEGV), POSIXSignal(rawValue: SIGBUS), POSIXSignal(rawValue: SIGILL),
        POSIXSignal(rawValue: SIGTRAP), POSIXSignal(rawValue: SIGFPE), POSIXSignal(rawValue: SIGABRT),
    ]

    /// The exit status of a program that stops because of this signal: 128 + its number.
    public var exitStatus: Int32 { 128 + rawValue }

    /// Installs `handler` for this signal with `sigaction`, without `SA_RESTART`, so that a wait
    /// (`poll`) returns when it arrives.
    ///
    /// - Returns: the action that was in place before.
    @discardableResult
    public func install(_ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(rawValue, &action, &previous)
        return previous
    }

    /// Lets `signals` through again: a parent may have left them blocked (a test runner, a badly
    /// written launcher), and then SIGTERM or a hang-up would never arrive.
    public static func unblock(_ signals: [POSIXSignal]) {
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in signals { sigaddset(&mask, signal.rawValue) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }
}

/// The last stop signal that arrived (0: none), written by the handler; an atomic store is
/// async-signal-safe.
private let pendingStop = Atomic<Int32>(0)
/// The self-pipe a stop signal writes a byte into, so a `poll` that includes its read end ends at
/// once, whichever thread the signal lands on: (read, write) ends, -1 until installed.
private let wakeRead = Atomic<Int32>(-1)
private let wakeWrite = Atomic<Int32>(-1)
/// The terminal whose output a stop signal lets flow again (see `StopSignals.install`), -1: none.
private let flowTerminal = Atomic<Int32>(-1)

/// SIGINT, SIGTERM and SIGHUP as a flag and a wake-up: the handler only records the signal and
/// writes a byte into a self-pipe that the screen loop polls, so the loop ends within
/// milliseconds and restores the terminal itself (nothing unsafe runs in the handler).
public enum StopSignals {
    /// Installs the handlers (once per process) and unblocks the stop signals and SIGWINCH.
    ///
    /// - Parameter terminal: a terminal descriptor whose output flow control (IXON) the handler
    ///   turns off: output stopped with Ctrl-S would keep the loop blocked in `write()`, never
    ///   seeing the flag (Linux lets a tty stopped by the stop character flow again then; TCOON
    ///   only undoes TCOOFF). The loop restores the terminal, IXON included, as it stops.
    public static func install(resumingOutputOf terminal: Int32? = nil) {
        if wakeRead.load(ordering: .relaxed) < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                }
                wakeRead.store(ends[0], ordering: .relaxed)
                wakeWrite.store(ends[1], ordering: .relaxed)
            }
        }
        flowTerminal.store(terminal ?? -1, ordering: .relaxed)
        let handler: @convention(c) (Int32) -> Void = { signal in
            let savedErrno = errno
            pendingStop.store(signal, ordering: .relaxed)
            var byte: UInt8 = 1
            let wake = wakeWrite.load(ordering: .relaxed)
            if wake >= 0 { _ = write(wake, &byte, 1) }
            let tty = flowTerminal.load(ordering: .relaxed)
            var mode = termios()
            // tcgetattr/tcsetattr are async-signal-safe.
            if tty >= 0, tcgetattr(tty, &mode) == 0, mode.c_iflag & tcflag_t(IXON) != 0 {
                mode.c_iflag &= ~tcflag_t(IXON)
                _ = tcsetattr(tty, TCSANOW, &mode)
            }
            errno = savedErrno
        }
        for signal in POSIXSignal.stopping { signal.install(handler) }
        POSIXSignal.unblock(POSIXSignal.stopping + [.windowChanged])
    }

    /// The read end of the self-pipe, for a `poll`; `nil` before `install` (or if no pipe could be made).
    public static var wakeDescriptor: Int32? {
        let fd = wakeRead.load(ordering: .relaxed)
        return fd >= 0 ? fd : nil
    }

    /// The stop signal that arrived, if any, and forgets it.
    public static func take() -> POSIXSignal? {
        let signal = pendingStop.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : POSIXSignal(rawValue: signal)
    }

    /// Whether a stop signal arrived, without forgetting it.
    public static var arrived: Bool { pendingStop.load(ordering: .relaxed) != 0 }

    /// Empties the self-pipe after a wake-up.
    public static func drain() {
        guard let fd = wakeDescriptor else { return }
        var bytes = (0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64)
        while withUnsafeMutableBytes(of: &bytes, { read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}

/// The actions that were in place for the crash signals (the Swift runtime's backtracer) before a
/// screen put its own, so a crash restores the terminal and is then handled as it would have
/// been. One fixed buffer, written before the handlers are installed and only read afterwards:
/// the crash handler touches no Swift array (no exclusivity check, no retain in a handler).
/// Linux's signal numbers run from 1 to 64.
nonisolated(unsafe) private let previousCrashActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    actions.initialize(repeating: sigaction(), count: 65)
    return actions
}()

/// Crash signals that first run a clean-up of the caller's (giving the terminal back), then go to
/// the handler that was there before.
public enum CrashSignals {
    /// Installs `handler` for every crash signal, keeping the previous actions for `passOn`.
    /// The handler should do its clean-up and then call `passOn(_:)`.
    public static func install(_ handler: @convention(c) (Int32) -> Void) {
        for signal in POSIXSignal.crashing {
            previousCrashActions[Int(signal.rawValue)] = signal.install(handler)
        }
    }

    /// Puts back the action that was in place before `install` and raises `signal` again: it is
    /// blocked until the running handler returns, then delivered to the previous handler.
    /// Async-signal-safe.
    public static func passOn(_ signal: Int32) {
        sigaction(signal, previousCrashActions.advanced(by: Int(signal)), nil)
        raise(signal)
    }
}
