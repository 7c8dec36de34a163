import Foundation
import Testing
@testable import TenBoardCore
import TenBoardTestSupport

/// November 2026: Mon 23, Tue 24, … Fri 27, Sat 28, Sun 29, Mon 30. Amsterdam is +01:00 then.
@Suite struct MorningCalendarTests {
    @Test(arguments: [
        ("2026-11-24T08:00:00+01:00", "2026-11-24"), // exactly at the cut-off
        ("2026-11-24T07:00:00Z", "2026-11-24"), // the same instant in UTC
        ("2026-11-24T08:00:01+01:00", "2026-11-25"),
        ("2026-11-24T07:00:01Z", "2026-11-25"),
        ("2026-11-23T23:59:59+01:00", "2026-11-24"),
        ("2026-11-24T00:00:00+01:00", "2026-11-24"),
        ("2026-11-27T07:59:59+01:00", "2026-11-27"),
        ("2026-11-27T08:00:01+01:00", "2026-11-30"), // Friday after the cut-off
        ("2026-11-28T12:00:00+01:00", "2026-11-30"), // Saturday
        ("2026-11-29T23:59:59+01:00", "2026-11-30"), // Sunday
        ("2026-11-30T08:00:00+01:00", "2026-11-30"),
        ("2026-12-31T08:00:01+01:00", "2027-01-01"), // Thursday into the new year
        ("2026-03-30T06:00:00Z", "2026-03-30"), // 08:00 CEST, the Monday after the change
        ("2026-03-30T06:00:01Z", "2026-03-31"),
        ("2026-03-27T07:00:01Z", "2026-03-30"), // Friday 08:00:01 CET
    ])
    func morningForReceived(received: String, expected: String) {
        #expect(Morn.amsterdam.morning(forReceived: instant(received)) == localDate(expected))
    }

    @Test(arguments: [
        // A holiday on Friday 27 Nov pushes Thursday after the cut-off to Monday.
        ("2026-11-26T08:00:00+01:00", ["2026-11-27"], "2026-11-26"),
        ("2026-11-26T08:00:01+01:00", ["2026-11-27"], "2026-11-30"),
        ("2026-11-27T07:00:00+01:00", ["2026-11-27"], "2026-11-30"),
        // A holiday on Monday 30 Nov pushes the weekend to Tuesday.
        ("2026-11-27T09:00:00+01:00", ["2026-11-30"], "2026-12-01"),
        ("2026-11-30T07:00:00+01:00", ["2026-11-30"], "2026-12-01"),
        // New Year's Day on a Friday: 31 Dec after the cut-off waits for Monday 4 Jan.
        ("2026-12-31T08:00:01+01:00", ["2027-01-01"], "2027-01-04"),
        ("2027-01-02T10:00:00+01:00", ["2027-01-01"], "2027-01-04"),
    ])
    func morningForReceivedWithHolidays(received: String, holidays: [String], expected: String) {
        let schedule = MorningSchedule(holidays: Set(holidays.map(localDate)))
        #expect(schedule.morning(forReceived: instant(received)) == localDate(expected))
    }

    @Test(arguments: [
        // Zones other than the machine's (UTC here): the local day differs from the UTC day.
        ("Asia/Tokyo", "2026-11-23T23:00:00Z", "2026-11-24"), // Tue 08:00 JST
        ("Asia/Tokyo", "2026-11-23T23:00:01Z", "2026-11-25"),
        ("Asia/Tokyo", "2026-11-27T15:00:00Z", "2026-11-30"), // Sat 00:00 JST
        ("America/New_York", "2026-11-27T13:00:00Z", "2026-11-27"), // Fri 08:00 EST
        ("America/New_York", "2026-11-27T13:00:01Z", "2026-11-30"),
        ("America/New_York", "2026-11-24T04:59:59Z", "2026-11-24"), // Mon 23:59:59 EST
    ])
    func morningInOtherZones(zone: String, received: String, expected: String) {
        let schedule = MorningSchedule(timeZone: Morn.zone(zone))
        #expect(schedule.morning(forReceived: instant(received)) == localDate(expected))
    }

    @Test(arguments: [
        ("Europe/Amsterdam", "2026-11-24T22:59:59Z", "2026-11-24"),
        ("Europe/Amsterdam", "2026-11-24T23:00:00Z", "2026-11-25"),
        ("America/New_York", "2026-11-24T04:59:59Z", "2026-11-23"),
        ("America/New_York", "2027-01-01T04:59:59Z", "2026-12-31"), // year boundary
        ("Asia/Tokyo", "2026-12-31T15:00:00Z", "2027-01-01"),
    ])
    func localDateOfAnInstant(zone: String, instant: String, expected: String) {
        #expect(MorningSchedule(timeZone: Morn.zone(zone)).localDate(of: TenBoardTestSupport.instant(instant)) == TenBoardTestSupport.localDate(expected))
    }

    @Test(arguments: [
        ("Europe/Amsterdam", "2026-03-27", "2026-03-27T09:00:00Z", "2026-03-27T07:00:00Z"),
        ("Europe/Amsterdam", "2026-03-30", "2026-03-30T08:00:00Z", "2026-03-30T06:00:00Z"), // CEST
        ("Europe/Amsterdam", "2026-10-23", "2026-10-23T08:00:00Z", "2026-10-23T06:00:00Z"),
        ("Europe/Amsterdam", "2026-10-26", "2026-10-26T09:00:00Z", "2026-10-26T07:00:00Z"), // CET
        ("Europe/Amsterdam", "2026-11-24", "2026-11-24T09:00:00Z", "2026-11-24T07:00:00Z"),
        ("America/New_York", "2026-03-06", "2026-03-06T15:00:00Z", "2026-03-06T13:00:00Z"),
        ("America/New_York", "2026-03-09", "2026-03-09T14:00:00Z", "2026-03-09T12:00:00Z"), // EDT
        ("America/New_York", "2026-11-02", "2026-11-02T15:00:00Z", "2026-11-02T13:00:00Z"), // EST
        ("Asia/Tokyo", "2026-11-24", "2026-11-24T01:00:00Z", "2026-11-23T23:00:00Z"),
    ])
    func deadlineAndCutoff(zone: String, day: String, deadline: String, cutoff: String) {
        let schedule = MorningSchedule(timeZone: Morn.zone(zone))
        #expect(schedule.deadline(of: localDate(day)) == instant(deadline))
        #expect(schedule.cutoff(of: localDate(day)) == instant(cutoff))
    }

    @Test func deadlineIsTenLocalOnBothChangeMondays() {
        let zone = Morn.amsterdam.timeZone
        #expect(Timestamp(Morn.amsterdam.deadline(of: localDate("2026-03-30")), in: zone).rfc3339 == "2026-03-30T10:00:00+02:00")
        #expect(Timestamp(Morn.amsterdam.deadline(of: localDate("2026-10-26")), in: zone).rfc3339 == "2026-10-26T10:00:00+01:00")
    }

    @Test func skippedWallTimeRollsForwardAndRepeatedTakesTheFirst() {
        let night = MorningSchedule(
            deadline: ClockTime(hour: 2, minute: 30), cutoff: ClockTime(hour: 2, minute: 15),
            workdays: Set(Weekday.allCases)
        )
        // 29 Mar 2026 02:00 CET jumps to 03:00 CEST: 02:30 does not exist.
        #expect(night.deadline(of: localDate("2026-03-29")) == instant("2026-03-29T01:00:00Z"))
        // 25 Oct 2026 02:30 happens twice; the first is still CEST.
        #expect(night.deadline(of: localDate("2026-10-25")) == instant("2026-10-25T00:30:00Z"))
    }

    @Test(arguments: [
        ("2026-11-24", true), ("2026-11-27", true), ("2026-11-28", false), ("2026-11-29", false),
        ("2026-12-25", false), ("2026-12-24", true),
    ])
    func isMorning(day: String, expected: Bool) {
        let schedule = MorningSchedule(holidays: [localDate("2026-12-25")])
        #expect(schedule.isMorning(localDate(day)) == expected)
    }

    @Test(arguments: [
        ("2026-11-27", "2026-11-30", "2026-11-26"),
        ("2026-11-28", "2026-11-30", "2026-11-27"),
        ("2026-11-30", "2026-12-01", "2026-11-27"),
        ("2026-12-31", "2027-01-04", "2026-12-30"), // New Year's Day a holiday
        ("2027-01-04", "2027-01-05", "2026-12-31"),
    ])
    func nextAndPrevious(day: String, next: String, previous: String) {
        let schedule = MorningSchedule(holidays: [localDate("2027-01-01")])
        #expect(schedule.nextMorning(after: localDate(day)) == localDate(next))
        #expect(schedule.previousMorning(before: localDate(day)) == localDate(previous))
    }

    @Test func scheduleWithoutWorkdaysFallsBackToCalendarDays() {
        let empty = MorningSchedule(workdays: [])
        #expect(empty.nextMorning(after: localDate("2026-11-24")) == localDate("2026-11-25"))
        #expect(empty.previousMorning(before: localDate("2026-11-24")) == localDate("2026-11-23"))
        #expect(empty.morning(forReceived: instant("2026-11-24T07:00:00+01:00")) == localDate("2026-11-25"))
        #expect(empty.relevantMorning(at: instant("2026-11-24T07:00:00+01:00")) == localDate("2026-11-25"))
    }

    @Test(arguments: [
        ("2026-11-24T00:00:00+01:00", "2026-11-24"),
        ("2026-11-24T15:00:00+01:00", "2026-11-24"), // after the deadline, still today
        ("2026-11-24T23:59:59+01:00", "2026-11-24"),
        ("2026-11-24T23:00:00Z", "2026-11-25"), // midnight in Amsterdam
        ("2026-11-27T18:00:00+01:00", "2026-11-27"),
        ("2026-11-28T00:00:00+01:00", "2026-11-30"),
        ("2026-12-31T12:00:00+01:00", "2026-12-31"),
        ("2027-01-02T12:00:00+01:00", "2027-01-04"),
    ])
    func relevantMorning(at: String, expected: String) {
        #expect(Morn.amsterdam.relevantMorning(at: instant(at)) == localDate(expected))
    }
}
