import Foundation
import TenBoardCore

/// When a screen built from a store must be built again, and when it may be counted on from the
/// last build (`WallState.retimed`, `BoardHeader.retimed`): the board and the wall ask each
/// second, and building from a large store is the costly part of a frame.
///
/// A screen is a function of the store and of where the instant stands among the boundaries of
/// the mornings: the day (its morning's row appears at midnight, the tally and praise are the
/// day's), and whether that day's cut-off and deadline have passed (a morning is decided at its
/// deadline). The store enters only through comparisons of its own instants (received,
/// resolved, withdrawn, wrote again, a tally mark, a praise) with the instant, and the few
/// things that move with every second (the countdown, the state and pace, waiting times, the
/// clock) are what `retimed` redoes. So while nothing in the store lies after the instant, which
/// is how a live store is, a build holds until the store is read anew or a boundary passes. When
/// something lies ahead (a view of another instant, `--at`, `--clock-from`), the key changes
/// every minute as well.
struct RebuildKey {
    /// The latest instant of anything in the store of read `generation`.
    private var latest: (generation: Int, instant: Date)?

    /// The key at `at` for a store's read `generation` (`StoreWatcher.generation`): build again
    /// when it differs from the last build's.
    mutating func key(generation: Int, issues: [Issue], tally: [TallyMark] = [], praise: [Praise] = [],
                      schedule: MorningSchedule, at: Date) -> [Int] {
        if latest?.generation != generation { latest = (generation, Self.latestInstant(issues, tally: tally, praise: praise)) }
        let today = schedule.localDate(of: at)
        let phase = at < schedule.cutoff(of: today) ? 0 : at < schedule.deadline(of: today) ? 1 : 2
        let minute = Int((at.timeIntervalSince1970 / 60).rounded(.down))
        return [generation, today.dayNumber, phase, at < latest!.instant ? minute : -1]
    }

    static func latestInstant(_ issues: [Issue], tally: [TallyMark] = [], praise: [Praise] = []) -> Date {
        var latest = Date.distantPast
        func see(_ instant: Date?) { if let instant, instant > latest { latest = instant } }
        issues.withUnsafeBufferPointer { issues in
            for i in issues.indices {
                see(issues[i].receivedAt.date)
                see(issues[i].resolvedAt?.date)
                see(issues[i].withdrawnAt?.date)
                // Only a field of `extra` says when a customer wrote again: without any, nothing
                // to look up (the look-up works on a copy of the issue, its strings retained).
                if !issues[i].extra.isEmpty { see(issues[i].wroteAgain?.date) }
            }
        }
        for mark in tally { see(mark.at.date) }
        for said in praise { see(said.at.date) }
        return latest
    }
}
