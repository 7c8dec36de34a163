import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// "Did you mean": the same suggestion on every run, and the nearest key.
@Suite struct ConfigSuggestionTests {
    static let known = ConfigLoader.keys.map(\.key)

    /// Sets built in many orders and sizes iterate in different orders; the suggestion must not
    /// follow them.
    @Test func theSuggestionDoesNotDependOnASetsOrder() {
        var random = SeededRandom(seed: 15)
        for typo in ["wal", "wall", "deadlin", "dedline", "cutof", "lang", "store_dir", "mail", "zzz"] {
            let first = ConfigLoader.closest(to: typo, in: Set(Self.known))
            for _ in 0..<50 {
                var set = Set<String>(minimumCapacity: Int.random(in: 0...200, using: &random))
                for key in Self.known.shuffled(using: &random) { set.insert(key) }
                #expect(ConfigLoader.closest(to: typo, in: set) == first, "\(typo)")
            }
        }
    }

    @Test func theNearestKeyIsSuggested() {
        let known = Set(Self.known)
        #expect(ConfigLoader.closest(to: "deadlin", in: known) == "deadline")
        #expect(ConfigLoader.closest(to: "dedline", in: known) == "deadline")
        #expect(ConfigLoader.closest(to: "Dead_Line", in: known) == "deadline")
        #expect(ConfigLoader.closest(to: "wal", in: known) == "wall-quit-key")
        #expect(ConfigLoader.closest(to: "zzz", in: known) == nil)
        #expect(ConfigLoader.editDistance("", "abc") == 3 && ConfigLoader.editDistance("kitten", "sitting") == 3)
    }
}
