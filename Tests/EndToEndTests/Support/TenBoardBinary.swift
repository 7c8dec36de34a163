import Foundation

/// The built `tenboard` binary and a way to run it as a user would: real process, real files.
enum TenBoardBinary {
    /// The package root, found from this file's path.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `TENBOARD_BIN` if set, else the binary next to the running test bundle, else `.build/debug`.
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["TENBOARD_BIN"] { return explicit }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), beside.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("tenboard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/tenboard").path
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A minimal environment, like cron's, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `tenboard arguments…` to completion.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Result {
        try run(program: path, arguments, environment: environment(extra), input: input)
    }

    /// Runs any program to completion with exactly `environment`, collecting what it prints.
    static func run(program: String, _ arguments: [String], environment: [String: String],
                    input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Drain both pipes before waiting, so a chatty child never blocks on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `run(program:…)` on a thread of its own, for a program that takes minutes (a release
    /// build): a test that waits this way leaves the test runner's few shared threads to the
    /// tests beside it instead of blocking one of them.
    static func runAway(program: String, _ arguments: [String], environment: [String: String]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try run(program: program, arguments, environment: environment) })
            }.start()
        }
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenboard-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
