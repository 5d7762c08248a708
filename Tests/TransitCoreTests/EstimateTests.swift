import Foundation
import Testing
@testable import TransitCore

@Suite struct EstimateTests {
    @Test func aSingleStepKeepsItsQuantiles() {
        var s = SampleSum()
        s.add(MonteCarlo.samples(P5090(p50: 10, p90: 30), stream: 0))
        let q = s.quantiles
        #expect(abs(q.p50 - 10) / 10 < 0.01)
        #expect(abs(q.p90 - 30) / 30 < 0.01)
    }

    @Test func drawsAreSeededAndRepeatable() {
        #expect(
            MonteCarlo.samples(P5090(p50: 5, p90: 9), stream: 3) == MonteCarlo.samples(P5090(p50: 5, p90: 9), stream: 3)
        )
        #expect(
            MonteCarlo.samples(P5090(p50: 5, p90: 9), stream: 3) != MonteCarlo.samples(P5090(p50: 5, p90: 9), stream: 4)
        )
    }

    /// The quantiles are the exact 5,000th and 9,000th smallest draws, whatever the sample looks
    /// like: smooth sums, many ties, zeros and negatives (read as zero), sorted input, and a
    /// subsample that brackets the ranks badly (the exact fallback).
    @Test(arguments: 0..<6) func quantilesAreExactOrderStatistics(shape: Int) {
        var rng = SplitMix64(seed: UInt64(shape) &+ 7)
        var v: [Float] = (0..<MonteCarlo.draws).map { _ in Float(rng.next() % 1_000_000) / 1000 }
        switch shape {
        case 1: v = v.map { ($0 / 100).rounded() }  // heavy ties
        case 2: v = v.enumerated().map { $0.offset % 3 == 0 ? 0 : $0.element - 200 }  // zeros and negatives
        case 3: v.sort()
        case 4: v = v.enumerated().map { $0.offset % 16 == 0 ? 0 : $0.element }  // subsample sees only zeros
        case 5: v = MonteCarlo.samples(P5090(p50: 40, p90: 400), stream: 1)
        default: break
        }
        let sorted = v.map { max($0, 0) }.sorted()
        let q = MonteCarlo.quantiles(v)
        #expect(q.p50 == Double(sorted[MonteCarlo.draws / 2]))
        #expect(q.p90 == Double(sorted[MonteCarlo.draws * 9 / 10]))
    }

    /// Samples whose size is not a multiple of eight take the one-by-one tail of each pass.
    @Test(arguments: [1, 7, 13, 1001]) func quantilesAreExactForAnySampleSize(n: Int) {
        var rng = SplitMix64(seed: UInt64(n))
        let v: [Float] = (0..<n).map { _ in Float(rng.next() % 100_000) / 100 - 50 }
        let sorted = v.map { max($0, 0) }.sorted()
        let q = MonteCarlo.quantiles(v)
        #expect(q.p50 == Double(sorted[n / 2]))
        #expect(q.p90 == Double(sorted[Int(Double(n) * 0.9)]))
    }

    /// The stratified draws agree with plain independent sampling of the same sum.
    @Test func stratifiedSumMatchesPlainMonteCarlo() {
        let steps = [
            P5090(p50: 54, p90: 70.7), P5090(p50: 2.3, p90: 24), P5090(p50: 20, p90: 40), P5090(p50: 13, p90: 27),
            P5090(p50: 4.2, p90: 12), P5090(p50: 8, p90: 48), P5090(p50: 30, p90: 36),
        ]
        var sum = SampleSum()
        for (i, s) in steps.enumerated() { sum.add(MonteCarlo.samples(s, stream: UInt64(i))) }
        let ours = sum.quantiles
        var rng = SplitMix64(seed: 42)
        let n = 100_000
        var plain = [Double](repeating: 0, count: n)
        for k in 0..<n {
            for s in steps {
                let d = LogNormal(s)!
                let u1 = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300),
                    u2 = Double(rng.next() >> 11) / Double(1 << 53)
                let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
                plain[k] += exp(d.mu + d.sigma * z)
            }
        }
        plain.sort()
        #expect(abs(ours.p50 / plain[n / 2] - 1) < 0.02)
        #expect(abs(ours.p90 / plain[n * 9 / 10] - 1) < 0.02)
        #expect(ours.p90 >= ours.p50)
    }

    @Test func totalsAreComputedNotSummed() {
        let r = Fixture.evaluator([]).check(Fixture.shipment())
        let e = r.estimate
        #expect(e.timeHours.p90 >= e.timeHours.p50)
        #expect(e.costUSD.p90 >= e.costUSD.p50)
        let p90Sum = e.steps.reduce(0) { $0 + $1.hours.p90 }
        #expect(e.timeHours.p90 < p90Sum, "p90s do not add up: the total's p90 is below the sum of the steps' p90s")
        #expect(e.steps.map(\.kind) == [.border, .leg])
        #expect(e.steps[1].costUSD.p50 == 0.1 * 480 * 20.5, "a leg costs tariff x km x gross tonnes")
    }

    @Test func missingDocumentsDelayIsShownApart() {
        let rule = Fixture.rule(
            "r",
            require: [
                .document(DocumentRequirement(document: "phyto")), .document(DocumentRequirement(document: "carnet")),
            ])
        let r = Fixture.evaluator([rule]).check(Fixture.shipment())
        let delay = r.estimate.delayFromMissingDocumentsHours
        // Obtained in parallel: at least the longest median wait, far less than the sum of p90s.
        #expect(delay.p50 >= 48 * 0.98)
        #expect(delay.p90 < 120 + 72)
        #expect(r.estimate.steps.filter { $0.kind == .document }.count == 2)
    }
}

@Suite struct StepStreamsTests {
    /// The estimate skips the procedures' hours (their trip time is cached apart) before it draws
    /// the documents' lead times: those must come from the streams they would have come from.
    @Test func skippingAStepLeavesTheStreamsWhereDrawingItWould() {
        let cache = SampleCache(), q = P5090(p50: 10, p90: 20)
        var drawn = StepStreams(), skipped = StepStreams()
        let first = drawn.hours(q, from: cache)
        skipped.skipHours(q)
        let next = skipped.hours(q, from: cache)
        #expect(next == drawn.hours(q, from: cache))
        #expect(next != first, "an equal figure met again is an independent draw")
    }
}

@Suite struct DelayCacheTests {
    /// Two shipments whose trips differ (a procedure only one of them gets) but which wait for
    /// the same document share one wait: it is worked out once, and it is the wait drawn from
    /// the document's own stream.
    @Test func shipmentsWaitingForTheSameDocumentsShareTheWait() throws {
        var inspection = Fixture.rule("inspect", at: [.export], countries: [], when: Fixture.potatoes)
        inspection.procedures = [Procedure(name: "inspection", hours: P5090(p50: 2, p90: 5), costUSD: .zero)]
        let carnet = Fixture.rule(
            "carnet", at: [.export], countries: [], require: [.document(.init(document: "carnet"))])
        let evaluator = Fixture.evaluator([inspection, carnet])
        let potatoes = evaluator.check(Fixture.shipment())
        let apples = evaluator.check(
            Fixture.shipment(goods: [
                GoodsLine(
                    line: 1, hs: "080810", description: "Apples", netKg: 20000, grossKg: 20500, valueUSD: 9000,
                    origin: "KZ")
            ]))
        #expect(potatoes.estimate.timeHours != apples.estimate.timeHours, "the inspection is on one trip only")
        #expect(potatoes.estimate.delayFromMissingDocumentsHours == apples.estimate.delayFromMissingDocumentsHours)
        let counts = evaluator.cache.entryCounts
        #expect(counts[2] == 2 && counts[8] == 1, "two time totals, one wait: \(counts)")
        let lead = try #require(Fixture.documents["carnet"]).leadTimeHours
        let alone = SampleSum(MonteCarlo.samples(lead, stream: SampleStream.hours(0)))
        #expect(potatoes.estimate.delayFromMissingDocumentsHours == alone.quantiles)
    }
}

@Suite struct SampleCacheBoundTests {
    @Test func everyTableStaysWithinItsLimitAndAnswersStayTheSame() {
        let cache = SampleCache(limit: 8)
        let fresh = SampleCache()
        for i in 0..<100 {
            let q = P5090(p50: Double(i + 1), p90: Double(i + 2))
            #expect(cache.samples(q, stream: 0) == fresh.samples(q, stream: 0))
            // Every other table, filled past its limit with keys of their own.
            let problem = RouteProblem(code: .corridorGap, message: "\(i)", location: nil)
            _ = cache.journey(SampleCache.JourneyKey(corridor: "c\(i)", origin: "a", destination: "b")) {
                .failure(problem)
            }
            _ = cache.time(SampleCache.TimeKey(trip: .init(journey: "r\(i)", procedures: []), waits: [])) { (q, q) }
            let procedures = SampleCache.ProcedureKey(journey: "r\(i)", costs: [q])
            _ = cache.procedureCosts(procedures) { [1] }
            let costKey = SampleCache.CostKey(procedures: procedures, units: 1)
            _ = cache.costQuantiles(costKey, tonnes: 1, window: { _, _ in nil }, full: { q })
            _ = cache.linkProblem(SampleCache.LinkDayKey(link: i, forward: true, day: i)) { problem }
            _ = cache.unitCost(costKey) { q }
            _ = cache.tripTime(SampleCache.TripKey(journey: "r\(i)", procedures: [q])) { q }
            _ = cache.delay(SampleCache.DelayKey(waits: [q], streams: [0])) { q }
        }
        let counts = cache.entryCounts
        #expect(counts.count == 9)
        #expect(counts.allSatisfy { $0 >= 1 && $0 <= 8 }, "\(counts)")
    }

    /// A batch worker's cache takes what the shared cache already made instead of making it
    /// again, and what the worker makes lands in the shared cache for the other workers.
    @Test func aWorkersCacheTakesTheSharedCachesValuesAndSharesItsOwn() {
        let shared = SampleCache(), worker = SampleCache(parent: shared), other = SampleCache(parent: shared)
        let key = SampleCache.TimeKey(trip: .init(journey: "r", procedures: []), waits: [])
        var made = 0
        func make() -> (time: P5090, delay: P5090) { made += 1; return (P5090(p50: 1, p90: 2), .zero) }
        _ = shared.time(key, make)
        #expect(worker.time(key, make).time == P5090(p50: 1, p90: 2))
        #expect(made == 1)
        let second = SampleCache.TimeKey(trip: .init(journey: "s", procedures: []), waits: [])
        _ = worker.time(second, make)
        _ = other.time(second, make)
        #expect(made == 2)
        #expect(worker.entryCounts[2] == 2 && shared.entryCounts[2] == 2)
    }
}
