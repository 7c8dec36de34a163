/// The scalars on which the untrusted-text renderings (terminal, curses grid, one line, mail
/// header) must give one answer, each with the answer of the one table, `Untrusted.isForbidden`.
/// Written out here by hand, not derived from the table, so that a change to the table fails a test.
public enum TrickyText {
    public struct Case: Sendable, CustomStringConvertible {
        public var name: String
        /// The scalar or sequence, to be put between two letters.
        public var text: String
        /// Whether the table forbids it there.
        public var forbidden: Bool
        /// The scalars that must not survive any rendering when `forbidden`.
        public var unsafeScalars: [Unicode.Scalar]

        public var description: String { name }
    }

    public static let cases: [Case] = [
        forbidden("U+0000 NUL", 0x0000),
        forbidden("U+001B ESC", 0x001B),
        forbidden("U+007F DEL", 0x007F),
        forbidden("U+0085 NEL", 0x0085),
        forbidden("U+00AD soft hyphen", 0x00AD),
        forbidden("U+061C Arabic letter mark", 0x061C),
        forbidden("U+200B zero-width space", 0x200B),
        forbidden("U+200E left-to-right mark", 0x200E),
        forbidden("U+202E right-to-left override", 0x202E),
        forbidden("U+2028 line separator", 0x2028),
        forbidden("U+2029 paragraph separator", 0x2029),
        forbidden("U+2066 left-to-right isolate", 0x2066),
        forbidden("U+FEFF byte order mark", 0xFEFF),
        // A joiner or a tag outside an emoji sequence hides in the word.
        forbidden("U+200D ZWJ between letters", 0x200D),
        forbidden("U+200C ZWNJ", 0x200C),
        forbidden("U+E0041 tag between letters", 0xE0041),
        Case(name: "U+E000 private use", text: "\u{E000}", forbidden: false, unsafeScalars: []),
        Case(name: "ZWJ in the emoji 👩‍💻", text: "\u{1F469}\u{200D}\u{1F4BB}", forbidden: false, unsafeScalars: []),
        Case(name: "ZWJ in the emoji 👨‍👩‍👧", text: "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", forbidden: false, unsafeScalars: []),
        Case(name: "tags in the flag of Scotland", text: "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
             forbidden: false, unsafeScalars: []),
    ]

    private static func forbidden(_ name: String, _ value: UInt32) -> Case {
        let scalar = Unicode.Scalar(value)!
        return Case(name: name, text: String(Character(scalar)), forbidden: true, unsafeScalars: [scalar])
    }
}
