import Foundation
import Testing
import TransitCore
@testable import TransitYAML

@Suite struct YAMLReaderTests {
    @Test func nodesCarryOneBasedPositions() throws {
        let node = try YAMLReader.parse("a: 1\nb:\n  c: [x, y]\n", file: "f.yaml").get()
        let c = try #require(node["b"]?["c"])
        #expect(c.location == SourceLocation(file: "f.yaml", line: 3, column: 6))
        #expect(c.sequence?[1].location.column == 10)
    }

    @Test func syntaxErrorsHaveAPlace() {
        guard case .failure(let d) = YAMLReader.parse("a: [1, 2\nb: 3\n", file: "f.yaml") else {
            Issue.record("accepted"); return
        }
        #expect(d.code == "yaml-syntax")
        #expect(d.location?.file == "f.yaml")
    }

    @Test func limitsHold() {
        #expect(
            (try? YAMLReader.parse(String(repeating: "x", count: 100), file: "f", limits: YAMLLimits(maxBytes: 10))
                .get()) == nil)
        let deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect((try? YAMLReader.parse(deep, file: "f", limits: YAMLLimits(maxDepth: 5)).get()) == nil)
        #expect((try? YAMLReader.parse(deep, file: "f", limits: YAMLLimits(maxDepth: 20)).get()) != nil)
    }

    @Test func jsonIsYAML() throws {
        let node = try YAMLReader.parse("{\"a\": {\"b\": [1, 2]}}", file: "f.json").get()
        #expect(node["a"]?["b"]?.sequence?.count == 2)
    }
}

@Suite struct ManifestDecoderTests {
    let base = """
        manifest: 1
        id: X-1
        shipper: { name: S, country: PK }
        consignee: { name: C, country: KZ }
        origin: PKLHE
        destination: KZALA
        mode: road
        regime: tir
        departure: 2026-03-10
        goods:
          - { line: 1, hs: "0701.90", description: P, net_kg: 10, gross_kg: 11, value_usd: 5, origin: PK, packaging: \
        { wood: WOOD } }

        """

    func decode(_ text: String) -> Result<Shipment, LoadFailure> {
        ManifestDecoder.decode(text, file: "m.yaml", vocabulary: nil)
    }

    @Test func readsAValidManifest() throws {
        let s = try decode(base.replacingOccurrences(of: "WOOD", with: "false")).get()
        #expect(s.goods[0].hs == "070190")
        #expect(s.goods[0].packagingWood == false)
        #expect(s.departure.description == "2026-03-10")
        #expect(s.fieldLocations["regime"]?.line == 8)
    }

    @Test func onlyTrueAndFalseAreBooleans() {
        guard case .failure(let f) = decode(base.replacingOccurrences(of: "WOOD", with: "yes")) else {
            Issue.record("accepted"); return
        }
        #expect(f.diagnostics.first?.code == "wrong-type")
        #expect(f.diagnostics.first?.help == "only `true` and `false` are booleans")
        #expect(f.diagnostics.first?.location?.line == 11)
    }

    @Test func missingKeysAreReportedAtTheOwnerAndAllProblemsAreCollected() {
        let text = base.replacingOccurrences(of: "WOOD", with: "false")
            .replacingOccurrences(of: "origin: PKLHE\n", with: "")
            .replacingOccurrences(of: "mode: road", with: "mode: truck")
        guard case .failure(let f) = decode(text) else { Issue.record("accepted"); return }
        let codes = f.diagnostics.map(\.code)
        #expect(codes.contains("missing-key"))
        #expect(codes.contains("bad-value"))
        #expect(f.diagnostics.first { $0.code == "missing-key" }?.location?.line == 1)
    }

    @Test func duplicateKeysAndGrossBelowNetAreErrors() {
        let text =
            base.replacingOccurrences(of: "WOOD", with: "false").replacingOccurrences(
                of: "gross_kg: 11", with: "gross_kg: 9")
            + "id: X-2\n"
        guard case .failure(let f) = decode(text) else { Issue.record("accepted"); return }
        #expect(f.diagnostics.contains { $0.code == "duplicate-key" && $0.location?.line == 12 })
        #expect(f.diagnostics.contains { $0.code == "out-of-range" })
    }

    @Test func coversMustNameExistingLines() {
        let text =
            base.replacingOccurrences(of: "WOOD", with: "false")
            + "documents:\n  - { type: phyto, issued: 2026-03-01, issuer: { country: PK }, covers: [2] }\n"
        guard case .failure(let f) = decode(text) else { Issue.record("accepted"); return }
        #expect(f.diagnostics.contains { $0.code == "unknown-line" })
    }
}

@Suite struct RulePackDecoderTests {
    func decode(_ text: String) -> (LoadedPack?, [Diagnostic]) {
        let node = try! YAMLReader.parse(text, file: "p.yaml").get()
        let r = RulePackDecoder.decode(node, file: "p.yaml")
        return (r.pack, r.diagnostics)
    }

    @Test func unknownPathsAndMatchersAreErrorsWithHelp() {
        let (_, ds) = decode(
            """
            pack: p
            title: t
            status: in-force
            source: s
            rules:
              - id: r
                title: t
                kind: phytosanitary
                at: import
                when: { goods.hscode: { prefx: ["07"] } }
                require: [phytosanitary-certificate]
                source: s
            """)
        #expect(ds.first?.code == "unknown-path")
        #expect(ds.first?.help == "did you mean `goods.hs`?")
        #expect(ds.first?.location == SourceLocation(file: "p.yaml", line: 10, column: 13))
    }

    @Test func aRuleWithoutASourceIsAnError() {
        let (_, ds) = decode(
            """
            pack: p
            title: t
            status: in-force
            source: s
            rules:
              - { id: r, title: t, kind: transit, at: export, require: [tir-carnet] }
            """)
        #expect(ds.contains { $0.code == "missing-key" && $0.message.contains("source") })
    }

    @Test func hsGatesIndexRules() throws {
        let (pack, ds) = decode(
            """
            pack: p
            title: t
            status: in-force
            source: s
            rules:
              - id: r
                title: t
                kind: phytosanitary
                at: import
                when: { all: [ { goods.hs: { prefix: ["0701.9", "0805"] } }, { shipment.mode: road } ] }
                require: [{ document: phytosanitary-certificate, per: line, issued_by: origin }]
                source: s
            """)
        #expect(ds.isEmpty)
        let rule = try #require(pack?.pack.rules.first)
        #expect(rule.when?.hsGate == ["07019", "0805"])
    }
}

/// The scalar readers that skip a general routine for speed give what that routine gives.
@Suite struct ScalarReadingTests {
    /// Texts around each reader's edges: unusual spaces, combining marks, lengths at the limits.
    static let texts: [String] = [
        "", " ", "\t", "\n", "\r\n", "0", "7", "07", "0701", "0701.90", "0701 90", "07.01.90", "0701..90", ".07",
        "07.", "0701.90 ", " 0701", "1234567890", "12345678901", "1234.5678.90", "1\u{301}2", "12\u{301}",
        "\u{661}\u{662}", "0x1F", "+5", "-5", "5.0", "5e3", "1e400", "nan", "inf", "007", "000000000000000",
        "999999999999999", "9999999999999999", "18446744073709551616", "١٢", "12\u{00A0}", "\u{2003}", "\u{3000}a",
        "a\u{200B}", "\u{FEFF}", "x", "source", "  text  ", "\u{1680}", "\u{202F}\u{205F}",
    ]

    /// The HS reading of the loaders before it went byte by byte: character by character.
    static func normalizedByCharacters(_ s: String) -> String? {
        var digits = ""
        var previousSeparator = true
        for c in s {
            if c.isASCII && c.isNumber {
                digits.append(c); previousSeparator = false
            } else if (c == "." || c == " ") && !previousSeparator {
                previousSeparator = true
            } else {
                return nil
            }
        }
        guard !previousSeparator, (2...10).contains(digits.count) else { return nil }
        return digits
    }

    @Test func hsCodesReadAsCharacterByCharacter() {
        for t in Self.texts { #expect(HSCode.normalize(t) == Self.normalizedByCharacters(t), "\(t.debugDescription)") }
        #expect(HSCode.normalize("0701.90") == "070190")
    }

    @Test func wholeNumbersReadAsDoubleReadsThem() {
        for t in Self.texts {
            guard let v = Schema.wholeNumber(t) else { continue }
            #expect(v == Double(t), "\(t.debugDescription)")
        }
        #expect(Schema.wholeNumber("18638") == 18638)
        #expect(Schema.wholeNumber("5.0") == nil)
        #expect(Schema.wholeNumber("9999999999999999") == nil)
    }

    @Test func sourceTextIsWhatFoundationsTrimLeaves() {
        for t in Self.texts {
            #expect(Schema.hasText(t) == !t.trimmingCharacters(in: .whitespaces).isEmpty, "\(t.debugDescription)")
        }
    }

    @Test func nullsAreThePlainNullSpellings() {
        for t in Self.texts + ["~", "null", "Null", "NULL", "nULL", "nul", "null "] {
            for plain in [true, false] {
                let node = YAMLNode(.scalar(t, plain: plain), at: SourceLocation(file: "f", line: 1, column: 1))
                #expect(node.isNull == YAMLNode.isNullText(Array(t.utf8), plain: plain), "\(t.debugDescription)")
                let spelling = ["", "~", "null", "Null", "NULL"].contains(t)
                #expect(node.isNull == (plain && spelling), "\(t.debugDescription)")
            }
        }
    }
}
