import Foundation

/// The built `tenboard` binary and a way to run it as a user would: real process, real files.
public enum TenBoardBinary {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `TENBOARD_BIN` if set, else the binary next to the running test bundle, else `.build/debug`.
    public static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["TENBOARD_BIN"] { return explicit }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), beside.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("tenboard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/tenboard").path
    }()

    public typealias Result = ProgramResult

    /// A minimal environment, like cron's, plus `extra`.
    public static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `tenboard arguments…` to completion in a cron-like environment plus `extra`.
    public static func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Result {
        try ChildProcess.run(path, arguments, environment: environment(extra), input: input)
    }

    /// Runs any program to completion with exactly `environment` (see `ChildProcess`).
    public static func run(program: String, _ arguments: [String], environment: [String: String],
                           input: String? = nil) throws -> Result {
        try ChildProcess.run(program, arguments, environment: environment, input: input)
    }

    /// `run(program:…)` waiting on a thread of its own, for a program that takes minutes (a
    /// release build).
    public static func runAway(program: String, _ arguments: [String], environment: [String: String]) async throws -> Result {
        try await ChildProcess.runAway(program, arguments, environment: environment)
    }

    /// A new empty directory, removed at the latest when the tests end (`TemporaryDirectory`).
    public static func temporaryDirectory(_ label: String) throws -> URL {
        try TemporaryDirectory.make(label)
    }
}
