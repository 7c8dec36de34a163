#if canImport(Glibc)
import Glibc
#endif

/// Dispositions the CLI sets first thing, and a library caller may ask for.
package enum ProcessDefaults {
    /// A sendmail or a pager that exits early must give us EPIPE, not kill us; a write past a
    /// file-size limit (ulimit -f) must fail with EFBIG, which the store reports (73) and cleans
    /// up after, not kill us and leave a temporary file behind.
    package static func ignoreBrokenPipeAndFileSize() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Makes writing to a pipe whose reader has gone fail with EPIPE instead of killing us, when
    /// nobody chose otherwise: only a default disposition is changed, a handler someone installed
    /// on purpose is left alone.
    package static func ignoreBrokenPipeUnlessHandled() {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0 else { return }
        if current.__sigaction_handler.sa_handler == nil { // SIG_DFL is the null handler
            signal(SIGPIPE, SIG_IGN)
        }
    }
}
