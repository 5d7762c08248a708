import Foundation
import TransitCore
import TransitYAML

/// Reads what `batch --waivers` and `--baseline FILE` name.
public enum ReviewFiles {
    /// A waivers file, with every problem located; rule ids and codes are checked against the
    /// rule set, so that a typo does not silently waive nothing.
    public static func waivers(_ path: String, rules: RuleSet) -> Result<[Waiver], LoadFailure> {
        switch Files.readYAML(path, display: path) {
        case .failure(let f): return .failure(f)
        case .success(let node):
            let r = WaiverDecoder.decode(node, file: path)
            var diagnostics = r.diagnostics
            let ids = rules.rules.map(\.id)
            for w in r.waivers where rules.rule(id: w.rule) == nil && !Self.findingCodes.contains(w.rule) {
                diagnostics.append(
                    Diagnostic(
                        "unknown-rule", "waiver names unknown rule `\(w.rule)`", at: w.location,
                        help: DidYouMean.help(w.rule, among: ids + Self.findingCodes)))
            }
            return diagnostics.contains { $0.severity == .error }
                ? .failure(LoadFailure(diagnostics)) : .success(r.waivers)
        }
    }

    /// Codes of findings that no rule raises, which a waiver may name instead of a rule id.
    public static let findingCodes = [
        "link-closed", "link-planned", "link-under-construction", "regime-not-accepted", "unknown-corridor",
        "corridor-gap",
        "not-on-corridor", "no-corridor", "document-issued-after-departure", "consignee-outside-destination",
    ]

    /// A baseline file: JSON Lines of compact rows, as `batch --format jsonl` writes them.
    public static func baseline(jsonl path: String) -> Result<Baseline, LoadFailure> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                LoadFailure([
                    Diagnostic(
                        "unreadable", "cannot read the baseline", at: SourceLocation(file: path, line: 1, column: 1))
                ]))
        }
        var keys: [String: Set<String>] = [:]
        var number = 0
        for line in data.split(separator: 10) {
            number += 1
            guard !line.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return .failure(
                    LoadFailure([
                        Diagnostic(
                            "bad-baseline",
                            "line \(number) is not a JSON object (a baseline is a batch's jsonl output)",
                            at: SourceLocation(file: path, line: number, column: 1))
                    ]))
            }
            if let (manifest, rowKeys) = RecordedRow.baselineKeys(object) {
                keys[manifest, default: []].formUnion(rowKeys)
            }
        }
        return .success(Baseline(keys: keys))
    }
}

/// Reads back a compact row (from a record or a jsonl file) as far as baselines and `history`
/// need it.
public struct RecordedRow: Sendable, Equatable {
    /// A document to obtain, as far as its baseline key needs it.
    public struct Document: Sendable, Equatable {
        public var id: String; public var name: String; public var status: String
    }
    /// A blocker or warning, as far as its baseline key needs it.
    public struct Item: Sendable, Equatable {
        public var code: String; public var message: String; public var rule: String?
    }

    public var file: String
    public var id: String?
    public var verdict: String
    public var corridor: String?
    public var asOf: String?
    public var blockers: [Item] = []
    public var documents: [Document] = []
    public var warnings: [Item] = []
    /// The error messages of a manifest that did not load.
    public var errors: [String] = []

    /// The row in a JSON text, or nil when that is not an object with `file` and `verdict`.
    public init?(json: String) {
        guard let o = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        self.init(object: o)
    }

    /// The row in a decoded JSON object, or nil when it lacks `file` or `verdict`.
    public init?(object o: [String: Any]) {
        guard let file = o["file"] as? String, let verdict = o["verdict"] as? String else { return nil }
        self.file = file
        self.verdict = verdict
        id = o["id"] as? String
        corridor = o["corridor"] as? String
        asOf = o["as_of"] as? String
        func items(_ k: String) -> [Item] {
            ((o[k] as? [[String: Any]]) ?? []).map {
                Item(
                    code: $0["code"] as? String ?? "", message: $0["message"] as? String ?? "",
                    rule: $0["rule"] as? String)
            }
        }
        blockers = items("blockers")
        warnings = items("warnings")
        documents = ((o["documents"] as? [[String: Any]]) ?? []).map {
            Document(
                id: $0["id"] as? String ?? "", name: $0["name"] as? String ?? "", status: $0["status"] as? String ?? "")
        }
        errors = ((o["errors"] as? [[String: Any]]) ?? []).map { $0["message"] as? String ?? "" }
    }

    /// The manifest key and the baseline keys of a compact row's JSON object, as
    /// `CompactRow.manifestKey` and `baselineKeys` give them.
    static func baselineKeys(_ o: [String: Any]) -> (String, Set<String>)? {
        guard let row = RecordedRow(object: o) else { return nil }
        return (row.manifestKey, row.baselineKeys)
    }

    /// The key a baseline knows the manifest by: its id, or its file when it has none.
    public var manifestKey: String { (id?.isEmpty ?? true) ? file : id! }

    /// The baseline keys of the row's blockers, warnings and documents.
    public var baselineKeys: Set<String> {
        func key(_ i: Item) -> String {
            CompactRow.Item(severity: .error, code: i.code, message: i.message, rule: i.rule).baselineKey
        }
        return Set(blockers.map(key) + warnings.map(key) + documents.map { "document|\($0.id)|\($0.status)" })
    }
}
