import Foundation
import Testing
import TransitReports

@Suite struct JSONTests {
    /// Strings with characters to escape at every position round-trip through a JSON parser.
    @Test func escapingRoundTrips() throws {
        let specials = ["\"", "\\", "\n", "\t", "\u{01}", "é", "—", "😀"]
        for length in 0..<20 {
            for special in specials {
                for position in 0...length {
                    var chars = Array(repeating: "a", count: length)
                    chars.insert(special, at: position)
                    let s = chars.joined()
                    let json = JSONValue.array([.string(s)]).compact
                    let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String]
                    #expect(back == [s], "\(s.debugDescription)")
                }
            }
        }
    }

    @Test func numbersAreShortestRounded() {
        #expect(JSONValue.format(2.5, decimals: 0) == "3")
        #expect(JSONValue.format(-2.5, decimals: 0) == "-3")
        #expect(JSONValue.format(12.04, decimals: 1) == "12")
        #expect(JSONValue.format(0.05, decimals: 1) == "0.1")
        #expect(JSONValue.format(1234.5678, decimals: 2) == "1234.57")
        #expect(JSONValue.format(-0.001, decimals: 1) == "0")
        #expect(JSONValue.format(0.05, decimals: 2) == "0.05")
        #expect(JSONValue.format(-0.25, decimals: 2) == "-0.25")
        #expect(JSONValue.format(1000, decimals: 1) == "1000")
        #expect(JSONValue.format(100.5, decimals: 1) == "100.5")
        #expect(JSONValue.format(7, decimals: 0) == "7")
        #expect(JSONValue.format(.nan, decimals: 1) == "null")
    }
}
