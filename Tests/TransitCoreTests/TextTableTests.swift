import Testing
@testable import TransitCore

@Suite struct TextTableTests {
    /// The table numbers every text by its first position and finds exactly what `String ==`
    /// finds, over enough texts to fill and wrap the table, and over texts that only nearly match.
    @Test func findsWhatAListSearchFinds() {
        let texts = (0..<300).map { "doc-\($0 * 7)" } + ["doc-0", "phytosanitary-certificate", "", "tir-carnet"]
        let table = TextTable(texts)
        var queries = texts + ["doc-1", "doc-", "Doc-0", "doc-0 ", "tir-carnet\u{0}", "phytosanitary-certificatE"]
        queries += ["tir\u{2011}carnet", "\u{212A}", "K"]
        for q in queries {
            #expect(table.number(of: q) == texts.firstIndex(of: q), "\(q)")
            #expect(table.contains(q) == texts.contains(q), "\(q)")
            let byBytes = Array(q.utf8).withUnsafeBufferPointer { table.number(ofUTF8: $0) }
            #expect(byBytes == texts.firstIndex(of: q), "\(q)")
        }
        // The first bytes of a longer text are looked up as the text they spell.
        let long = Array("doc-210-and-more".utf8)
        #expect(long.withUnsafeBufferPointer { table.number(ofUTF8: UnsafeBufferPointer(rebasing: $0[..<7])) } == 30)
        #expect(long.withUnsafeBufferPointer { table.number(ofUTF8: UnsafeBufferPointer(rebasing: $0[..<5])) } == nil)
        #expect(table.number(of: "doc-0") == 0)
    }

    /// A table holding a text that is not plain ASCII still finds a canonically equal spelling,
    /// as a `Set<String>` would: U+212A KELVIN SIGN is the letter K.
    @Test func findsUnicodeEquivalentSpellings() {
        let table = TextTable(["\u{212A}", "PKLHE"])
        #expect(table.number(of: "K") == 0)
        #expect(table.number(of: "PKLHE") == 1)
        #expect(TextTable(["K"]).number(of: "\u{212A}") == 0)
        #expect(TextTable(["e\u{301}"]).number(of: "\u{e9}") == 0)
        #expect(Array("K".utf8).withUnsafeBufferPointer { table.number(ofUTF8: $0) } == 0)
        #expect(Array("\u{e9}".utf8).withUnsafeBufferPointer { TextTable(["e\u{301}"]).number(ofUTF8: $0) } == 0)
    }
}

@Suite struct FewIndicesTests {
    /// Held inline up to eight, in a list beyond or for an index too large for 32 bits: it
    /// reads back as the list of what was appended, through every collection operation used.
    @Test func readsBackAsTheListAppended() {
        for values in [[], [3], [0, 5, 2], Array(0..<8), Array((0..<20).reversed()), [1, Int(Int32.max) + 7, 2]] {
            var few = FewIndices()
            for (k, v) in values.enumerated() {
                few.append(v)
                #expect(Array(few) == Array(values[...k]))
            }
            #expect(few.count == values.count)
            #expect(few.min() == values.min())
            #expect(few.sorted() == values.sorted())
            #expect(few.contains(5) == values.contains(5))
            few.removeAll()
            #expect(few.isEmpty)
            few.append(9)
            #expect(Array(few) == [9])
        }
    }
}
