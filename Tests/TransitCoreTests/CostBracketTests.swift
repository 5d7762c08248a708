import Testing
@testable import TransitCore

/// A shipment's cost quantiles found through the windows of earlier tonnages are the same exact
/// order statistics the full histogram finds, whatever was checked before.
@Suite struct CostBracketTests {
    let x = MonteCarlo.samples(P5090(p50: 40, p90: 90), stream: 1)
    let y = MonteCarlo.samples(P5090(p50: 300, p90: 700), stream: 3)
    let z = MonteCarlo.samples(P5090(p50: 120, p90: 400), stream: 5)

    func full(_ a: Float, _ b: Float, _ z: [Float]?) -> P5090 { SampleSum(a, x, b, y, plus: z).quantiles }

    @Test(arguments: [true, false]) func windowedQuantilesEqualTheFullMethod(withProcedures: Bool) {
        let cache = SampleCache()
        let key = SampleCache.CostKey(procedures: .init(journey: "r", costs: []), units: 2)
        let extra = withProcedures ? z : nil
        var rng = SplitMix64(seed: 11)
        var viaWindow = 0
        for i in 0..<400 {
            // Tonnages from 0.5 to 30 t, with repeats (every tenth shipment reuses an earlier one).
            let a = i % 10 == 9 ? Float(i / 10) + 0.5 : Float(rng.next() % 29_500) / 1000 + 0.5
            var windowed = false
            let q = cache.costQuantiles(
                key, tonnes: a,
                window: { low, high in
                    let r = MonteCarlo.quantiles(a, x, 2, y, plus: extra, between: low, and: high)
                    windowed = windowed || r != nil
                    return r
                }, full: { full(a, 2, extra) })
            if windowed { viaWindow += 1 }
            #expect(q == full(a, 2, extra), "tonnage \(a)")
        }
        #expect(viaWindow > 300)  // the windows are used, not only the fallback
    }

    /// A window that does not hold a rank is refused, so a wrong guess cannot change a result.
    @Test func aWrongWindowIsRefused() {
        let exact = full(10, 1, z)
        let below = P5090(p50: exact.p50 * 0.5, p90: exact.p90 * 0.5),
            justBelow = P5090(p50: exact.p50 * 0.9, p90: exact.p90 * 0.9)
        #expect(MonteCarlo.quantiles(10, x, 1, y, plus: z, between: below, and: justBelow) == nil)
        #expect(MonteCarlo.quantiles(10, x, 1, y, plus: z, between: justBelow, and: exact) == exact)
        // Not positive: the full method.
        #expect(MonteCarlo.quantiles(10, x, 1, y, plus: z, between: .zero, and: exact) == nil)
    }
}
