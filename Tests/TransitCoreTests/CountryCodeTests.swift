import Testing
@testable import TransitCore

@Suite struct CountryCodeTests {
    /// The table `isValid` reads agrees with the list of assigned codes on every pair of capital
    /// letters, and nothing else passes.
    @Test func validCodesAreExactlyTheAssignedOnes() {
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
        var wrong: [String] = []
        for a in letters {
            for b in letters where CountryCode.isValid(a + b) != CountryCode.all.contains(a + b) { wrong.append(a + b) }
        }
        #expect(wrong.isEmpty)
        #expect(CountryCode.isValid("KZ") && CountryCode.isValid("PK") && !CountryCode.isValid("KS"))
        for odd in ["", "K", "KZZ", "kz", "Kz", "K1", "КЗ", "K Z"] { #expect(!CountryCode.isValid(odd), "\(odd)") }
    }
}
