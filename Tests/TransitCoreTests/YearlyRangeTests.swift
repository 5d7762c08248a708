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
    }

    @Test func aRangeWithinOneYear() {
        let holiday = YearlyRange(from: MonthDay(text: "10-01")!, until: MonthDay(text: "10-07")!)
        #expect(holiday.contains(day("2030-10-04")))
        #expect(!holiday.contains(day("2030-12-04")))
    }

    @Test func monthDaysAreChecked() {
        #expect(MonthDay(text: "02-29") != nil)
        #expect(MonthDay(text: "02-30") == nil)
        #expect(MonthDay(text: "13-01") == nil)
        #expect(MonthDay(text: "1-01") == nil)
        #expect(MonthDay(text: "02-29")!.inYear(2027) == day("2027-02-28"))
        #expect(MonthDay(text: "02-29")!.firstDayOnOrAfter(inYear: 2027) == day("2027-03-01"))
        #expect(MonthDay(text: "02-29")!.firstDayOnOrAfter(inYear: 2028) == day("2028-02-29"))
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

    /// The reopening search tries only the period boundaries; it must give what a
    /// day-by-day search gives, on every day of several years, leap days and open ends included.
    @Test func theReopeningIsTheOneADayByDaySearchFinds() {
        let leap = YearlyRange(from: MonthDay(text: "02-29")!, until: MonthDay(text: "03-02")!)
        let closedLink = Link(
            from: "A", to: "B", mode: .road, km: 10,
            history: [
                StatusPeriod(status: .closed, span: .everyYear(winter), source: "seasonal"),
                StatusPeriod(status: .closed, span: .everyYear(leap), source: "leap"),
                StatusPeriod(
                    status: .operational, period: DayRange(from: day("2024-01-02"), until: day("2024-01-16")),
                    source: "special"),
                StatusPeriod(
                    status: .closed, period: DayRange(from: day("2025-06-10"), until: day("2025-09-01")),
                    source: "works"),
                StatusPeriod(status: .closed, period: DayRange(from: day("2028-07-01")), source: "open-ended"),
            ], source: "t")
        // Closed unless a period opens it: reopenings at the starts of yearly periods, one of
        // them on 02-29 (03-01 in a common year), and at the end of a dated closure.
        let openedLink = Link(
            from: "A", to: "B", mode: .road, km: 10, status: .closed,
            history: [
                StatusPeriod(
                    status: .closed, period: DayRange(from: day("2026-05-01"), until: day("2026-05-20")),
                    source: "works"),
                StatusPeriod(status: .operational, span: .everyYear(leapToSummer), source: "season"),
                StatusPeriod(status: .operational, span: .everyYear(december), source: "december"),
            ], source: "t")
        for link in [closedLink, openedLink] {
            let differ = daysWhereTheSearchesDiffer(link)
            #expect(differ.isEmpty, "reopening differs from the day-by-day search after \(differ.prefix(5))")
        }
    }

    let leapToSummer = YearlyRange(from: MonthDay(text: "02-29")!, until: MonthDay(text: "06-30")!)
    let december = YearlyRange(from: MonthDay(text: "12-01")!, until: MonthDay(text: "12-31")!)

    /// The days from mid-2023 to the end of 2028 after which `reopening` and a day-by-day search disagree.
    func daysWhereTheSearchesDiffer(_ link: Link) -> [String] {
        func dayByDay(after start: Day) -> Day? {
            var at = start.adding(days: 1)
            for _ in 0..<(4 * 366) {
                if link.status(on: at).0 == .operational { return at }
                at = at.adding(days: 1)
            }
            return nil
        }
        var at = day("2023-06-01")
        var differ: [String] = []
        while at < day("2029-01-01") {
            if link.reopening(after: at) != dayByDay(after: at) { differ.append(at.description) }
            at = at.adding(days: 1)
        }
        return differ
    }
}
