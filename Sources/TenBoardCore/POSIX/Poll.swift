import Glibc

/// `poll(2)` on a few file descriptors, typed: what each one is ready for, or why none is.
///
/// The screens wait in one place for whichever comes first: a key on the terminal, a stop signal
/// (the read end of `StopSignals.wakeDescriptor`), or the next second.
public enum Poll {
    /// What a descriptor is ready for (the `revents` of a `pollfd`).
    public struct Events: OptionSet, Sendable, Hashable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }
        /// Data to read (`POLLIN`).
        public static let readable = Events(rawValue: Int16(POLLIN))
        /// The other end is gone (`POLLHUP`): a terminal whose SSH connection dropped.
        public static let hangup = Events(rawValue: Int16(POLLHUP))
        /// An error condition (`POLLERR`).
        public static let error = Events(rawValue: Int16(POLLERR))
        /// Not an open descriptor (`POLLNVAL`).
        public static let invalid = Events(rawValue: Int16(POLLNVAL))
        /// Hang-up, error or invalid: reading will not wait.
        public static let broken: Events = [.hangup, .error, .invalid]
    }

    /// How a wait ended.
    public enum Outcome: Sendable, Equatable {
        /// At least one descriptor is ready: the events of each, in the order they were given.
        case ready([Events])
        /// The time ran out with nothing ready.
        case timeout
        /// A signal arrived first (`EINTR`).
        case interrupted
        /// `poll` failed; the `errno`.
        case failed(Int32)
    }

    /// Waits until one of `descriptors` is readable (or broken), or `milliseconds` pass.
    ///
    /// - Parameter milliseconds: 0 only looks; a negative value waits without a limit.
    public static func wait(readable descriptors: [Int32], milliseconds: Int) -> Outcome {
        var fds = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let result = fds.withUnsafeMutableBufferPointer {
            poll($0.baseAddress, nfds_t($0.count), Int32(clamping: milliseconds))
        }
        if result > 0 { return .ready(fds.map { Events(rawValue: $0.revents) }) }
        if result == 0 { return .timeout }
        let code = errno
        return code == EINTR ? .interrupted : .failed(code)
    }
}
