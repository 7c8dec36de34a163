import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// A wait of centuries would be counted morning by morning when the issue is archived (the
/// morning ledger), holding the store lock for hours: one hostile record must not do that. Waits
/// longer than `Issue.longestWaitYears` are refused where an issue is helped or withdrawn.
@Suite struct LongWaitTests {
    static let now = instant("2026-11-30T12:00:00+01:00")

    static func record(_ received: String, resolved: String) throws -> JSONValue {
        try JSONParser.parse(Data(#"{"id":"w1","customer":"c","summary":"s","receivedAt":"\#(received)","status":"resolved","resolvedAt":"\#(resolved)","resolvedBy":"z"}"#.utf8))
    }

    @Test func anImportOfAWaitOfCenturiesIsRefusedNamingTheField() throws {
        let t = TempStore(clock: { Self.now })
        for (received, resolved) in [("0001-01-01T09:00:00Z", "2026-11-20T09:00:00Z"), ("2001-01-01T09:00:00Z", "9999-01-01T09:00:00Z")] {
            let records = [ImportRecord(position: .record(1), json: try Self.record(received, resolved: resolved))]
            let error = #expect(throws: TenBoardError.self) { try t.store.importIssues(records, name: "in.json", at: Self.now) }
            #expect(error?.exitCode == .dataError)
            #expect(error?.message(in: .en).contains("record 1 (id w1): field 'resolvedAt': is more than 20 years after receivedAt") == true, "\(error?.message(in: .en) ?? "")")
            #expect(error?.message(in: .nl).contains("veld 'resolvedAt': ligt meer dan 20 jaar na receivedAt") == true)
            #expect(!t.store.exists, "nothing was stored")
        }
        // Twenty years less a day is a wait the store takes, and archives.
        let fine = [ImportRecord(position: .record(1), json: try Self.record("2006-12-01T09:00:00Z", resolved: "2026-11-20T09:00:00Z"))]
        #expect(try t.store.importIssues(fine, name: "in.json", at: Self.now) == 1)
        #expect(try t.store.issue(id: "w1").resolvedBy == "z")
    }

    @Test func resolvingOrWithdrawingAnIssueReceivedCenturiesAgoIsRefused() throws {
        let t = TempStore(clock: { Self.now })
        let open = try JSONParser.parse(Data(#"{"id":"old","customer":"c","summary":"s","receivedAt":"1901-05-01T09:00:00Z"}"#.utf8))
        try t.store.importIssues([ImportRecord(position: .record(1), json: open)], name: "in.json", at: Self.now)
        let resolve = #expect(throws: TenBoardError.self) { try t.store.resolve(id: "old", by: "z", action: nil, at: Self.now) }
        #expect(resolve?.exitCode == .dataError)
        #expect(resolve?.message(in: .en).contains("a wait of more than 20 years is not taken") == true)
        let withdraw = #expect(throws: TenBoardError.self) { try t.store.withdraw(id: "old", reason: "typo", at: Self.now) }
        #expect(withdraw?.exitCode == .dataError)
        #expect(try t.store.issue(id: "old").isOpen, "the issue is unchanged")
    }

    @Test func checkNamesAWaitOfCenturiesThatAnOlderTenboardStored() throws {
        let t = TempStore(clock: { Self.now })
        _ = try t.store.add(customer: "c", summary: "s", receivedAt: Self.now.addingTimeInterval(-600), at: Self.now)
        #expect(try StoreCheck.run(t.store).problems.isEmpty)
        // As a tenboard before the rule left it: helped in 2026, received in the year 1001.
        try StoreLock.withExclusiveLock(in: t.url) {
            var state = try #require(try t.store.load())
            var issue = try Issue(json: try Self.record("1001-01-01T09:00:00Z", resolved: "2026-11-20T09:00:00Z"))
            issue.id = "ancient"
            state.issues.insert(issue, at: 0)
            try t.store.write(state)
        }
        let problems = try StoreCheck.run(t.store).problems
        #expect(problems.count == 1)
        #expect(problems.first?.contains(t.store.hotURL.path + ": issue ancient was received at 1001-01-01T09:00:00Z; a wait of more than 20 years") == true, "\(problems)")
        let dutch = try StoreCheck.run(t.store, words: Words(.nl)).problems
        #expect(dutch.first?.contains("een wachttijd van meer dan 20 jaar") == true)
    }
}
