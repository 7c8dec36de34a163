import ArgumentParser
import Foundation
import TenBoardCore
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// `tenboard intake`: the mail gateway. Run by the mail system with one message on stdin, or on a
/// Maildir; exits 0 only when every message is recorded (or filed as not a customer), 75 when
/// it could not be stored, so that the mail system keeps the message and tries again.
struct Intake: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration.subcommand(
        "intake",
        abstract: "Record mail from customers: one message on standard input, or a Maildir.",
        discussion: """
            Run by the mail system: an alias such as support: "|/usr/local/bin/tenboard intake --config /etc/tenboard/config.yaml", Postfix's mailbox_command or a pipe transport, a .forward, procmail, fdm or fetchmail --mda (config/mail/ has each set-up). A new message becomes an issue (channel mail); a reply to a message of an issue, or a subject with the issue's tag [#42], is added to that issue; the same Message-ID twice is recorded once. Auto-replies, bounces, lists and our own report coming back are filed in the intake log instead (--log lists them).

            Exit statuses: 0 recorded (or filed as not a customer); 75 not stored (store locked, disk full, store damaged, not writable, bad configuration): the mail system keeps the message and tries again. A message that cannot be read as MIME is kept raw as an issue "unreadable mail from …".
            """)

    @Option(name: .long, help: GlobalOptions.storeHelp) var store: String?
    @Option(name: .long, help: GlobalOptions.configHelp) var config: String?
    @Option(help: ArgumentHelp("Take every message in this Maildir's new/ and move each to cur/ once recorded.", valueName: "dir"))
    var maildir: String?
    @Option(help: ArgumentHelp("The envelope sender (default: SENDER from the mail system; empty for a bounce).", valueName: "address"))
    var sender: String?
    @Flag(help: "List what intake did with the last messages, instead of reading one.")
    var log = false
    @Flag(help: "With --log: only the messages filed as not from a customer.")
    var filed = false
    @Option(help: "With --log: how many entries.") var count = 20

    func validate() throws {
        guard count > 0 else { throw ValidationError { $0.atLeastOne("--count") } }
        if log, maildir != nil { throw ValidationError { $0.notTogether("--log", "--maildir") } }
    }

    func run() throws {
        if log {
            try showLog()
            return
        }
        // Whatever goes wrong from here, the mail system must keep the message: exit 75.
        do {
            let (configuration, store) = try global.open()
            let intake = MailIntake(store: store, settings: configuration.intake)
            let envelope = sender ?? ProcessEnvironment.variables()["SENDER"]
            if let maildir {
                try recordMaildir(maildir, intake: intake)
            } else {
                let raw = try readStandardInput()
                let outcome = try intake.record(raw: raw, envelopeSender: envelope)
                try? writeOut(Intake.describe(outcome, Words(configuration.language)) + "\n")
            }
        } catch let error as TenBoardError {
            let words = Words(messageLanguage())
            printError(words.intakeDeferred(oneLine(error.message(in: words.language))))
            throw ArgumentParser.ExitCode(ExitStatus.tempFailure.rawValue)
        } catch let error as ArgumentParser.ExitCode {
            throw error
        } catch {
            printError(Words(messageLanguage()).intakeDeferred(oneLine("\(error)")))
            throw ArgumentParser.ExitCode(ExitStatus.tempFailure.rawValue)
        }
    }

    func oneLine(_ text: String) -> String { Untrusted.oneLine(text) }

    static func describe(_ outcome: MailIntake.Outcome, _ words: Words) -> String {
        switch outcome {
        case .created(let issue): return words.intakeNewIssue(issue.id)
        case .appended(let issue): return words.intakeAppended(issue.id)
        case .duplicate(let id): return words.intakeDuplicate(id)
        case .filed(let reason): return words.intakeFiled(Untrusted.oneLine(reason))
        }
    }

    func readStandardInput() throws -> [UInt8] {
        do {
            return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
        } catch {
            let reason = error.localizedDescription
            throw TenBoardError(exitCode: .tempFailure) { $0.cannotReadMessage(reason) }
        }
    }

    /// Each message in `new/`, oldest name first; moved to `cur/` with the Seen flag only once recorded.
    func recordMaildir(_ path: String, intake: MailIntake) throws {
        let root = URL(fileURLWithPath: path)
        let new = root.appendingPathComponent("new"), cur = root.appendingPathComponent("cur")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: new.path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            let reason = error.localizedDescription
            throw TenBoardError(exitCode: .tempFailure) { $0.cannotListMaildir(new.path, reason) }
        }
        var recorded = 0
        for name in names {
            let file = new.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path) else { continue } // taken by another run
            let delivered = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
            _ = try intake.record(raw: [UInt8](data), envelopeSender: nil, deliveredAt: delivered)
            let base = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
            do throws(Errno) {
                try FileSystemCalls.rename(file.path, to: cur.appendingPathComponent(base + ":2,S").path)
            } catch .noSuchFileOrDirectory {
                // Taken by another run meanwhile.
            } catch {
                let reason = error.description
                throw TenBoardError(exitCode: .tempFailure) { $0.recordedNotMoved(file.path, reason) }
            }
            recorded += 1
        }
        try? writeOut(Words(messageLanguage()).messagesTaken(recorded, from: Untrusted.oneLine(new.path)) + "\n")
    }

    func showLog() throws {
        let (configuration, store) = try global.open()
        let entries = try MailIntake(store: store).log.last(count, filedOnly: filed)
        if entries.isEmpty {
            try writeOut(Words(configuration.language).noMailYet + "\n")
            return
        }
        let zone = configuration.schedule.timeZone
        var out = ""
        for e in entries {
            let when = String(Timestamp(e.at.date, in: zone).rfc3339.prefix(16)).replacingOccurrences(of: "T", with: " ")
            var line = "\(when)  \(e.outcome.padding(toLength: 10, withPad: " ", startingAt: 0))"
            line += e.issue.map { "#\($0)  " } ?? ""
            line += "\(TextFit.truncate(Untrusted.oneLine(e.from), to: 40))  \(TextFit.truncate(Untrusted.oneLine(e.subject), to: 50))"
            if let reason = e.reason { line += "  (\(TextFit.truncate(Untrusted.oneLine(reason), to: 80)))" }
            out += line + "\n"
        }
        try writeOut(out)
    }
}
