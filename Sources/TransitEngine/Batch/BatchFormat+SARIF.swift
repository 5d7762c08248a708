import TransitCore
import TransitReports

/// SARIF 2.1.0 for code-scanning views: one result per blocker, document to obtain and warning,
/// located in the manifest (a result about the whole shipment at its `corridor` line), with the
/// rule's file and line as a related location. `ruleId` is the rule's id, or the finding's code
/// where no rule raised it; `tool.driver.rules` lists every rule that produced a result, with its
/// title and legal source. Results come before the tool in the run object, so that the rules can
/// be listed at the end of a streamed batch.
enum BatchSARIF {
    static let header =
        "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
        + "\"runs\":[{\"columnKind\":\"unicodeCodePoints\",\"results\":[\n"

    static func footer(cited: [String], rules: RuleSet) -> String {
        let descriptors: [JSONValue] = cited.map { id in
            guard let rule = rules.rule(id: id) else {
                return .object([("id", .string(id)), ("shortDescription", .object([("text", .string(id))]))])
            }
            return .object([
                ("id", .string(id)),
                ("shortDescription", .object([("text", .string(rule.title))])),
                ("fullDescription", .object([("text", .string("\(rule.title). Source: \(rule.source)"))])),
                (
                    "properties",
                    .object([
                        ("pack", .string(rule.pack)), ("source", .string(rule.source)),
                        ("kind", .string(rule.kind.rawValue)),
                        ("file", .string(rule.location.file)), ("line", .int(rule.location.line)),
                    ])
                ),
            ])
        }
        let tool = JSONValue.object([
            ("driver", .object([("name", .string("transit-check")), ("rules", .array(descriptors))]))
        ])
        return "\n],\"tool\":" + tool.compact + "}]}\n"
    }

    /// The row's results, and the rule ids (or codes) they cite, in order.
    static func results(_ r: CompactRow, rules: RuleSet) -> (String, [String]) {
        var items: [JSONValue] = []
        var cited: [String] = []
        func add(_ severity: Severity, code: String, message: String, rule: String?, at location: SourceLocation?) {
            let id = rule ?? code
            if !cited.contains(id) { cited.append(id) }
            // In the manifest: where the finding is, if it is in the manifest; else the manifest's anchor.
            let inManifest = location.flatMap { $0.file == r.file ? $0 : nil } ?? r.header.anchor
            var related: [JSONValue] = []
            if let rule = rule.flatMap(rules.rule(id:)) {
                related.append(
                    SARIF.relatedLocation(
                        id: related.count + 1, file: rule.location.file, line: rule.location.line,
                        message: "rule \(rule.id): \(rule.title) (\(rule.source))"))
            }
            if let l = location, l.file != r.file {
                related.append(
                    SARIF.relatedLocation(
                        id: related.count + 1, file: l.file, line: l.line, message: "the network entry behind this"))
            }
            items.append(
                SARIF.result(
                    code: id, severity: severity, message: message, file: inManifest?.file ?? r.file,
                    line: inManifest?.line, column: inManifest?.column, related: related,
                    properties: [
                        ("code", .string(code)), ("manifest", .string(r.id)), ("verdict", .string(r.verdict.rawValue)),
                    ]))
        }
        for b in r.blockers { add(.error, code: b.code, message: b.message, rule: b.rule, at: b.location) }
        for d in r.documents {
            add(.error, code: "document-\(d.status.rawValue)", message: d.message, rule: d.rules.first, at: d.location)
        }
        for w in r.warnings { add(.warning, code: w.code, message: w.message, rule: w.rule, at: w.location) }
        for x in r.expiredWaivers {
            let related =
                x.location.map { [SARIF.relatedLocation(id: 1, file: $0.file, line: $0.line, message: "the waiver")] }
                ?? []
            if !cited.contains(x.code) { cited.append(x.code) }
            items.append(
                SARIF.result(
                    code: x.code, severity: .error, message: x.message, file: r.header.anchor?.file ?? r.file,
                    line: r.header.anchor?.line, column: r.header.anchor?.column, related: related,
                    properties: [("code", .string(x.code)), ("manifest", .string(r.id))]))
        }
        return (items.map(\.compact).joined(separator: ",\n"), cited)
    }

    static func invalid(file: String, diagnostics ds: [Diagnostic]) -> String {
        ds.map { SARIF.result($0, file: file).compact }.joined(separator: ",\n")
    }
}
