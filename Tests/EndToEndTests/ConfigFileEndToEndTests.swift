import Foundation
import Testing
import TenBoardTestSupport

/// A file a person names (`--config`, `import FILE`, `add --json FILE`) is read as `cat` reads
/// it: /dev/null is an empty file, a link and a pipe are read, and what fails says why in the
/// system's words, never Foundation's "You don't have permission" for /dev/null.
@Suite("Files named on the command line are read as cat reads them")
struct ConfigFileEndToEndTests {
    @Test("--config /dev/null is an empty config; a directory says so (78); a missing one 66; a link and a pipe are read; add --json of a directory says so (66), of a pipe reads it")
    func namedFiles() throws {
        let dir = try TenBoardBinary.temporaryDirectory("config-file")
        defer { TemporaryDirectory.remove(dir) }
        let store = dir.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let env = ["TENBOARD_STORE": store.path, "HOME": dir.path]
        let at = "2026-11-30T09:00:00+01:00"

        let empty = try TenBoardBinary.run(["status", "--config", "/dev/null", "--at", at], environment: env)
        #expect(empty.status == 0 && empty.stdout.hasPrefix("No customers"), "\(empty.stdout) \(empty.stderr)")
        let directory = try TenBoardBinary.run(["status", "--config", dir.path], environment: env)
        #expect(directory.status == 78 && directory.stderr == "tenboard: config file \(dir.path) cannot be read: Is a directory\n", "\(directory.stderr)")
        let missing = try TenBoardBinary.run(["status", "--config", dir.appendingPathComponent("none.yaml").path], environment: env)
        #expect(missing.status == 66 && missing.stderr.contains("does not exist"), "\(missing.stderr)")

        // A link to a config file, and a pipe (as `--config <(…)` gives), are read.
        let real = dir.appendingPathComponent("real.yaml")
        try "language: nl\n".write(to: real, atomically: true, encoding: .utf8)
        let link = dir.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let linked = try TenBoardBinary.run(["status", "--config", link.path, "--at", at], environment: env)
        #expect(linked.status == 0 && linked.stdout.contains("klant"), "\(linked.stdout) \(linked.stderr)")
        let piped = try TenBoardBinary.run(program: "/bin/bash", ["-c", #""$BIN" status --config <(printf 'language: nl\n') --at "$AT""#],
                                           environment: env.merging(["BIN": TenBoardBinary.path, "AT": at, "PATH": "/usr/bin:/bin"]) { $1 })
        #expect(piped.status == 0 && piped.stdout.contains("klant"), "\(piped.stdout) \(piped.stderr)")

        let added = try TenBoardBinary.run(["add", "--json", dir.path], environment: env)
        #expect(added.status == 66 && added.stderr == "tenboard: \(dir.path): cannot read: Is a directory\n", "\(added.stderr)")
        let addedPipe = try TenBoardBinary.run(program: "/bin/bash", ["-c", #""$BIN" add --json <(printf '{"customer":"Ann","summary":"x"}')"#],
                                               environment: env.merging(["BIN": TenBoardBinary.path, "PATH": "/usr/bin:/bin"]) { $1 })
        #expect(addedPipe.status == 0, "\(addedPipe.stderr)")
    }
}
