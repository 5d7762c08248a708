/// Streams that keep independent uses of equal figures apart.
enum SampleStream {
    static func hours(_ occurrence: Int) -> UInt64 { UInt64(occurrence) &* 2 }
    static func cost(_ occurrence: Int) -> UInt64 { UInt64(occurrence) &* 2 &+ 1 }
}

/// Counts how often each figure has been drawn within one sum, so that repeats get new streams.
struct OccurrenceCounter: Sendable {
    private var seen: [P5090: Int] = [:]
    mutating func next(_ q: P5090) -> Int {
        let n = seen[q, default: 0]
        seen[q] = n + 1
        return n
    }
}

/// The draws of a sequence of steps taken in order, each from its own stream: a figure met again
/// gets the next stream, so equal steps stay independent draws. The journey's sums, the
/// estimate's totals and the profile chart all draw through this, in the same order, so the
/// chart ends where the table does.
struct StepStreams: Sendable {
    private var hoursSeen = OccurrenceCounter(), costSeen = OccurrenceCounter()

    /// The draws of the next step's hours.
    mutating func hours(_ q: P5090, from cache: SampleCache) -> [Float] {
        cache.samples(q, stream: hoursStream(q))
    }

    /// The stream the next step's hours are drawn from, moving past it as `hours` would.
    mutating func hoursStream(_ q: P5090) -> UInt64 { SampleStream.hours(hoursSeen.next(q)) }

    /// Moves past a step's hours without drawing them, as `hours` would: the draws that follow
    /// come from the same streams as if they had been drawn.
    mutating func skipHours(_ q: P5090) { _ = hoursSeen.next(q) }

    /// The draws of the next step's cost.
    mutating func cost(_ q: P5090, from cache: SampleCache) -> [Float] {
        cache.samples(q, stream: SampleStream.cost(costSeen.next(q)))
    }
}
