import Foundation

/// Memoizes what is costly and shared between shipments: each step's 10,000 draws and each
/// planned journey. A pure function's cache, so results do not depend on what was checked
/// before; safe to share between threads. Each table holds at most `limit` entries and starts
/// afresh when full, so that a corpus of unusual routes cannot grow memory without bound.
public final class SampleCache: @unchecked Sendable {
    /// Entries a table holds before it is emptied (a step's draws are 40 KB).
    public let limit: Int
    private struct Key: Hashable { var p50: UInt64; var p90: UInt64; var stream: UInt64 }
    private let lock = NSLock()
    private let samples = Table<Key, [Float]>()
    private let journeys = Table<JourneyKey, Result<Journey, RouteProblem>>()
    private let times = Table<TimeKey, (time: P5090, delay: P5090)>()
    private let procedureCosts = Table<ProcedureKey, [Float]>()

    /// What a shipment's total time depends on: its route, the procedures rules add, and the
    /// lead times of the documents it still needs. Shipments that share them share the totals.
    struct TimeKey: Hashable { var trip: TripKey; var waits: [P5090] }

    func time(_ key: TimeKey, _ make: () -> (time: P5090, delay: P5090)) -> (time: P5090, delay: P5090) {
        memo({ $0.times }, key, make)
    }

    /// A route and the hours of the procedures its rules add: the trip time's quantiles, which
    /// every shipment on it shares whatever documents it still waits for.
    struct TripKey: Hashable { var journey: String; var procedures: [P5090] }
    private let trips = Table<TripKey, P5090>()

    func tripTime(_ key: TripKey, _ make: () -> P5090) -> P5090 { memo({ $0.trips }, key, make) }

    /// The lead times of the documents a shipment waits for, each with the stream it is drawn
    /// from: the wait's quantiles (the maximum of the lead times, draw by draw), which shipments
    /// on any route share when they wait for the same documents.
    struct DelayKey: Hashable { var waits: [P5090]; var streams: [UInt64] }
    private let delays = Table<DelayKey, P5090>()

    func delay(_ key: DelayKey, _ make: () -> P5090) -> P5090 { memo({ $0.delays }, key, make) }

    /// The procedures a route's rules add, by their cost figures: their summed cost draws.
    struct ProcedureKey: Hashable { var journey: String; var costs: [P5090] }

    func procedureCosts(_ key: ProcedureKey, _ make: () -> [Float]) -> [Float] {
        memo({ $0.procedureCosts }, key, make)
    }

    /// What a shipment's cost draws depend on besides its tonnage: the route (its per-tonne and
    /// per-unit draws), the number of units and the procedures' summed draws.
    struct CostKey: Hashable { var procedures: ProcedureKey; var units: Float }
    private var costBrackets: [CostKey: CostBrackets] = [:]
    private let unitCosts = Table<CostKey, P5090>()

    /// The cost quantiles of a route with no cost by the tonne, which every tonnage shares.
    func unitCost(_ key: CostKey, _ make: () -> P5090) -> P5090 { memo({ $0.unitCosts }, key, make) }

    /// The cost quantiles at tonnage `a`: by `window` from the first of the windows the known
    /// tonnages give that holds both ranks, else by `full`. Exact either way.
    func costQuantiles(_ key: CostKey, tonnes a: Float, window: (P5090, P5090) -> P5090?, full: () -> P5090) -> P5090 {
        lock.lock()
        if costBrackets[key] == nil, costBrackets.count >= limit { costBrackets.removeAll(keepingCapacity: true) }
        let brackets =
            costBrackets[key]
            ?? {
                let b = CostBrackets(); costBrackets[key] = b; return b
            }()
        let windows = brackets.windows(a)
        lock.unlock()
        var found: P5090?
        for w in windows where found == nil { found = window(w.low, w.high) }
        let q = found ?? full()
        lock.lock()
        brackets.record(a, q)
        lock.unlock()
        return q
    }

    /// A cache to ask before making a value this one lacks: one batch worker's cache asks the
    /// first worker's, so each draw, journey and total is usually made once per batch rather
    /// than once per thread (two threads may make the same one at the same moment; the cost
    /// brackets are not shared), while values already copied here are read without touching
    /// the parent. The keys do not name the network or rules: only caches of evaluators over
    /// the same ones may be joined (`Evaluator.worker()`).
    let parent: SampleCache?

    public init(limit: Int = 4096) { self.limit = max(1, limit); self.parent = nil }

    init(limit: Int = 4096, parent: SampleCache?) { self.limit = max(1, limit); self.parent = parent }

    /// How many entries each table holds now, for tests of the bound.
    var entryCounts: [Int] {
        lock.lock(); defer { lock.unlock() }
        return [
            samples.entries.count, journeys.entries.count, times.entries.count, procedureCosts.entries.count,
            costBrackets.count, linkProblems.entries.count, unitCosts.entries.count, trips.entries.count,
            delays.entries.count,
        ]
    }

    /// The draws for a step; `stream` tells apart independent steps with equal figures.
    public func samples(_ q: P5090, stream: UInt64) -> [Float] {
        memo({ $0.samples }, Key(p50: q.p50.bitPattern, p90: q.p90.bitPattern, stream: stream)) {
            MonteCarlo.samples(q, stream: stream)
        }
    }

    /// One table of values by key, guarded by the cache's lock. A class, so that a table is
    /// read and changed in place through the closure `memo` is given (a key path to a
    /// dictionary is resolved at run time on every access).
    private final class Table<K: Hashable, V> { var entries: [K: V] = [:] }

    /// The value cached under `key` in the table `table` picks, made (outside the lock) if absent.
    private func memo<K: Hashable, V>(_ table: (SampleCache) -> Table<K, V>, _ key: K, _ make: () -> V) -> V {
        let t = table(self)
        lock.lock()
        if let v = t.entries[key] { lock.unlock(); return v }
        lock.unlock()
        let v = parent.map { $0.memo(table, key, make) } ?? make()
        lock.lock()
        if t.entries.count >= limit { t.entries.removeAll(keepingCapacity: true) }
        t.entries[key] = v
        lock.unlock()
        return v
    }

    /// A link, the direction it is taken in (`forward`: from its `from` end), and the day a
    /// shipment reaches it.
    struct LinkDayKey: Hashable { var link: Int; var forward: Bool; var day: Int }
    private let linkProblems = Table<LinkDayKey, RouteProblem?>()

    /// Why a link stops shipments that reach it on a day (nil when it is open): its status, and
    /// for a closure the search for the reopening day, are worked out once per link and day.
    func linkProblem(_ key: LinkDayKey, _ make: () -> RouteProblem?) -> RouteProblem? {
        memo({ $0.linkProblems }, key, make)
    }

    struct JourneyKey: Hashable {
        var corridor: String; var origin: String; var destination: String; var mode: TransportMode?
    }

    func journey(_ key: JourneyKey, _ make: () -> Result<Journey, RouteProblem>) -> Result<Journey, RouteProblem> {
        memo({ $0.journeys }, key, make)
    }
}
