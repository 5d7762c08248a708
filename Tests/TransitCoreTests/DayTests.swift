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
}

@Suite struct LineSetTests {
    @Test func worksPastOneWord() {
        var s = LineSet()
        for i in [0, 63, 64, 130] { s.insert(i) }
        #expect(s.indices == [0, 63, 64, 130])
        #expect(LineSet(all: 70).subtracting(s).indices.count == 67)
        #expect(s.isSubset(of: LineSet(all: 131)))
        #expect(!s.isSubset(of: LineSet(all: 100)))
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
