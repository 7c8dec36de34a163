/// A key press as the terminal layer reports it, independent of curses.
public enum Key: Sendable, Equatable {
    /// A printable character (already a whole grapheme cluster or a single scalar).
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// Ctrl plus a letter, lowercase (`.control("l")` for Ctrl-L).
    case control(Character)
    /// The terminal changed size.
    case resize
    /// Delete (the key that removes the character under the cursor).
    case delete
    /// Text pasted in one go (bracketed paste): text, never keys. Line breaks are kept as `\n`.
    case paste(String)
    /// Bytes that are no character in the terminal's encoding: refused with a notice, never
    /// dropped silently.
    case undecodable
}
