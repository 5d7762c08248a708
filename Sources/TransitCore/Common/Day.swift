/// A calendar date (ISO 8601, no time of day), stored as days since 1970-01-01 so that
/// comparisons and arithmetic are exact and no calendar or clock is involved.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A valid proleptic Gregorian date, or nil (2026-02-30 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Read in place (a manifest has a dozen dates): no copy of the text's bytes.
        var text = text
        guard let day = text.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes: the day `init?(iso:)` reads in the text
    /// they spell (only ASCII digits and hyphens are read, so no other spelling matches).
    public init?(isoUTF8 u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard u[i] >= 48 && u[i] <= 57 else { return nil }; v = v * 10 + Int(u[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else {
            // Years no shipment has: padded the same way, without the fast path's fixed width.
            func pad(_ v: Int, _ w: Int) -> String {
                let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        }
        // Ten ASCII digits and dashes written in place: reports and rows write many dates.
        return String(unsafeUninitializedCapacity: 10) { text in
            func digits(_ value: Int, _ width: Int, at start: Int) {
                var v = value
                for k in (start..<start + width).reversed() {
                    text[k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            digits(y, 4, at: 0)
            text[4] = UInt8(ascii: "-")
            digits(m, 2, at: 5)
            text[7] = UInt8(ascii: "-")
            digits(d, 2, at: 8)
            return 10
        }
    }

    /// Days are kept within ±3 million days of 1970 (about 8,000 years) so that no figure a rule
    /// pack can hold (a validity of Int.max days, 1e38 hours) overflows the arithmetic.
    static let limit = 3_000_000

    /// The day `days` later (earlier when negative), held within `limit` of 1970.
    public func adding(days: Int) -> Day {
        let clamped = max(-Day.limit, min(Day.limit, days))
        return Day(ordinal: max(-Day.limit, min(Day.limit, ordinal + clamped)))
    }

    /// The day on which something that starts at the beginning of `self` stands after `hours`;
    /// NaN counts as no time.
    public func adding(hours: Double) -> Day {
        let days = (hours / 24).rounded(.down)
        guard days.isFinite else { return days.isNaN ? self : adding(days: days > 0 ? Day.limit : -Day.limit) }
        return adding(days: Int(max(-Double(Day.limit), min(Double(Day.limit), days))))
    }

    /// Earlier days come first.
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A closed range of days during which something applies; either end may be open.
public struct DayRange: Hashable, Sendable {
    public var from: Day?
    public var until: Day?
    public init(from: Day? = nil, until: Day? = nil) { self.from = from; self.until = until }

    /// Whether `day` falls inside the range; both ends are included and an open end lets in every day.
    public func contains(_ day: Day) -> Bool {
        if let f = from, day < f { return false }
        if let u = until, day > u { return false }
        return true
    }

    /// True when `until` comes before `from`, so that no day fits.
    public var isEmpty: Bool {
        if let f = from, let u = until { return u < f }
        return false
    }
}
