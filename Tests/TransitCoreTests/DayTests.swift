import Testing
@testable import TransitCore

@Suite struct DayTests {
    @Test func parsesRealDatesOnly() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "26-03-10") == nil)
        #expect(Day(iso: "2026-03-10")?.description == "2026-03-10")
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
    }

    /// Every day a rule or manifest can hold prints as its year, month and day, zero-padded, and
    /// reads back as the same day; years outside 0...9999 keep their sign.
    @Test func printsEveryDayPadded() {
        func pad(_ v: Int, _ w: Int) -> String {
            String(repeating: "0", count: max(0, w - String(v).count)) + String(v)
        }
        var wrong: [String] = []
        let days = Array(stride(from: -Day.limit, through: Day.limit, by: 30_011)) + Array(19_000..<21_000)
        for ordinal in days {
            let day = Day(ordinal: ordinal), (y, m, d) = day.components
            let expected = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
            if day.description != expected || ((1...9999).contains(y) && Day(iso: expected) != day) {
                wrong.append("\(ordinal): \(day.description), not \(expected)")
            }
        }
        let mismatches = wrong.count
        #expect(mismatches == 0, "for example \(wrong.prefix(3))")
        #expect(Day(year: 987, month: 3, day: 4)?.description == "0987-03-04")
        #expect(Day(iso: "2026-12-31")?.description == "2026-12-31")
    }

    @Test func arithmetic() {
        let d = Day(iso: "2026-02-27")!
        #expect(d.adding(days: 2).description == "2026-03-01")
        #expect(d.adding(hours: 47.9).description == "2026-02-28")
        #expect(DayRange(from: Day(iso: "2026-01-01"), until: Day(iso: "2025-01-01")).isEmpty)
    }
}

@Suite struct DidYouMeanTests {
    @Test func suggestsTyposAndStems() {
        #expect(DidYouMean.suggest("consigne", among: ["consignee", "shipper"]) == "consignee")
        #expect(DidYouMean.suggest("tap-raod", among: ["tap-rail", "tap-road"]) == "tap-road")
        #expect(
            DidYouMean.suggest("phyto-certificate", among: ["halal-certificate", "phytosanitary-certificate"])
                == "phytosanitary-certificate")
        #expect(DidYouMean.suggest("zzzz", among: ["consignee"]) == nil)
    }

    /// Two names sharing the same stem as far and as near: the answer is the first by name,
    /// whatever order the candidates come in (a set's order changes from run to run).
    @Test func tiesDoNotDependOnTheCandidatesOrder() {
        let a = "phytosanitary-certificate-a", b = "phytosanitary-certificate-b", word = "phytosanitaryqqqqqqqqqq"
        #expect(DidYouMean.suggest(word, among: [b, a]) == a)
        #expect(DidYouMean.suggest(word, among: [a, b]) == a)
    }
}

@Suite struct LineSetTests {
    @Test func worksPastOneWord() {
        var s = LineSet()
        for i in [0, 63, 64, 130] { s.insert(i) }
        #expect(s.indices == [0, 63, 64, 130])
        #expect(LineSet(all: 70).subtracting(s).indices.count == 67)
        #expect(s.isSubset(of: LineSet(all: 131)))
        #expect(!s.isSubset(of: LineSet(all: 100)))
        #expect(s.map { $0 * 2 } == [0, 126, 128, 260])
        #expect(s.first == 0 && s.subtracting(LineSet(all: 64)).first == 64 && LineSet().first == nil)
        var seen: [Int] = []
        s.subtracting(LineSet(all: 1)).forEach { seen.append($0) }
        #expect(seen == [63, 64, 130])
    }

    /// Against `Set<Int>` over sets below one word, across it and far past it: every operation
    /// gives the same lines, and equal sets are equal values however they were made.
    @Test func agreesWithASetOfIndices() {
        var rng = SplitMix64(seed: 42)
        func random() -> (LineSet, Set<Int>) {
            let reach = [3, 64, 65, 140, 300][Int(rng.next() % 5)]
            var l = LineSet(), s = Set<Int>()
            for _ in 0..<Int(rng.next() % 12) {
                let i = Int(rng.next() % UInt64(reach))
                l.insert(i); s.insert(i)
            }
            return (l, s)
        }
        for _ in 0..<400 {
            let (a, sa) = random(), (b, sb) = random()
            #expect(a.indices == sa.sorted())
            #expect(a.union(b).indices == sa.union(sb).sorted())
            #expect(a.intersection(b).indices == sa.intersection(sb).sorted())
            #expect(a.subtracting(b).indices == sa.subtracting(sb).sorted())
            #expect(a.isSubset(of: b) == sa.isSubset(of: sb))
            #expect(a.isEmpty == sa.isEmpty)
            #expect(a.first == sa.min())
            #expect((a == b) == (sa == sb))
            #expect(a.union(b).subtracting(b) == a.subtracting(b))
            for i in [0, 1, 63, 64, 65, 139, 299, 300, 5000] { #expect(a.contains(i) == sa.contains(i)) }
        }
        // Made by different routes, the same lines are the same value.
        var far = LineSet()
        far.insert(200)
        #expect(far.subtracting(far) == LineSet())
        #expect(LineSet(all: 3).union(far).subtracting(far) == LineSet(all: 3))
        #expect(Set([LineSet(all: 64), LineSet(all: 130).intersection(LineSet(all: 64))]).count == 1)
    }
}

@Suite struct DayArithmeticBoundsTests {
    @Test func hugeFiguresFromARulePackCannotTrap() {
        let d = Day(iso: "2026-03-10")!
        #expect(d.adding(days: Int.max) > d)
        #expect(d.adding(days: Int.min) < d)
        #expect(d.adding(hours: 1e38) > d)
        #expect(d.adding(hours: -Double.infinity) < d)
        #expect(d.adding(hours: .nan) == d)
        #expect(d.adding(hours: 49) == Day(iso: "2026-03-12"))
    }
}

@Suite struct CountrySuggestionTests {
    @Test func anAlpha3CodeIsAnsweredWithItsAlpha2() {
        #expect(CountryCode.suggestion(for: "KAZ") == "KZ")
        #expect(CountryCode.suggestion(for: "pak") == "PK")
        #expect(CountryCode.suggestion(for: "UZB") == "UZ")
    }
}
