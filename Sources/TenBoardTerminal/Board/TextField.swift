import TenBoardCore
/// Text being typed into a prompt or form field, with a cursor that moves like readline's:
/// ← → Home End, Delete, Ctrl-A Ctrl-E Ctrl-K Ctrl-W Ctrl-U. The cursor counts grapheme clusters,
/// so it never stands inside what looks like one character.
public struct TextField: Sendable, Equatable {
    public private(set) var text: String
    /// Where the next character goes, in characters from the start (0…`text.count`).
    public private(set) var cursor: Int
    /// Whether `text` is a suggestion nobody touched yet (the assign prompt's name, the form's
    /// channel): Enter takes it as it is, the first character typed or pasted replaces it (so a
    /// pasted name is never appended to it), and an editing key (Backspace, ← →…) makes it ordinary
    /// text to edit.
    public private(set) var isSuggestion = false
    /// The most characters accepted, so a stuck key cannot grow the store without bound.
    public static let maxLength = 500

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        self.text = String(text.prefix(Self.maxLength))
        cursor = self.text.count
    }

    /// A field offering `suggestion` (see `isSuggestion`), the cursor at its end.
    public init(suggesting suggestion: String) {
        self.init(suggestion)
        isSuggestion = !text.isEmpty
    }

    private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

    /// Adds a typed character at the cursor; controls are refused (they never come from a key
    /// anyway). A combining mark typed after a letter joins it, as the terminal sends them one by one.
    public mutating func insert(_ character: Character) {
        guard text.count < Self.maxLength else { return }
        if DisplayWidth.of(character) == nil {
            let joins = cursor > 0 && character.unicodeScalars.allSatisfy {
                [.nonspacingMark, .enclosingMark, .spacingMark].contains($0.properties.generalCategory)
            }
            guard joins else { return }
            // The mark joins the character before the cursor: the count of characters stays.
            let before = text.index(before: cursorIndex)
            let joined = String(text[before]) + String(character)
            text.replaceSubrange(before..<cursorIndex, with: joined)
            return
        }
        let before = text.count
        text.insert(character, at: cursorIndex)
        // A character that joins its neighbour (a flag's second half) leaves the count as it was.
        cursor = min(text.count, cursor + (text.count - before))
    }

    /// Inserts pasted text at the cursor: a one-line field turns line breaks and tabs into spaces
    /// (a CR LF pair into one space); other controls are left out.
    public mutating func insert(pasted: String) {
        // "\r\n" is one Character in Swift, so a CR LF pair becomes one space.
        for character in pasted {
            insert(character.isNewline || character == "\t" ? " " : character)
        }
    }

    /// Removes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: text.index(before: cursorIndex))
        cursor -= 1
    }

    /// Removes the character under the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursorIndex)
    }

    /// Removes the word before the cursor, like Ctrl-W in a shell.
    public mutating func deleteWord() {
        var start = cursor
        let characters = Array(text)
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        removeCharacters(start..<cursor)
        cursor = start
    }

    /// Removes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        removeCharacters(0..<cursor)
        cursor = 0
    }

    /// Removes everything from the cursor on (Ctrl-K).
    public mutating func deleteToEnd() { removeCharacters(cursor..<text.count) }

    public mutating func clear() { self = TextField() }

    /// Moves the cursor `step` characters, stopping at either end (← →).
    public mutating func move(_ step: Int) { cursor = min(max(0, cursor + step), text.count) }

    /// Moves the cursor to the start (Home, Ctrl-A).
    public mutating func moveToStart() { cursor = 0 }

    /// Moves the cursor to the end (End, Ctrl-E).
    public mutating func moveToEnd() { cursor = text.count }

    /// Replaces the whole text, the cursor at its end (a completed name).
    public mutating func set(_ newText: String) { self = TextField(newText) }

    private mutating func removeCharacters(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let from = text.index(text.startIndex, offsetBy: range.lowerBound)
        let to = text.index(from, offsetBy: range.count)
        text.removeSubrange(from..<to)
    }
}
