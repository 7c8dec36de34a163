#if canImport(Glibc)
import Glibc
#endif
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a program in the foreground and waits for it, as `system(3)` does: it stays in our
/// process group, so a terminal program (vi) owns the terminal (Foundation's `Process` starts a
/// new process group, where vi cannot read the terminal and exits 1); it starts in the current
/// directory without changing to it again (which fails when that directory cannot be entered, as
/// after `sudo -u`); it gets the default signal actions for SIGINT, SIGQUIT and SIGPIPE (tenboard
/// ignores SIGPIPE) and no blocked signals; and while it runs, Ctrl-C and Ctrl-\ are its alone.
package enum ForegroundCommand {
    /// How the program ended.
    package enum Ending: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// Why it could not be run or waited for.
    package enum Failure: Error {
        /// `posix_spawn` failed.
        case notStarted(Errno)
        /// `waitpid` failed.
        case lost(Errno)
    }

    /// Runs `path` with `arguments` (the first is its name, `argv[0]`) and the environment.
    package static func run(_ path: String, arguments: [String]) throws(Failure) -> Ending {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, nil, &attributes, argv, environ)
        guard spawned == 0 else { throw .notStarted(Errno(rawValue: spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw .lost(Errno(rawValue: errno)) }
        }
        if status & 0x7f != 0 { return .signaled(status & 0x7f) }
        return .exited((status >> 8) & 0xff)
    }
}
