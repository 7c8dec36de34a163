/// Trimming blanks as Foundation's `trimmingCharacters(in: .whitespaces)` and
/// `(in: .whitespacesAndNewlines)` do, scalar by scalar, without Foundation: on Linux those go
/// through `NSString`, whose first use costs 1.3 M instructions of conformance look-ups at every
/// start of a command that reads its configuration (README, "Process start").
/// `StartPathTests` checks both sets against `CharacterSet` for every scalar, and the trims against
/// Foundation's.
extension Unicode.Scalar {
    /// In `CharacterSet.whitespaces`: a tab, a space separator (general category Zs) or a zero
    /// width space (U+200B, which Foundation counts as one).
    package var isBlank: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// In `CharacterSet.whitespacesAndNewlines`: a blank, U+000A–U+000D, U+0085, or a line or
    /// paragraph separator (U+2028, U+2029).
    package var isBlankOrNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isBlank
        }
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`: without the blanks at either end.
    package func trimmingBlanks() -> String { trimming { $0.isBlank } }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`: without blanks and line ends at either end.
    package func trimmingBlanksAndNewlines() -> String { trimming { $0.isBlankOrNewline } }

    /// What a person typed into a field that may stay empty (an assignee, a channel, an action):
    /// trimmed of blanks and line ends, `nil` when nothing is left.
    package var typedValue: String? {
        let trimmed = trimmingBlanksAndNewlines()
        return trimmed.isEmpty ? nil : trimmed
    }

    private func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmed($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    /// `trimmingCharacters(in: .whitespaces)` of a part of a string.
    package func trimmingBlanks() -> String { String(self).trimmingBlanks() }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` of a part of a string.
    package func trimmingBlanksAndNewlines() -> String { String(self).trimmingBlanksAndNewlines() }
}
