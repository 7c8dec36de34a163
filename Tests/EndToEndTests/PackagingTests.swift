import Foundation
import Testing
import TenBoardTestSupport

/// The Debian package and the install script, built from this checkout and installed for real on
/// this machine, the way an admin of a team host would. Needs root (dpkg -i, a system group, a
/// second Unix user), as CI has; the release build runs at low priority so the terminal tests
/// beside it keep their timing.
@Suite(.serialized)
struct PackagingTests {
    static let packaging = TenBoardBinary.packageRoot.appendingPathComponent("config/packaging")
    static let systemPath = "/usr/sbin:/usr/bin:/sbin:/bin"

    /// Runs a program with a system PATH (dpkg, lintian and swift need more than cron's).
    static func sh(_ program: String, _ arguments: [String], extra: [String: String] = [:]) async throws -> TenBoardBinary.Result {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (env["PATH"].map { $0 + ":" } ?? "") + systemPath
        env["LANG"] = "C.UTF-8"
        for (key, value) in extra { env[key] = value }
        return try await TenBoardBinary.runAway(program: program, arguments, environment: env)
    }

    static func bash(_ script: String) async throws -> TenBoardBinary.Result {
        try await sh("/bin/bash", ["-c", script])
    }

    static func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? ""
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// What needs to hold for these tests to mean anything; a reason when it does not.
    static func preconditions() async throws -> String? {
        if getuid() != 0 { return "the packaging tests install a package and create users: run them as root (CI does)" }
        if try await sh("/usr/bin/dpkg-query", ["-W", "-f=${Status}", "tenboard"]).stdout.contains("installed") {
            return "a tenboard package is installed on this machine; these tests would purge it"
        }
        return nil
    }

    @Test func theDebianPackageInstallsWorksAndPurgesKeepingTheStore() async throws {
        if let reason = try await Self.preconditions() { Issue.record("\(reason)"); return }
        let hadGroup = try await Self.sh("/usr/bin/getent", ["group", "tenboard"]).status == 0
        let hadUser = try await Self.sh("/usr/bin/getent", ["passwd", "tenboard"]).status == 0
        let hadStore = Self.exists("/var/lib/tenboard")
        let out = try TenBoardBinary.temporaryDirectory("deb")
        let member = "tbpkg\(getpid() % 100_000)"
        defer {
            // Quick commands: run them here, on this thread.
            func now(_ program: String, _ arguments: [String]) {
                _ = try? TenBoardBinary.run(program: program, arguments, environment: ["PATH": Self.systemPath])
            }
            now("/usr/bin/dpkg", ["--purge", "tenboard"])
            now("/usr/sbin/userdel", [member])
            if !hadStore { try? FileManager.default.removeItem(atPath: "/var/lib/tenboard") }
            if !hadUser { now("/usr/sbin/userdel", ["tenboard"]) }
            if !hadGroup { now("/usr/sbin/groupdel", ["tenboard"]) }
            try? FileManager.default.removeItem(at: out)
        }

        // Build: the last line is the package's path.
        let build = try await Self.sh("/usr/bin/nice", ["-n", "15", Self.packaging.appendingPathComponent("build-deb").path,
                                                  "--out", out.path])
        try #require(build.status == 0, "build-deb failed:\n\(build.stderr.suffix(3000))")
        let deb = Self.lastLine(build.stdout)
        try #require(deb.hasSuffix(".deb") && Self.exists(deb), "last line is not the package: \(build.stdout)")

        // Contents: binary, manuals, completions, conffile, units, and nothing enabled.
        let listing = try await Self.sh("/usr/bin/dpkg-deb", ["--contents", deb]).stdout
        for path in ["./usr/bin/tenboard", "./usr/share/man/man1/tenboard.1.gz", "./usr/share/man/man1/tenboard.summary.1.gz",
                     "./usr/share/man/man5/tenboard-config.5.gz", "./usr/share/man/man5/tenboard-store.5.gz",
                     "./usr/share/bash-completion/completions/tenboard", "./usr/share/zsh/vendor-completions/_tenboard",
                     "./usr/share/fish/vendor_completions.d/tenboard.fish", "./etc/tenboard/config.yaml",
                     "./lib/systemd/system/tenboard-wall.service", "./lib/systemd/system/tenboard-summary.service",
                     "./lib/systemd/system/tenboard-summary.timer", "./usr/share/doc/tenboard/copyright",
                     "./usr/share/doc/tenboard/examples/cron.d/tenboard"] {
            #expect(listing.contains(" \(path)\n"), "the package lacks \(path)")
        }
        #expect(!listing.contains("./etc/cron.d/"), "a cron file in /etc/cron.d would run at once")
        #expect(!listing.contains(".wants/"), "the package must not enable units")
        let conffiles = try await Self.sh("/usr/bin/dpkg-deb", ["--info", deb, "conffiles"]).stdout
        #expect(conffiles.contains("/etc/tenboard/config.yaml"))
        let unit = try await Self.sh("/usr/bin/dpkg-deb", ["--fsys-tarfile", deb]).status
        #expect(unit == 0)

        // lintian: warnings are reported, errors fail.
        let lintian = try await Self.sh("/usr/bin/lintian", ["--no-tag-display-limit", deb])
        let errors = lintian.stdout.split(separator: "\n").filter { $0.hasPrefix("E:") }
        #expect(errors.isEmpty, "lintian errors:\n\(errors.joined(separator: "\n"))")
        print("lintian on \(URL(fileURLWithPath: deb).lastPathComponent): \(lintian.stdout.isEmpty ? "clean" : lintian.stdout)")

        // Install.
        let install = try await Self.sh("/usr/bin/dpkg", ["-i", deb])
        try #require(install.status == 0, "dpkg -i failed: \(install.stdout)\(install.stderr)")
        let version = try await Self.sh("/usr/bin/tenboard", ["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        #expect(deb.contains("tenboard_\(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))_"))
        #expect(try await Self.sh("/usr/bin/man", ["-w", "tenboard"]).stdout.hasPrefix("/usr/share/man/man1/tenboard.1"))
        #expect(try await Self.sh("/usr/bin/man", ["-w", "5", "tenboard-config"]).stdout.hasPrefix("/usr/share/man/man5/tenboard-config.5"))
        let page = try await Self.bash("MANWIDTH=80 man 5 tenboard-store 2>&1 | col -b")
        #expect(page.stdout.contains("issues.json"), "man tenboard-store does not render: \(page.stdout.prefix(400))")
        // bash loads completions from /usr/share/bash-completion/completions on demand.
        let completion = try await Self.bash(
            ". /usr/share/bash-completion/bash_completion && __load_completion tenboard && complete -p tenboard")
        #expect(completion.status == 0 && completion.stdout.contains("tenboard"), "bash completion: \(completion.stderr)")
        if Self.exists("/usr/bin/systemd-analyze") {
            let verify = try await Self.sh("/usr/bin/systemd-analyze", ["verify", "--man=no",
                "/lib/systemd/system/tenboard-summary.service", "/lib/systemd/system/tenboard-summary.timer",
                "/lib/systemd/system/tenboard-wall.service"])
            // Only the units' own syntax counts; the wall's user is the admin's to create.
            let own = verify.stderr.split(separator: "\n").filter { $0.contains("tenboard-") && !$0.contains("tenboard-wall") }
            #expect(own.isEmpty, "systemd-analyze verify: \(verify.stderr)")
        }
        // Nothing is enabled or started.
        #expect(!Self.exists("/etc/systemd/system/timers.target.wants/tenboard-summary.timer"))
        #expect(!Self.exists("/etc/systemd/system/multi-user.target.wants/tenboard-wall.service"))

        // The shared store: setgid, the package's group.
        let store = try FileManager.default.attributesOfItem(atPath: "/var/lib/tenboard")
        #expect((store[.posixPermissions] as? Int).map { $0 & 0o7777 } == 0o2775)
        #expect(store[.groupOwnerAccountName] as? String == "tenboard")

        // A lead in the group adds an issue with the installed configuration (no --config).
        try #require(try await Self.sh("/usr/sbin/useradd", ["--no-create-home", "--groups", "tenboard", member]).status == 0)
        let add = try await Self.sh("/usr/sbin/runuser", ["-u", member, "--", "/usr/bin/tenboard", "add",
                                                     "--customer", "Bakkerij Ömer", "--summary", "installed"],
                              extra: ["HOME": "/nonexistent"])
        #expect(add.status == 0, "add as a member of the group: \(add.stderr)")
        let list = try await Self.sh("/usr/sbin/runuser", ["-u", member, "--", "/usr/bin/tenboard", "list", "--json"],
                               extra: ["HOME": "/nonexistent"])
        #expect(list.stdout.contains("Bakkerij Ömer"))
        #expect(Self.exists("/var/lib/tenboard/issues.json"))

        // Purge: program and configuration go, the store and what it holds stay, and it says so.
        let purge = try await Self.sh("/usr/bin/dpkg", ["--purge", "tenboard"])
        #expect(purge.status == 0)
        #expect((purge.stdout + purge.stderr).contains("/var/lib/tenboard"), "purge does not say the store is kept")
        #expect(!Self.exists("/usr/bin/tenboard"))
        #expect(!Self.exists("/etc/tenboard/config.yaml"))
        let kept = try String(contentsOfFile: "/var/lib/tenboard/issues.json", encoding: .utf8)
        #expect(kept.contains("Bakkerij Ömer"))
    }

    @Test func theInstallScriptInstallsUnderAPrefixAndUninstallsExactlyThat() async throws {
        if getuid() != 0 { Issue.record("run as root, as CI does: the release build shares the package's"); return }
        let destdir = try TenBoardBinary.temporaryDirectory("install")
        defer { try? FileManager.default.removeItem(at: destdir) }
        // Something of the admin's that is already there.
        let foreign = destdir.appendingPathComponent("usr/local/share/man/man1/other.1")
        try FileManager.default.createDirectory(at: foreign.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "other".write(to: foreign, atomically: true, encoding: .utf8)
        func tree() throws -> Set<String> {
            let walker = FileManager.default.enumerator(atPath: destdir.path)
            var paths = Set<String>()
            while let path = walker?.nextObject() as? String { paths.insert(path) }
            return paths
        }
        let before = try tree()

        let script = Self.packaging.appendingPathComponent("install").path
        let install = try await Self.sh("/usr/bin/nice", ["-n", "15", script, "--prefix", "/usr/local", "--destdir", destdir.path])
        try #require(install.status == 0, "install failed: \(install.stderr.suffix(3000))")
        #expect(Self.lastLine(install.stdout) == destdir.path + "/usr/local/bin/tenboard")
        for path in ["usr/local/bin/tenboard", "usr/local/share/man/man1/tenboard.1.gz",
                     "usr/local/share/man/man5/tenboard-store.5.gz", "usr/local/share/bash-completion/completions/tenboard",
                     "usr/local/lib/systemd/system/tenboard-summary.timer", "etc/tenboard/config.yaml",
                     "usr/local/share/tenboard/installed-files"] {
            #expect(Self.exists(destdir.appendingPathComponent(path).path), "install did not put \(path)")
        }
        let unit = try String(contentsOf: destdir.appendingPathComponent("usr/local/lib/systemd/system/tenboard-summary.service"),
                              encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/bin/tenboard summary --send"))
        let installed = destdir.appendingPathComponent("usr/local/bin/tenboard").path
        #expect(try await Self.sh(installed, ["--version"]).status == 0)

        // An admin's edit of the configuration survives a second install and the uninstall.
        let config = destdir.appendingPathComponent("etc/tenboard/config.yaml")
        try "timezone: Europe/Brussels\n".write(to: config, atomically: true, encoding: .utf8)
        let again = try await Self.sh(script, ["--prefix", "/usr/local", "--destdir", destdir.path, "--binary", installed])
        #expect(again.status == 0 && again.stderr.contains("keeping the existing"), "\(again.stderr)")
        #expect(try String(contentsOf: config, encoding: .utf8) == "timezone: Europe/Brussels\n")

        let uninstall = try await Self.sh(script, ["--uninstall", "--prefix", "/usr/local", "--destdir", destdir.path])
        #expect(uninstall.status == 0, "uninstall: \(uninstall.stderr)")
        #expect(try tree() == before.union(["etc", "etc/tenboard", "etc/tenboard/config.yaml"]))
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "other")
        let twice = try await Self.sh(script, ["--uninstall", "--prefix", "/usr/local", "--destdir", destdir.path])
        #expect(twice.status == 66)
    }
}
