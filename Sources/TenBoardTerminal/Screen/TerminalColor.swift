/// A terminal colour: the terminal's default, one of the eight ANSI colours, or a 256-colour index.
public enum TerminalColor: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case indexed(Int)

    /// The curses colour number; −1 for the terminal's own default (with `use_default_colors`).
    public var number: Int {
        switch self {
        case .default: -1
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .indexed(let n): n
        }
    }
}
