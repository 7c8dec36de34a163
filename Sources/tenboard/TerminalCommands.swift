import ArgumentParser
import Foundation
import TenBoardCore

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The interactive board for team leads (the default command).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var at: AtOption

    func run() throws {
        try reporting {
            _ = try global.open()
            throw TenBoardError("the board is not built yet", exitCode: .software)
        }
    }
}

struct Wall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The read-only kiosk board for the wall-mounted terminal.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var at: AtOption

    func run() throws {
        try reporting {
            _ = try global.open()
            throw TenBoardError("the wall is not built yet", exitCode: .software)
        }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the board on a built-in example store whose times are relative to now.")

    func run() throws {
        throw TenBoardError("the demo is not built yet", exitCode: .software)
    }
}
