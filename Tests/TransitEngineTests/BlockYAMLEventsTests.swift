import Foundation
import Testing
import TransitCore
@testable import TransitEngine
@testable import TransitYAML

/// The plain block reader against libyaml: where it reads a text, it gives libyaml's events,
/// texts, styles, lines and columns; it reads the manifests people write; and it gives up at
/// the YAML it does not handle, which libyaml then reads.
@Suite struct BlockYAMLEventsTests {
    func reads(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(BlockYAMLEvents.reads) }

    func expectAgreement(_ text: String, _ what: String) {
        let problem = Array(text.utf8).withUnsafeBufferPointer(BlockYAMLEvents.disagreement)
        #expect(problem == nil, "\(what): \(problem ?? "")")
    }

    @Test func bundledAndGeneratedManifestsAreReadAsLibyamlReadsThem() throws {
        var texts: [(String, String)] = []
        for file in Checkout.files(in: "shipments") {
            texts.append((file, try String(contentsOfFile: Checkout.root + "/" + file, encoding: .utf8)))
        }
        let g = CorpusGenerator(seed: 7)
        for i in 0..<200 { texts.append(("generated \(i)", g.manifest(i))) }
        for (what, text) in texts {
            #expect(reads(text), "\(what) should be read without libyaml")
            expectAgreement(text, what)
            // As a Windows program writes it, each line ending in a carriage return and a line feed.
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(reads(crlf), "\(what) with CRLF line ends should be read without libyaml")
            expectAgreement(crlf, "\(what) with CRLF line ends")
        }
    }

    /// Texts inside the subset: each is read, and read as libyaml reads it.
    @Test func theSubsetIsReadAsLibyamlReadsIt() {
        let texts = [
            "a: 1\n",
            "a: 1",  // no final line break
            "# comment\n\n  # indented comment\na: b c   \nd: 'x y' # note\ne: \"q\"\n",
            "a:\n  b: 1\n  c:\n    - 1\n    - x\nd: [1, \"2\", [3], {e: f}]\n",
            "list:\n- a: 1\n  b: 2\n- c: 3\nnext: x\n",
            "list:\n  - { name: Караганда Ltd, country: KZ }\n  - x: Алматы\n    y: z\n",
            "name: Мука высшего сорта # коммент\nafter: ü\n",
            "a: -1\nb: 10:30\nc: http://example.org/x#frag\nd: a#b\ne: x,y]z{\n",
            "a: {}\nb: []\nc: {  x:  1 ,y: 2  }\n",
            "a: b\n\n\n   \nc: d\n  # trailing comment\n",
            "a:   # the list\n  - 1\n",
            "a: 1\r\nb:\r\n  - x  # c\r\n\r\n  - { y: z }\r\n# end\r\n",
            String(repeating: "k", count: 1000) + ": 1\na: {" + String(repeating: "k", count: 1000) + ": 2}\n",
        ]
        for text in texts {
            #expect(reads(text), "\(text.debugDescription) is in the subset")
            expectAgreement(text, text.debugDescription)
        }
    }

    /// Texts outside the subset: the block reader gives up and libyaml reads them.
    @Test func theReaderGivesUpOutsideTheSubset() {
        let texts = [
            "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n", "a: b\n  c\n",
            "a:\nb: 1\n", "a: \"x\\ty\"\n", "a: 'it''s'\n", "a:\t1\n", "a: 1\rb: 2\n", "a: x\ry\n", "a: \"x\r\n\"\n",
            "\u{FEFF}a: 1\n",
            "---\na: 1\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "- 1\n", "\"a\": 1\n", "a: b: c\n",
            "a: [1,\n  2]\n", "a: {b: 1,}\n", "a: ? b\n", "a: @x\n", "a: `x`\n", "a: x\u{0085}y\n",
            "a:\n  - - 1\n", "a:\n  -\n    b: 1\n", "a: 1\n b: 2\n", "a: {b: c d: e}\n", "a: \"open\n",
            "", "# only a comment\n", "a: 1\n" + String(repeating: "k", count: 1025) + ": 2\n",
            "a: {" + String(repeating: "k", count: 1025) + ": 2}\n", "a: x #\u{7F}\n", "a: [1, 2] x\n",
        ]
        for text in texts {
            #expect(!reads(text), "\(text.debugDescription) is outside the subset")
        }
    }

    /// Thousands of texts made by changing a manifest a few bytes at a time, with the bytes that
    /// mean something to YAML: none may be read otherwise than libyaml reads it.
    @Test func mutatedManifestsNeverDisagreeWithLibyaml() {
        let base = Array(CorpusGenerator(seed: 13).manifest(2).utf8)
        let alphabet = Array(" \n:-#{}[],'\"&*!|>?%@`\t\r\\ax1Ж".utf8)
        var random = SplitMix64(seed: 42)
        var read = 0
        for n in 0..<4000 {
            var text = base
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(text.count))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: text[at] = byte
                case 1: text.insert(byte, at: at)
                default: text.remove(at: at)
                }
            }
            let problem = text.withUnsafeBufferPointer(BlockYAMLEvents.disagreement)
            #expect(problem == nil, "mutant \(n): \(problem ?? "")\n\(String(decoding: text, as: UTF8.self))")
            if text.withUnsafeBufferPointer(BlockYAMLEvents.reads) { read += 1 }
        }
        #expect(read > 500 && read < 4000, "the mutants should include texts read and texts given up (\(read))")
    }
}
