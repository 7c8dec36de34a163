import Foundation

/// The small offset of the whole wall against burn-in, taken from the clock alone.
///
/// Computing it from the time (not from a counter) keeps it right after a suspend and makes every
/// screen reproducible in a test. The offsets walk a small loop so no cell stays lit for long.
public enum WallShift {
    /// An offset in cells.
    public struct Offset: Sendable, Equatable {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }

        public static let zero = Offset(x: 0, y: 0)
    }

    /// The largest offsets: the layout keeps this many spare columns and rows.
    public static let maxX = 2
    public static let maxY = 1

    /// The loop of offsets, one step every period.
    static let loop: [Offset] = [
        Offset(x: 0, y: 0), Offset(x: 1, y: 0), Offset(x: 2, y: 0), Offset(x: 2, y: 1),
        Offset(x: 1, y: 1), Offset(x: 0, y: 1),
    ]

    /// The offset at `date`.
    ///
    /// - Parameters:
    ///   - minutes: minutes between steps; 0 or less never shifts.
    public static func offset(at date: Date, everyMinutes minutes: Int) -> Offset {
        guard minutes > 0 else { return .zero }
        let step = Int((date.timeIntervalSince1970 / Double(minutes * 60)).rounded(.down))
        let index = ((step % loop.count) + loop.count) % loop.count
        return loop[index]
    }
}
