import Testing
@testable import TransitCore

@Suite struct YearlyRangeTests {
    let winter = YearlyRange(from: MonthDay(text: "12-01")!, until: MonthDay(text: "03-31")!)
    func day(_ s: String) -> Day { Day(iso: s)! }

    @Test func aWinterClosureCrossesTheNewYear() {
        #expect(winter.contains(day("2026-12-01")))
        #expect(winter.contains(day("2027-01-15")))
        #expect(winter.contains(day("2027-03-31")))
        #expect(!winter.contains(day("2027-04-01")))
        #expect(!winter.contains(day("2026-11-30")))
        #expect(winter.lastDay(ofOccurrenceContaining: day("2026-12-10")) == day("2027-03-31"))
        #expect(winter.lastDay(ofOccurrenceContaining: day("2027-02-10")) == day("2027-03-31"))
        #expect(winter.lastDay(ofOccurrenceContaining: day("2027-05-10")) == nil)
    }

    @Test func aRangeWithinOneYear() {
        let holiday = YearlyRange(from: MonthDay(text: "10-01")!, until: MonthDay(text: "10-07")!)
        #expect(holiday.contains(day("2030-10-04")))
        #expect(!holiday.contains(day("2030-12-04")))
        #expect(holiday.lastDay(ofOccurrenceContaining: day("2030-10-02")) == day("2030-10-07"))
    }

    @Test func monthDaysAreChecked() {
        #expect(MonthDay(text: "02-29") != nil)
        #expect(MonthDay(text: "02-30") == nil)
        #expect(MonthDay(text: "13-01") == nil)
        #expect(MonthDay(text: "1-01") == nil)
        #expect(MonthDay(text: "02-29")!.inYear(2027) == day("2027-02-28"))
    }

    @Test func aDatedPeriodOverridesTheYearlyOneAndTheReopeningIsFound() {
        let link = Link(
            from: "A", to: "B", mode: .road, km: 10,
            history: [
                StatusPeriod(status: .closed, span: .everyYear(winter), source: "seasonal"),
                StatusPeriod(
                    status: .operational, period: DayRange(from: day("2024-01-02"), until: day("2024-01-16")),
                    source: "special"),
            ], source: "t")
        #expect(link.status(on: day("2024-01-05")).0 == .operational)
        #expect(link.status(on: day("2024-01-20")).0 == .closed)
        #expect(link.status(on: day("2024-05-20")).0 == .operational)
        #expect(link.reopening(after: day("2023-12-10")) == day("2024-01-02"))
        #expect(link.reopening(after: day("2024-01-20")) == day("2024-04-01"))
        let forever = Link(
            from: "A", to: "B", mode: .road, km: 10,
            history: [
                StatusPeriod(status: .closed, period: DayRange(from: day("2025-10-12")), source: "open-ended")
            ], source: "t")
        #expect(forever.reopening(after: day("2026-01-01")) == nil)
    }
}
