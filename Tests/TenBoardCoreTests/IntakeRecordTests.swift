import Foundation
import Testing
@testable import TenBoardCore

@Suite("Intake: recording mail in the store")
struct IntakeRecordTests {
    func created(_ outcome: MailIntake.Outcome) -> TenBoardCore.Issue? {
        if case .created(let issue) = outcome { return issue }
        return nil
    }

    func rawPath(_ issue: TenBoardCore.Issue) -> String {
        if case .string(let path)? = issue.mailMessages.first?["raw"] { return path }
        return "(none)"
    }

    @Test("A Dutch Windows-1252 message becomes an issue: name, address, subject, kind, Received time, text, raw copy")
    func newIssue() throws {
        let f = IntakeFixture()
        let raw = Array("""
            Received: from mx (mx [192.0.2.1]) by support.example.com; Mon, 30 Nov 2026 03:12:09 +0100
            From: =?windows-1252?Q?Ren=E9e_de_Vries?= <renee@example.nl>
            Subject: =?windows-1252?Q?De_app_werkt_niet_=96_al_2_dagen?=
            Message-ID: <w1252@example.nl>
            Date: Sun, 1 Jan 2017 00:00:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=windows-1252
            Content-Transfer-Encoding: 8bit


            """.utf8) + IntakeMail.cp1252("Goedemorgen,\n“Inloggen” lukt niet – foutcode €5.\nRenée\n")
        let issue = try #require(created(try f.record(raw)))
        #expect(issue.customer == "Renée de Vries")
        #expect(issue.email == "renee@example.nl")
        #expect(issue.summary == "De app werkt niet – al 2 dagen")
        #expect(issue.kind == .problem)
        #expect(issue.channel == "mail")
        #expect(issue.receivedAt.date == Timestamp(rfc3339: "2026-11-30T03:12:09+01:00")!.date)
        #expect(issue.mailTextLines(3) == ["Goedemorgen,", "“Inloggen” lukt niet – foutcode €5.", "Renée"])
        let stored = try f.t.store.issue(id: issue.id)
        #expect(stored == issue, "what intake records reads back the same")
        let kept = try Data(contentsOf: f.t.url.appendingPathComponent(rawPath(stored)))
        #expect([UInt8](kept) == raw, "the message is kept byte for byte")
    }

    @Test("A long text: the issue keeps its first 1,500 characters and says where the whole message is")
    func longText() throws {
        let f = IntakeFixture()
        let body = (1...400).map { "regel \($0)" }.joined(separator: "\n")
        let issue = try #require(created(try f.record(IntakeMail.make(body: body))))
        let message = try #require(issue.mailMessages.first)
        guard case .string(let text)? = message["text"] else { Testing.Issue.record("no text"); return }
        #expect(text.count == MailIntake.maxTextInIssue)
        #expect(text.hasPrefix("regel 1\nregel 2\n"))
        let notes = JSONWriter.compact(message["notes"] ?? .null)
        #expect(notes.contains(rawPath(issue)))
        let kept = try String(contentsOf: f.t.url.appendingPathComponent(rawPath(issue)), encoding: .utf8)
        #expect(kept.contains("regel 400"))
    }

    @Test("No Received header: the Maildir delivery time, else now, never the sender's Date; a Received date ahead of our clock is now")
    func noReceived() throws {
        let f = IntakeFixture()
        let issue = try #require(created(try f.record(IntakeMail.make(received: nil))))
        #expect(issue.receivedAt.date == f.now)
        let delivered = f.now.addingTimeInterval(-3600)
        let fromMaildir = try #require(created(try f.intake.record(
            raw: IntakeMail.make(messageID: "md@x", received: nil), deliveredAt: delivered, now: f.now)))
        #expect(fromMaildir.receivedAt.date == delivered)
        let future = try #require(created(try f.record(IntakeMail.make(messageID: "f@x", received: "Thu, 1 Jan 2099 00:00:00 +0000"))))
        #expect(future.receivedAt.date == f.now)
    }

    @Test("Kinds by keyword, subject before text, whole words only, configurable")
    func kinds() throws {
        let rules = IntakeSettings.defaultKinds
        #expect(IntakeRules.kind(subject: "Klacht over bezorging", text: "", rules: rules) == .complaint)
        #expect(IntakeRules.kind(subject: "Vraag", text: "ik krijg een error bij betalen", rules: rules) == .bug)
        #expect(IntakeRules.kind(subject: "Storing", text: "", rules: rules) == .problem)
        #expect(IntakeRules.kind(subject: "Foutje?", text: "debugger", rules: rules) == .question, "no word inside another")
        #expect(IntakeRules.kind(subject: "Hoe werkt dit?", text: "", rules: rules) == .question)
        let custom = try IntakeSettings.parseKinds(["spoed=problem"]).get()
        #expect(IntakeRules.kind(subject: "SPOED", text: "", rules: custom) == .problem)
        #expect(throws: IntakeRuleError.self) { try IntakeSettings.parseKinds(["spoed"]).get() }
    }

    @Test("Same Message-ID twice: recorded once")
    func duplicate() throws {
        let f = IntakeFixture()
        let first = try #require(created(try f.record(IntakeMail.make())))
        #expect(try f.record(IntakeMail.make()) == .duplicate(issueID: first.id))
        #expect(try f.t.store.snapshot().issues.count == 1)
    }

    @Test("A message without a Message-ID delivered twice: recorded once, known by its bytes")
    func duplicateWithoutID() throws {
        let f = IntakeFixture()
        let first = try #require(created(try f.record(IntakeMail.make(messageID: nil))))
        #expect(try f.record(IntakeMail.make(messageID: nil)) == .duplicate(issueID: first.id))
        #expect(created(try f.record(IntakeMail.make(messageID: nil, body: "iets anders\n"))) != nil)
    }

    @Test("A reply (In-Reply-To, References or [#id] in the subject) joins its issue; after help it is marked wrote again, not reopened")
    func threading() throws {
        let f = IntakeFixture()
        let first = try #require(created(try f.record(IntakeMail.make())))
        let reply = try f.record(IntakeMail.make(subject: "Re: Vraag over mijn factuur", messageID: "m2@example.nl", extra: ["In-Reply-To: <m1@example.nl>"]))
        guard case .appended(let joined) = reply else { Testing.Issue.record("not appended: \(reply)"); return }
        #expect(joined.id == first.id)
        #expect(joined.mailMessages.count == 2)
        _ = try f.t.store.resolve(id: first.id, by: "Piet", action: nil, at: f.now)
        let later = f.now.addingTimeInterval(3600)
        let again = try f.intake.record(
            raw: IntakeMail.make(subject: "nog iets [#\(first.id)]", messageID: "m3@example.nl", received: nil),
            envelopeSender: "ann@example.nl", now: later)
        guard case .appended(let after) = again else { Testing.Issue.record("not appended: \(again)"); return }
        #expect(!after.isOpen, "it does not reopen by itself")
        #expect(after.wroteAgain?.date == later)
        let viaReferences = try f.record(IntakeMail.make(subject: "x", messageID: "m4@example.nl", extra: ["References: <other@x> <m2@example.nl>"]))
        #expect(viaReferences == .appended(try f.t.store.issue(id: first.id)))
        #expect(try f.t.store.snapshot().issues.count == 1)
    }

    @Test("Archived history: a duplicate is found through the index; a reply becomes a new issue that follows the old one")
    func archived() throws {
        let f = IntakeFixture()
        let old = Timestamp(rfc3339: "2026-06-01T09:00:00+02:00")!.date
        let first = try #require(created(try f.intake.record(
            raw: IntakeMail.make(messageID: "old@example.nl", received: "Mon, 1 Jun 2026 09:00:00 +0200"), envelopeSender: nil, now: old)))
        _ = try f.t.store.resolve(id: first.id, by: "Piet", action: nil, at: old.addingTimeInterval(600))
        _ = try f.t.store.add(customer: "Jan", summary: "x", receivedAt: f.now, at: f.now) // archives the old one
        #expect(try f.t.store.snapshot().index(of: first.id) == nil, "archived")
        #expect(try f.record(IntakeMail.make(messageID: "old@example.nl")) == .duplicate(issueID: first.id))
        // A reply to an archived issue would go straight back to the archive: a new issue naming it.
        let reply = try #require(created(try f.record(IntakeMail.make(messageID: "new@example.nl", extra: ["In-Reply-To: <old@example.nl>"]))))
        #expect(reply.extra["follows"] == .string(first.id))
        #expect(reply.isOpen)
    }

    @Test("Not customers: auto-replies, lists, bounces, mail systems, our own report; filed in the log with the reason")
    func notCustomers() throws {
        var f = IntakeFixture()
        f.settings.ownAddress = "support@example.com"
        let cases: [([UInt8], String?, String)] = [
            (IntakeMail.make(messageID: "a1@x", extra: ["Auto-Submitted: auto-replied"]), "ann@example.nl", "Auto-Submitted"),
            (IntakeMail.make(messageID: "a2@x", extra: ["Precedence: bulk"]), "ann@example.nl", "Precedence"),
            (IntakeMail.make(messageID: "a3@x", extra: ["X-Autoreply: yes"]), "ann@example.nl", "X-Autoreply"),
            (IntakeMail.make(messageID: "a4@x", extra: ["X-Auto-Response-Suppress: All"]), "ann@example.nl", "X-Auto-Response-Suppress"),
            (IntakeMail.make(messageID: "a5@x", extra: ["Return-Path: <>"]), "ann@example.nl", "Return-Path"),
            (IntakeMail.make(messageID: "a6@x"), "", "envelope sender"),
            (IntakeMail.make(from: "MAILER-DAEMON@mx.example.nl", messageID: "a7@x", extra: ["Content-Type: multipart/report; report-type=delivery-status; boundary=z"]), "x@y", "multipart/report"),
            (IntakeMail.make(from: "postmaster@example.nl", messageID: "a8@x"), "x@y", "mail system"),
            (IntakeMail.make(from: "support@example.com", messageID: "a9@x"), "x@y", "our own address"),
            (IntakeMail.make(messageID: "a10@x", extra: ["In-Reply-To: <tenboard.2026-11-30.20261130T090000Z.0123456789abcdef@example.com>"]), "x@y", "morning report"),
        ]
        for (raw, envelope, reason) in cases {
            let outcome = try f.record(raw, envelope: envelope)
            guard case .filed(let why) = outcome else { Testing.Issue.record("\(reason): \(outcome)"); continue }
            #expect(why.contains(reason))
        }
        #expect(try f.t.store.snapshot().issues.isEmpty)
        let log = try f.intake.log.last(50, filedOnly: true)
        #expect(log.count == cases.count)
        #expect(log.allSatisfy { $0.reason != nil && $0.raw != nil })
        // Auto-Submitted: no is a person.
        #expect(created(try f.record(IntakeMail.make(messageID: "p@x", extra: ["Auto-Submitted: no"]))) != nil)
    }

    @Test("An empty delivery is filed, not an issue")
    func empty() throws {
        let f = IntakeFixture()
        #expect(try f.record([]) == .filed(reason: "an empty message"))
        #expect(try f.record(Array("\r\n \n".utf8)) == .filed(reason: "an empty message"))
        #expect(try f.t.store.snapshot().issues.isEmpty)
    }

    @Test("Allow and deny lists: deny wins; allow takes mail that looks automatic")
    func allowDeny() throws {
        var f = IntakeFixture()
        f.settings.allow = ["example.nl"]
        f.settings.deny = ["spam@example.nl", "@junk.test"]
        #expect(created(try f.record(IntakeMail.make(messageID: "1@x", extra: ["Precedence: bulk"]))) != nil)
        guard case .filed = try f.record(IntakeMail.make(from: "spam@example.nl", messageID: "2@x")) else { Testing.Issue.record("deny"); return }
        guard case .filed = try f.record(IntakeMail.make(from: "a@mail.junk.test", messageID: "3@x")) else { Testing.Issue.record("deny domain"); return }
    }

    @Test("Unreadable mail is kept raw as an issue 'unreadable mail from …'")
    func unreadable() throws {
        let f = IntakeFixture()
        let raw = Array("From: Kees <kees@example.nl>\nthis is no header line\n\nhallo".utf8)
        let issue = try #require(created(try f.record(raw)))
        #expect(issue.summary == "unreadable mail from kees@example.nl")
        #expect(issue.customer == "Kees")
        #expect(try [UInt8](Data(contentsOf: f.t.url.appendingPathComponent(rawPath(issue)))) == raw)
    }

    @Test("Over the size cap: the biggest parts are dropped from the kept copy and noted; the text stays")
    func sizeCap() throws {
        var f = IntakeFixture()
        f.settings.maxMessageBytes = 64 << 10
        let attachment = String(repeating: "QUJD", count: 50_000)
        let raw = IntakeMail.make(extra: ["Content-Type: multipart/mixed; boundary=b"], body: """
            --b
            Content-Type: text/plain

            Zie bijlage.
            --b
            Content-Type: image/png
            Content-Disposition: attachment; filename=foto.png
            Content-Transfer-Encoding: base64

            \(attachment)
            --b--
            """)
        let issue = try #require(created(try f.record(raw)))
        #expect(issue.mailTextLines(1) == ["Zie bijlage."])
        let kept = try Data(contentsOf: f.t.url.appendingPathComponent(rawPath(issue)))
        #expect(kept.count < 64 << 10)
        #expect(String(decoding: kept, as: UTF8.self).contains("Zie bijlage."))
        #expect(String(decoding: kept, as: UTF8.self).contains("was dropped here"))
        let notes: JSONValue = issue.mailMessages.first?["notes"] ?? .null
        let notesText = JSONWriter.compact(notes)
        #expect(notesText.contains("intake-max-size"))
    }

    @Test("show's mail lines are neutralised: no escape sequence from a mail reaches the terminal")
    func neutralisedDetail() throws {
        let f = IntakeFixture()
        let issue = try #require(created(try f.record(IntakeMail.make(
            from: "=?utf-8?B?G1szMW1FdmUbWzBt?= <eve@example.nl>", body: "\u{1b}]0;pwned\u{7}tekst\u{202e}\n"))))
        let lines = issue.mailDetail(zone: TimeZone(identifier: "UTC")!, language: .en)
        for (label, value) in lines {
            #expect(!(label + value).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        }
        #expect(!issue.customer.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("Another intake holding the lock: a temporary failure (exit 75) after the timeout, nothing recorded; then recorded")
    func lockBusy() throws {
        let f = IntakeFixture()
        let lock = try LockFile(in: f.t.url.appendingPathComponent(MailIntake.directoryName), name: "intake.lock")
        #expect(try lock.tryLock())
        var intake = f.intake
        intake.lockTimeout = 0.3
        do {
            _ = try intake.record(raw: IntakeMail.make(), now: f.now)
            Testing.Issue.record("recorded while another intake held the lock")
        } catch {
            #expect(error.exitCode == .tempFailure)
            #expect(error.message.contains("intake.lock"))
        }
        #expect(try f.t.store.snapshot().issues.isEmpty)
        lock.unlock()
        #expect(created(try intake.record(raw: IntakeMail.make(), now: f.now)) != nil)
    }

    @Test("Config: intake-kinds, intake-max-size, intake-allow/deny from the environment; bad values name the key (78)")
    func configuration() throws {
        let env = ["HOME": "/tmp", "TENBOARD_INTAKE_KINDS": "spoed=problem, klacht=complaint", "TENBOARD_INTAKE_MAX_SIZE": "2M",
                   "TENBOARD_INTAKE_DENY": "@spam.test", "TENBOARD_SENDER": "support@example.com"]
        let c = try ConfigLoader(environment: env).load()
        #expect(c.intake.kinds.map(\.keyword) == ["spoed", "klacht"])
        #expect(c.intake.maxMessageBytes == 2 << 20)
        #expect(c.intake.deny == ["@spam.test"])
        #expect(c.intake.ownAddress == "support@example.com")
        #expect(IntakeSettings().kinds.count == IntakeSettings.defaultKinds.count)
        for (variable, value) in [("TENBOARD_INTAKE_KINDS", "spoed"), ("TENBOARD_INTAKE_MAX_SIZE", "huge"), ("TENBOARD_INTAKE_MAX_SIZE", "1K")] {
            do {
                _ = try ConfigLoader(environment: ["HOME": "/tmp", variable: value]).load()
                Testing.Issue.record("\(variable)=\(value) accepted")
            } catch {
                #expect(error.exitCode == .config)
                #expect(error.message.contains(variable))
            }
        }
    }
}
