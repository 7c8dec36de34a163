import Foundation

/// Maps each `Role` to a `Style`. Three themes exist: 256 colours, the 8 colours of the Linux
/// console (`TERM=linux`), and monochrome (bold/reverse only), which always works.
public struct Theme: Sendable {
    public var name: String
    private var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of a role; roles the theme does not name look plain.
    public func style(for role: Role) -> Style { styles[role] ?? .plain }

    /// The theme for a terminal.
    ///
    /// - Parameters:
    ///   - colors: colours the terminal reports (`COLORS`); 0 when it has none.
    ///   - noColor: `NO_COLOR` is set in the environment (no-color.org): monochrome regardless.
    public static func forTerminal(colors: Int, noColor: Bool = false) -> Theme {
        if noColor || colors < 8 { return .monochrome }
        return colors >= 256 ? .colour256 : .colour8
    }

    public static let monochrome = Theme(name: "monochrome", styles: [
        .titleBar: Style(reverse: true),
        .stateWaiting: Style(bold: true, reverse: true),
        .stateWarning: Style(bold: true, reverse: true, underline: true),
        .stateDone: Style(bold: true),
        .stateOverdue: Style(bold: true, reverse: true, underline: true),
        .stateClosed: Style(bold: true),
        .stateNone: Style(),
        .columnHeading: Style(underline: true),
        .selected: Style(reverse: true),
        .section: Style(bold: true),
        .footer: Style(reverse: true),
        .footerKey: Style(bold: true, reverse: true),
        .prompt: Style(bold: true),
        .cursor: Style(reverse: true),
        .notice: Style(bold: true),
        .error: Style(bold: true, reverse: true),
        .overlay: Style(),
        .overlayTitle: Style(bold: true),
        .placeholder: Style(reverse: true),
    ])

    public static let colour8 = Theme(name: "8 colours", styles: [
        .titleBar: Style(.white, on: .blue, bold: true),
        .stateWaiting: Style(.black, on: .cyan),
        .stateWarning: Style(.black, on: .yellow, bold: true),
        .stateDone: Style(.black, on: .green),
        .stateOverdue: Style(.white, on: .red, bold: true),
        .stateClosed: Style(.black, on: .white),
        .stateNone: Style(.white, on: .blue),
        .columnHeading: Style(.cyan, bold: true),
        .selected: Style(.black, on: .cyan),
        .section: Style(.yellow, bold: true),
        .nextMorning: Style(.blue, bold: true),
        .helped: Style(.green),
        .dim: Style(.blue, bold: true),
        .footer: Style(.black, on: .white),
        .footerKey: Style(.white, on: .blue, bold: true),
        .prompt: Style(.yellow, bold: true),
        .input: Style(.white, bold: true),
        .cursor: Style(reverse: true),
        .notice: Style(.green, bold: true),
        .error: Style(.white, on: .red, bold: true),
        .overlay: Style(.white, on: .blue),
        .overlayTitle: Style(.yellow, on: .blue, bold: true),
        .placeholder: Style(.magenta, bold: true),
    ])

    public static let colour256 = Theme(name: "256 colours", styles: [
        .titleBar: Style(.indexed(255), on: .indexed(24), bold: true),
        .stateWaiting: Style(.indexed(16), on: .indexed(80)),
        .stateWarning: Style(.indexed(16), on: .indexed(220), bold: true),
        .stateDone: Style(.indexed(16), on: .indexed(78)),
        .stateOverdue: Style(.indexed(231), on: .indexed(160), bold: true),
        .stateClosed: Style(.indexed(16), on: .indexed(250)),
        .stateNone: Style(.indexed(255), on: .indexed(60)),
        .columnHeading: Style(.indexed(117), bold: true),
        .selected: Style(.indexed(16), on: .indexed(117)),
        .section: Style(.indexed(179), bold: true),
        .nextMorning: Style(.indexed(110)),
        .helped: Style(.indexed(108)),
        .dim: Style(.indexed(244)),
        .footer: Style(.indexed(252), on: .indexed(237)),
        .footerKey: Style(.indexed(16), on: .indexed(117), bold: true),
        .prompt: Style(.indexed(220), bold: true),
        .input: Style(.indexed(231), bold: true),
        .cursor: Style(reverse: true),
        .notice: Style(.indexed(78), bold: true),
        .error: Style(.indexed(231), on: .indexed(160), bold: true),
        .overlay: Style(.indexed(252), on: .indexed(236)),
        .overlayTitle: Style(.indexed(220), on: .indexed(236), bold: true),
        .placeholder: Style(.indexed(201), bold: true),
    ])
}
