/// What a key does on the wall: almost nothing, since nobody is meant to touch it and no key may
/// change data.
public enum WallKeys {
    public enum Intent: Sendable, Equatable {
        case ignore
        case quit
        /// Ctrl-L: repaint everything (after kernel messages wrote over the console, say).
        case repaint
        case resize
    }

    /// The intent of `key`.
    ///
    /// - Parameter quitKey: whether `q` quits (`wall-quit-key`); a kiosk may turn it off.
    public static func intent(_ key: Key, quitKey: Bool) -> Intent {
        switch key {
        case .character("q"), .character("Q"): quitKey ? .quit : .ignore
        case .control("l"): .repaint
        case .resize: .resize
        default: .ignore
        }
    }
}
