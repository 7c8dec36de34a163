import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The MIME and header reader on damaged mail: a fixed number of inputs (TENBOARD_FUZZ_MAIL_INPUTS,
/// default 500; seed TENBOARD_FUZZ_SEED), each a valid message generated from the seed, then
/// damaged (bit flips, cuts, inserted bytes, deep nesting, long lines, NULs, broken encoded-words).
/// Nothing may crash or hang, a rejection must say why, and what is read must be safe to show.
@Suite("Intake: fuzzed mail")
struct IntakeFuzzTests {
    static let inputs = Int(ProcessInfo.processInfo.environment["TENBOARD_FUZZ_MAIL_INPUTS"] ?? "") ?? 500

    static let tokens: [[UInt8]] = [
        "=?", "?=", "=?utf-8?B?", "=?iso-8859-1?Q?=E9", "=?x?Q?", "\r\n", "\n", "\n\n", "\r", "\u{0}", "\u{1b}[31m", "--b\n", "--b--\n",
        "Content-Type: multipart/mixed; boundary=b\n", "Content-Transfer-Encoding: base64\n", "Content-Transfer-Encoding: quoted-printable\n",
        "=\n", "=ZZ", "=4", " ", "\t", ":", "<", ">", "\"", "\\", "(", ")", ";", "charset=", "boundary=\"", "References: <a@b> <",
        "From: ", "Received: x; ", "\u{202e}", "&#x1b;", "<script>", "&amp", "\u{ff}\u{fe}",
    ].map { Array($0.utf8) }

    static func message(_ rng: inout SeededRandom) -> [UInt8] {
        let names = ["Ann de Vries", "=?windows-1252?Q?Ren=E9e?=", "\"Vries, Jan\"", "=?utf-8?B?5p2O5bCP6b6Z?=", ""]
        var m = "Received: from mx by us; Mon, 30 Nov 2026 0\(rng.below(10)):12:09 +0100\n"
        m += "From: \(rng.pick(names)) <k\(rng.below(100))@example.nl>\nSubject: \(rng.pick(["Storing", "Re: [#4] klacht", "=?utf-8?Q?fout_=E2=80=93_x?=", ""]))\n"
        m += "Message-ID: <\(rng.next())@example.nl>\n"
        if rng.chance(30) { m += "In-Reply-To: <\(rng.below(50))@example.nl>\n" }
        switch rng.below(3) {
        case 0:
            m += "Content-Type: text/plain; charset=\(rng.pick(["utf-8", "windows-1252", "iso-8859-15", "bogus"]))\n\nHallo,\nde app werkt niet.\n"
        case 1:
            m += "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nGoed=\nemorgen =E9\n--b\nContent-Type: text/html\n\n<p>Hoi&amp;</p>\n--b--\n"
        default:
            m += "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGFsbG8=\n--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\nJVBER\n--b--\n"
        }
        return Array(m.utf8)
    }

    static func damage(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        for _ in 0...rng.below(5) {
            let at = rng.below(b.count + 1)
            switch rng.below(8) {
            case 0 where !b.isEmpty: b[min(at, b.count - 1)] ^= UInt8(1 << rng.below(8))
            case 1: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(32)))
            case 2: b.insert(contentsOf: rng.pick(tokens), at: at)
            case 3: b = Array(b.prefix(at))
            case 4:
                // Deep nesting.
                let depth = 1 + rng.below(1200)
                var nest: [UInt8] = Array("From: a@b.nl\nContent-Type: multipart/mixed; boundary=b0\n\n".utf8)
                for level in 1...depth { nest += Array("--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n".utf8) }
                b = nest + b
            case 5: b.insert(contentsOf: [UInt8](repeating: UInt8(0x41 + rng.below(26)), count: rng.below(100_000)), at: at)
            case 6: b.insert(contentsOf: (0..<1 + rng.below(16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
            default:
                let end = min(b.count, at + 1 + rng.below(200))
                b.insert(contentsOf: Array(b[at..<end]), at: at)
            }
        }
        return b
    }

    /// Characters that must never come out of `Untrusted` for a terminal.
    static func unsafeForTerminal(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) || (0x202A...0x202E).contains($0.value) }
    }

    @Test("Damaged mail: no crash, every rejection has a reason, one-line fields have no line breaks, shown text is safe")
    func damagedMail() {
        var read = 0, rejected = 0, problems: [String] = []
        let start = Date()
        for n in 0..<IntakeFuzzTests.inputs {
            let salt: UInt64 = 0x6D61_696C
            var rng = SeededRandom(seed: (Fuzz.seed ^ salt) &+ UInt64(n) &* 0x2545_F491_4F6C_DD1D)
            let valid = IntakeFuzzTests.message(&rng)
            let bytes = rng.chance(10) ? valid : IntakeFuzzTests.damage(valid, &rng)
            let mail = IncomingMail(raw: bytes)
            if let problem = mail.readProblem {
                rejected += 1
                if problem.isEmpty { problems.append("input \(n): rejected without a reason") }
            } else {
                read += 1
            }
            for (name, value) in [("subject", mail.subject), ("name", mail.fromName ?? ""), ("address", mail.fromAddress ?? "")]
            where value.contains(where: { $0.isNewline }) || value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                problems.append("input \(n): \(name) \(value.debugDescription.prefix(80)) is not one clean line")
            }
            if mail.text.unicodeScalars.contains(where: { $0.value == 0 || $0.value == 0x1B || $0.value == 0x0D }) {
                problems.append("input \(n): the text keeps a NUL, ESC or CR")
            }
            if IntakeFuzzTests.unsafeForTerminal(Untrusted.clean(mail.text)) || IntakeFuzzTests.unsafeForTerminal(Untrusted.oneLine(mail.subject)) {
                problems.append("input \(n): cleaned text is not safe for a terminal")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("fuzz mail: \(IntakeFuzzTests.inputs) inputs in \(String(format: "%.1f", seconds)) s (\(read) read, \(rejected) rejected), 0 crashes, \(problems.count) problems, seed \(Fuzz.seed)")
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(read > 0 && rejected > 0, "the damage reaches both outcomes")
    }

    @Test("Damaged mail recorded in a real store: always recorded or filed, and the store reads back")
    func damagedMailRecorded() throws {
        let f = IntakeFixture()
        var outcomes: [String: Int] = [:]
        for n in 0..<min(60, IntakeFuzzTests.inputs) {
            var rng = SeededRandom(seed: (Fuzz.seed ^ 0x7265_636F) &+ UInt64(n) &* 0x2545_F491_4F6C_DD1D)
            let bytes = IntakeFuzzTests.damage(IntakeFuzzTests.message(&rng), &rng)
            let outcome = try f.record(bytes)
            let key = switch outcome {
            case .created: "created"
            case .appended: "appended"
            case .duplicate: "duplicate"
            case .filed: "filed"
            }
            outcomes[key, default: 0] += 1
        }
        let issues = try f.t.store.allIssues()
        #expect(outcomes["created", default: 0] == issues.count)
        #expect(issues.allSatisfy { $0.channel == "mail" && !$0.customer.isEmpty && !$0.summary.isEmpty })
        print("fuzz mail recorded: \(outcomes.sorted { $0.key < $1.key })")
    }
}
