import TenBoardCore
/// The main view of the board.
public enum BoardScreen: Sendable, Equatable {
    case list
    /// One issue in full, the selected one.
    case detail
}

/// What is shown over the main view and takes the keys.
public enum BoardOverlay: Sendable, Equatable {
    case none
    /// `?`: the keys and the set-up, scrolled to a line.
    case help(HelpPage)
    /// A one-line question at the bottom (resolve, assign, filter).
    case prompt(LinePrompt)
    /// The issue form: new (`n`) or correcting one (`e`).
    case form(IssueForm)
}

/// What the help overlay shows: where it is scrolled, and the set-up a stuck lead needs to see.
public struct HelpPage: Sendable, Equatable {
    /// The first line shown.
    public var top: Int
    public var setup: BoardSetup?

    public init(top: Int = 0, setup: BoardSetup? = nil) {
        self.top = top
        self.setup = setup
    }
}

/// Where this board reads and what it counts by, like htop's Setup: two leads pointing at
/// different stores see it at once.
public struct BoardSetup: Sendable, Equatable {
    public var store: String
    /// The config file the settings came from; `nil` when none was read.
    public var configFile: String?
    public var schedule: MorningSchedule
    public var version: String

    public init(store: String, configFile: String?, schedule: MorningSchedule, version: String = TenBoardVersion.current) {
        self.store = store
        self.configFile = configFile
        self.schedule = schedule
        self.version = version
    }
}
