/// A month and day without a year ("12-01"), for periods that recur every year.
public struct MonthDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let month: Int
    public let day: Int

    /// A month and day that exist in some year (02-29 does; 02-30 does not).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: 2000) else { return nil }
        self.month = month; self.day = day
    }

    /// Parses exactly `MM-DD`.
    public init?(text: String) {
        let u = Array(text.utf8)
        guard u.count == 5, u[2] == 45, u.indices.allSatisfy({ $0 == 2 || (48...57).contains(u[$0]) }) else {
            return nil
        }
        self.init(month: Int(u[0] - 48) * 10 + Int(u[1] - 48), day: Int(u[3] - 48) * 10 + Int(u[4] - 48))
    }

    /// The month and day of a date.
    public init(of date: Day) {
        let c = date.components
        month = c.month; day = c.day
    }

    /// This month and day in `year`; 02-29 falls on 02-28 in a common year.
    public func inYear(_ year: Int) -> Day {
        Day(year: year, month: month, day: min(day, Day.daysIn(month: month, year: year)))!
    }

    /// The first day of `year` that is this month and day or after it, as a yearly range that
    /// starts here first contains: 02-29 is 03-01 in a common year.
    public func firstDayOnOrAfter(inYear year: Int) -> Day {
        let d = inYear(year)
        return MonthDay(of: d) < self ? d.adding(days: 1) : d
    }

    /// Ordered through the year: January first, December last.
    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }

    /// `MM-DD`.
    public var description: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }
}

/// A range of days that recurs every year, both ends included; it may cross the new year
/// (a pass closed from 12-01 to 03-31 is closed from 1 December to 31 March of the next year).
public struct YearlyRange: Hashable, Sendable, CustomStringConvertible {
    public var from: MonthDay
    public var until: MonthDay
    public init(from: MonthDay, until: MonthDay) { self.from = from; self.until = until }

    /// True when the range runs over 31 December (`until` comes before `from`).
    public var crossesNewYear: Bool { until < from }

    /// Whether `date`, in whichever year, falls within the range.
    public func contains(_ date: Day) -> Bool {
        let md = MonthDay(of: date)
        return crossesNewYear ? (md >= from || md <= until) : (md >= from && md <= until)
    }

    public var description: String { "every year \(from) to \(until)" }
}

/// When a status period applies: between two dates, or every year between two month-days.
public enum PeriodSpan: Hashable, Sendable {
    case dates(DayRange)
    case everyYear(YearlyRange)

    /// Whether `date` falls within the span.
    public func contains(_ date: Day) -> Bool {
        switch self {
        case .dates(let r): return r.contains(date)
        case .everyYear(let r): return r.contains(date)
        }
    }

    /// True for a span that recurs every year.
    public var isYearly: Bool { if case .everyYear = self { return true } else { return false } }

    /// "2025-02-21 to 2025-03-20", "from 2025-10-12", "every year 12-01 to 03-31".
    public var description: String {
        switch self {
        case .dates(let r): return "\(r.from?.description ?? "…") to \(r.until?.description ?? "…")"
        case .everyYear(let r): return r.description
        }
    }
}
