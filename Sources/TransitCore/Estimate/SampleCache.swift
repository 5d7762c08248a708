import Foundation

/// Memoizes what is costly and shared between shipments: each step's 10,000 draws and each
/// planned journey. A pure function's cache, so results do not depend on what was checked
/// before; safe to share between threads.
public final class SampleCache: @unchecked Sendable {
    private struct Key: Hashable { var p50: UInt64; var p90: UInt64; var stream: UInt64 }
    private let lock = NSLock()
    private var samples: [Key: [Float]] = [:]
    private var journeys: [JourneyKey: Result<Journey, RouteProblem>] = [:]
    private var times: [TimeKey: (time: P5090, delay: P5090)] = [:]

    /// What a shipment's total time depends on: its route, the procedures rules add, and the
    /// lead times of the documents it still needs. Shipments that share them share the totals.
    struct TimeKey: Hashable { var journey: String; var procedures: [P5090]; var waits: [P5090] }

    func time(_ key: TimeKey, _ make: () -> (time: P5090, delay: P5090)) -> (time: P5090, delay: P5090) {
        lock.lock()
        if let t = times[key] { lock.unlock(); return t }
        lock.unlock()
        let t = make()
        lock.lock()
        times[key] = t
        lock.unlock()
        return t
    }

    public init() {}

    /// The draws for a step; `stream` tells apart independent steps with equal figures.
    public func samples(_ q: P5090, stream: UInt64) -> [Float] {
        let key = Key(p50: q.p50.bitPattern, p90: q.p90.bitPattern, stream: stream)
        lock.lock()
        if let s = samples[key] { lock.unlock(); return s }
        lock.unlock()
        let s = MonteCarlo.samples(q, stream: stream)
        lock.lock()
        samples[key] = s
        lock.unlock()
        return s
    }

    struct JourneyKey: Hashable { var corridor: String; var origin: String; var destination: String; var mode: TransportMode? }

    func journey(_ key: JourneyKey, _ make: () -> Result<Journey, RouteProblem>) -> Result<Journey, RouteProblem> {
        lock.lock()
        if let j = journeys[key] { lock.unlock(); return j }
        lock.unlock()
        let j = make()
        lock.lock()
        journeys[key] = j
        lock.unlock()
        return j
    }
}

/// Streams that keep independent uses of equal figures apart.
enum SampleStream {
    static func hours(_ occurrence: Int) -> UInt64 { UInt64(occurrence) &* 2 }
    static func cost(_ occurrence: Int) -> UInt64 { UInt64(occurrence) &* 2 &+ 1 }
}

/// Counts how often each figure has been drawn within one sum, so that repeats get new streams.
struct OccurrenceCounter {
    private var seen: [P5090: Int] = [:]
    mutating func next(_ q: P5090) -> Int {
        let n = seen[q, default: 0]
        seen[q] = n + 1
        return n
    }
}
