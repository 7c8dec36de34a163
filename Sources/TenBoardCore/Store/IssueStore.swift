import Foundation
import Synchronization

/// The issues of a team, in a directory that several processes read and change at once.
///
/// Every change is a read-modify-write under the store's exclusive lock (`StoreLock`), and every
/// file is replaced atomically (`AtomicFile`), so readers never lock and never see half a file,
/// and no update is lost. Open issues and the customers of the last morning before today and
/// of today's (`hotMornings`) live in one hot file, `issues.json`; older history moves to monthly archive
/// segments so that the commands a team uses all day do not slow down as the years pass.
///
/// The type is this file; what it does is in extensions, one concern each: the files layer
/// (`IssueStore+Files`: reading, the one read-modify-write, `.bak`), the archive
/// (`+Archive`: what leaves the hot file; `+Lookup`: an issue by id wherever it is), the commands
/// (`+Commands`, `+Withdraw`, `+Insert`, `Editing/IssueEdit`), `+EditFile` (the hot file in an
/// editor), `+Transfer` (import) and `+Export`.
public final class IssueStore: Sendable {
    public let directory: URL

    /// Whether the store's directory is there (a link to one counts). A store no change has made
    /// yet has none; `add`, `import` and `intake` make it. An empty directory is an empty store.
    public var isThere: Bool { FileSystemCalls.info(directory.path)?.type == .directory }
    public let schedule: MorningSchedule
    /// Closed issues (helped or withdrawn) whose morning, and whose help or withdrawal, lie before
    /// the `archiveAfterMornings`-th morning before today move to the archive.
    ///
    /// One by default (`hotMornings`): what the next mornings need from the hot file, the open
    /// issues and the customers of the last morning before today and of today's, so that the
    /// morning before today (whose result the wall and the `summary` preview show on a day
    /// without a morning) is always there, after a weekend or a holiday too. Counted in mornings,
    /// not days, so the hot file holds two mornings' customers on every day of the week (a
    /// window of two calendar days held three from Wednesday to Friday, and lost Friday's on a
    /// Monday that is a holiday). The strip of 20 mornings, the rates and the week's and month's
    /// helpers add the archived part of the recent mornings the hot file keeps beside the streak
    /// base (`StoreState.recentMornings`, from the morning ledger); older mornings are read from
    /// the archive (`input(forMorning:)`) and the ledger (`history`). The hot file is read by
    /// every command and rewritten by every change (README, Benchmarks).
    public let archiveAfterMornings: Int

    /// The default of `archiveAfterMornings`.
    public static let hotMornings = 1

    public static let hotFileName = "issues.json"

    /// The real time: a change dated later than this (plus a minute of clock skew) is refused,
    /// and the archive horizon never moves past it. Tests set it.
    let clock: @Sendable () -> Date

    /// The hot file as this store last parsed it, with the stamp of the file it came from
    /// (`loadStamped`): a process that reads the store again and again (the board: a read each
    /// time the file changes, then one before each change it makes) parses each file once.
    let lastParsed = Mutex<StampedState?>(nil)

    /// The settled file as this store last read (or wrote) it: parsed once a day, not at every
    /// change of the hot file.
    let lastSettled = Mutex<SettledCache?>(nil)

    struct SettledCache: Sendable {
        var file: String
        var stamp: FileStamp
        var issues: [Issue]
    }

    /// How far a change may be dated after the real time (clocks of two machines differ a little).
    public static let clockSkew: TimeInterval = 60

    public init(
        directory: URL, schedule: MorningSchedule = MorningSchedule(), archiveAfterMornings: Int = IssueStore.hotMornings,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.directory = directory
        self.schedule = schedule
        self.archiveAfterMornings = archiveAfterMornings
        self.clock = clock
    }

    public var hotURL: URL { directory.appendingPathComponent(IssueStore.hotFileName) }
    var archiveURL: URL { directory.appendingPathComponent(ArchiveSegment.directoryName) }
}
