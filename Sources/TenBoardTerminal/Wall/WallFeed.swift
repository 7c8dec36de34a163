import Foundation
import TenBoardCore

/// The wall's state second by second: built from the store when the store was read anew or a
/// boundary of the mornings passed (`RebuildKey`), otherwise counted on from the last build
/// (`WallState.retimed`), so an idle second costs no pass over the store, whatever its size.
final class WallFeed {
    let schedule: MorningSchedule
    let language: Language
    let frozen: Bool
    private var rebuild = RebuildKey()
    private var made: (key: [Int], state: WallState)?
    /// How many times the state was built from the store (for the tests).
    private(set) var builds = 0

    init(schedule: MorningSchedule, language: Language, frozen: Bool = false) {
        self.schedule = schedule
        self.language = language
        self.frozen = frozen
    }

    /// The wall at `at` for the snapshot of a store's read `generation` (`StoreWatcher.generation`).
    func state(_ snapshot: StoreSnapshot, generation: Int, at: Date) -> WallState {
        let key = rebuild.key(generation: generation, issues: snapshot.issues, tally: snapshot.tallyMarks,
                              praise: snapshot.praise, schedule: schedule, at: at)
        if let made, made.key == key, let retimed = made.state.retimed(to: at, schedule: schedule) { return retimed }
        let state = WallState.make(snapshot: snapshot, schedule: schedule, at: at, language: language, frozen: frozen)
        made = (key, state)
        builds += 1
        return state
    }
}
