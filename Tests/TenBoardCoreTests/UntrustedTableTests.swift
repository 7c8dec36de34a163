import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// The one predicate table and the renderings on top of it give one answer for every tricky scalar
/// (`TrickyText`): a forbidden one survives no rendering and makes a header refuse the value; an
/// allowed one passes every rendering unchanged.
@Suite struct UntrustedTableTests {
    static let renderings: [(String, @Sendable (String) -> String)] = [
        ("terminal", { Untrusted.clean($0) }),
        ("one line", { Untrusted.oneLine($0) }),
        ("quoted", { Untrusted.quoted($0) }),
        ("mail header", { Untrusted.headerValue($0) }),
    ]

    @Test("The renderings agree with the table", arguments: TrickyText.cases)
    func renderingsAgree(_ tricky: TrickyText.Case) throws {
        let input = "a" + tricky.text + "b"
        #expect(Untrusted.isSafe(input) == !tricky.forbidden)
        #expect(input.allSatisfy { Untrusted.isSafe($0) } == !tricky.forbidden)
        for (name, render) in Self.renderings {
            let out = render(input)
            #expect(Untrusted.isSafe(out), "\(name): \(out.debugDescription)")
            if tricky.forbidden {
                #expect(!out.unicodeScalars.contains(where: tricky.unsafeScalars.contains), "\(name): \(out.debugDescription)")
                #expect(out.hasPrefix("a") && out.hasSuffix("b"), "\(name): \(out.debugDescription)")
            } else {
                #expect(out == input, "\(name): \(out.debugDescription)")
            }
        }
        // The header writer refuses exactly what the table forbids, and takes the header rendering.
        #expect(HeaderEncoding.hasControlCharacters(input) == tricky.forbidden)
        var refused = false
        do { _ = try HeaderEncoding.unstructured("Subject", input) } catch { refused = true }
        #expect(refused == tricky.forbidden)
        _ = try HeaderEncoding.unstructured("Subject", Untrusted.headerValue(input))
        // The terminal's measure: a forbidden scalar leaves its cluster unprintable.
        #expect(input.contains { DisplayWidth.of($0) == nil } == tricky.forbidden)
    }

    @Test("Every Cc, Cf, Zl and Zp scalar is forbidden outside emoji; letters and private use are not")
    func tableByCategory() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected: Bool
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: expected = true
            default: expected = false
            }
            if Untrusted.isForbidden(scalar) != expected {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)) is \(expected ? "not " : "")forbidden")
            }
        }
        #expect(!Untrusted.isForbidden("\u{200D}", inEmoji: true))
        #expect(Untrusted.isForbidden("\u{200E}", inEmoji: true))
        #expect(Untrusted.isForbidden("\u{1B}", inEmoji: true))
    }
}
