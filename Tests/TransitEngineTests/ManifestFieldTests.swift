import Foundation
import Testing
@testable import TransitCore
@testable import TransitEngine
@testable import TransitYAML

/// A scalar field that rules can read is one entry in its model's field table
/// (`GoodsLine.fields`, `Transport.fields`) plus the property: both decoders, rule conditions and
/// `--explain` take it from there. `best_before` is such a field: no key list, `FieldPath` case,
/// evaluator case or explanation code names it.
@Suite struct ManifestFieldTests {
    let workspace = Checkout.workspace
    static let beef = "shipments/kz-pk-beef-qtta.yaml"

    /// An evaluator over the bundled rules and `rules`, a pack's `rules:` items as YAML.
    func evaluator(adding rules: String) throws -> Evaluator {
        let text = "pack: field-test\ntitle: field test\nstatus: in-force\nsource: test\nrules:\n" + rules
        let root = try YAMLReader.parse(text, file: "field-test.yaml", limits: .standard).get()
        let decoded = RulePackDecoder.decode(root, file: "field-test.yaml")
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics.map(\.message))")
        let pack = try #require(decoded.pack).pack
        let r = workspace.ruleSet
        let rules = RuleSet(
            packs: r.packs + [pack], documents: r.documents, agreements: Array(r.agreements.values))
        return Evaluator(rules: rules, network: workspace.network)
    }

    /// A rule asking for a certificate of conformity at Pakistan's import when `condition` holds.
    func rule(_ id: String, when condition: String) -> String {
        """
          - id: \(id)
            title: field test
            kind: documentation
            at: import
            country: PK
            when: { \(condition) }
            require: [{ document: certificate-of-conformity }]
            source: test

        """
    }

    /// The explained conditions of rule `id` in the report of `shipment`.
    func matched(_ id: String, _ shipment: Shipment, _ evaluator: Evaluator) -> [MatchedCondition] {
        let report = evaluator.check(shipment)
        return evaluator.explain(shipment, report).flatMap { $0 }.filter { $0.rule == id }.flatMap(\.matched)
    }

    func beef() throws -> (text: String, shipment: Shipment) {
        let text = try String(contentsOfFile: Checkout.root + "/" + Self.beef, encoding: .utf8)
        return (text, try Checkout.decode(text, file: Self.beef).get())
    }

    @Test func aTableFieldFlowsThroughBothDecodersAConditionAndTheExplanation() throws {
        let (text, shipment) = try beef()
        // Both decoders read it from the table, to the same value.
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer {
            ManifestStreamDecoder.decode($0, file: Self.beef, vocabulary: workspace.vocabulary)
        }
        let tree = try ManifestDecoder.decode(
            YAMLReader.parse(text, file: Self.beef, limits: .standard).get(), file: Self.beef,
            vocabulary: workspace.vocabulary
        ).get()
        #expect(fast == tree)
        #expect(tree.goods[0].bestBefore == Day(iso: "2027-09-14"))
        #expect(shipment == tree)

        // A rule tests it, and fires on it.
        let evaluator = try evaluator(
            adding: rule("best-before-2027", when: "goods.best_before: { prefix: \"2027-\" }"))
        let m = try #require(matched("best-before-2027", shipment, evaluator).first)
        #expect(m.path == "goods.best_before")
        #expect(m.field == "goods[0].best_before")
        #expect(m.value == "2027-09-14")
        #expect(m.condition == "starts with 2027-")
        #expect(m.location == shipment.goods[0].location)

        // Not on another date, and with none the rule cannot be decided.
        var later = shipment
        later.goods[0].bestBefore = Day(iso: "2028-01-31")
        #expect(matched("best-before-2027", later, evaluator).isEmpty)
        var undated = shipment
        undated.goods[0].bestBefore = nil
        let unknown = evaluator.check(undated).findings.first { $0.rule == "best-before-2027" }
        #expect(unknown?.message.contains("goods[0].best_before") == true)
    }

    /// Every field of the tables that rules can read is a path rules can name, and a rule on it
    /// is explained with the manifest's value, without a case of its own anywhere.
    @Test func everyTableFieldIsARulePathAndIsExplained() throws {
        let goods = GoodsLine.fields.compactMap(\.path), transport = Transport.fields.compactMap(\.path)
        #expect(goods.count >= 8 && transport.count >= 4)
        for path in goods + transport {
            #expect(FieldPath(rawValue: path)?.rawValue == path)
        }
        let ids = (goods + transport).map { "has-" + String($0.map { $0.isLetter ? $0 : "-" }) }
        let rules = zip(ids, goods + transport).map { rule($0, when: "\($1): { exists: true }") }.joined()
        let evaluator = try evaluator(adding: rules)
        let (_, shipment) = try beef()
        for (id, path) in zip(ids, goods + transport) {
            let m = matched(id, shipment, evaluator).first { $0.path == path }
            let key = String(path.split(separator: ".", maxSplits: 1)[1])
            // Named as the manifest spells it, as an undecided row's `needs` names it.
            #expect(m?.field == (path.hasPrefix("goods.") ? "goods[0]." + key : "transport." + key), "\(path)")
            #expect(m?.value.isEmpty == false && m?.value != "not given", "\(path)")
        }
    }
}
