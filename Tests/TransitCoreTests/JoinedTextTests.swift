import Testing

@testable import TransitCore

@Suite struct JoinedTextTests {
    /// Texts of every kind a message joins: empty, short (kept inside the text itself), long
    /// (kept in storage of their own), accented, emoji, a combining mark that joins the
    /// character before it, and texts sliced from longer ones.
    static let parts: [String] = [
        "", "a", " [", "phytosanitary-certificate", "é", "e", "\u{301}", "🚚", "Almaty 1 – Khorgos (KZALA)",
        String(repeating: "long source text, ", count: 20), String("sliced from a longer text".dropFirst(7)),
    ]

    @Test func joinsAsConcatenationDoes() {
        for a in Self.parts {
            for b in Self.parts {
                for c in Self.parts {
                    let joined = String(joining: a, b, c)
                    #expect(joined == a + b + c)
                    #expect(Array(joined.utf8) == Array((a + b + c).utf8))
                }
            }
        }
        #expect(String(joining: Self.parts) == Self.parts.joined())
        #expect(String(joining: []).isEmpty)
    }
}
