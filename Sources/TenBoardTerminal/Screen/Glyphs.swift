/// The symbols tenboard draws itself (lines, arrows, marks): Unicode when the locale is UTF-8,
/// ASCII otherwise, so a Linux console in the C locale never shows mojibake.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var separator: String
    public var ellipsis: String
    public var up: String
    public var down: String
    public var enter: String
    public var check: String
    public var selection: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", separator: " · ", ellipsis: "…", up: "↑", down: "↓", enter: "⏎",
        check: "✓", selection: "▶"
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", separator: " - ", ellipsis: "...", up: "Up", down: "Dn", enter: "Enter",
        check: "+", selection: ">"
    )

    /// The glyphs for a terminal whose locale is (`true`) or is not UTF-8.
    public static func forLocale(utf8: Bool) -> Glyphs { utf8 ? .unicode : .ascii }
}
