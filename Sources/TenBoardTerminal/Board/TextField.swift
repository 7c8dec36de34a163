import TenBoardCore
/// Text being typed into a prompt or form field; the cursor stays at the end, which is all a
/// one-line answer over SSH needs.
public struct TextField: Sendable, Equatable {
    public private(set) var text: String
    /// The most characters accepted, so a stuck key cannot grow the store without bound.
    public static let maxLength = 500

    public init(_ text: String = "") { self.text = String(text.prefix(Self.maxLength)) }

    /// Adds a typed character; controls are refused (they never come from a key anyway). A
    /// combining mark typed after a letter joins it, as the terminal sends them one by one.
    public mutating func insert(_ character: Character) {
        guard text.count < Self.maxLength else { return }
        if DisplayWidth.of(character) == nil {
            let joins = !text.isEmpty && character.unicodeScalars.allSatisfy {
                [.nonspacingMark, .enclosingMark, .spacingMark].contains($0.properties.generalCategory)
            }
            guard joins else { return }
        }
        text.append(character)
    }

    /// Removes the last grapheme cluster (one backspace removes what looks like one character).
    public mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }

    /// Removes the last word, like Ctrl-W in a shell.
    public mutating func deleteWord() {
        while text.last == " " { text.removeLast() }
        while let last = text.last, last != " " { text.removeLast(); _ = last }
    }

    public mutating func clear() { text = "" }
}
