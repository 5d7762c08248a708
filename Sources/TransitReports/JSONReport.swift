import TransitCore

/// Renders a report as the SPEC 4 JSON object.
public enum JSONReport {
    public static func value(_ r: Report, explanations: [[RowExplanation]]? = nil) -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("report", .int(1)),
            ("shipment", .object([("id", .string(r.shipmentID)), ("file", .string(r.file))])),
            ("corridor", r.corridor.map(JSONValue.string) ?? .null),
            ("as_of", .string(r.asOf.description)),
            ("verdict", .string(r.verdict.rawValue)),
        ]
        top.append(("checklist", .array(r.checklist.enumerated().map { i, c in
            guard let e = explanations?[i], case .object(var o) = row(c) else { return row(c) }
            o.append(("explain", PolicyReports.explanationJSON(e)))
            return .object(o)
        })))
        top.append(("findings", .array(r.findings.map(finding))))
        top.append(("estimate", estimate(r.estimate)))
        return .object(top)
    }

    public static func render(_ r: Report, pretty: Bool = true, explanations: [[RowExplanation]]? = nil) -> String {
        pretty ? value(r, explanations: explanations).pretty : value(r, explanations: explanations).compact
    }

    static func hours(_ q: P5090) -> JSONValue { .object([("p50", .number(q.p50, decimals: 1)), ("p90", .number(q.p90, decimals: 1))]) }
    static func usd(_ q: P5090) -> JSONValue { .object([("p50", .number(q.p50, decimals: 0)), ("p90", .number(q.p90, decimals: 0))]) }

    static func row(_ row: ChecklistRow) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("document", .string(row.document)),
            ("unece", row.unece.map(JSONValue.string) ?? .null),
            ("name", .string(row.name)),
            ("status", .string(row.status.rawValue)),
            ("severity", .string(row.severity.rawValue)),
            ("needed_at", .array(row.neededAt.map {
                .object([("checkpoint", .string($0.checkpoint.rawValue)), ("country", .string($0.country)), ("place", .string($0.place))])
            })),
            ("lines", .array(row.lines.map(JSONValue.int))),
            ("issuer", .string(row.issuer)),
            ("rules", .array(row.rules.map {
                .object([("id", .string($0.id)), ("pack", .string($0.pack)), ("source", .string($0.source)),
                         ("file", .string($0.file)), ("line", .int($0.line))])
            })),
            ("lead_time_hours", hours(row.leadTimeHours)),
            ("cost_usd", .number(row.costUSD, decimals: 0)),
            ("how_to_obtain", .string(row.howToObtain)),
        ]
        if let alts = row.alternatives { o.append(("alternatives", .array(alts.map { .array($0.map(JSONValue.string)) }))) }
        if let by = row.satisfiedBy { o.append(("satisfied_by", .array(by.map(JSONValue.string)))) }
        if let needs = row.needs { o.append(("needs", .array(needs.map(JSONValue.string)))) }
        return .object(o)
    }

    static func finding(_ f: Finding) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("severity", .string(f.severity.rawValue)),
            ("code", .string(f.code)),
            ("message", .string(f.message)),
        ]
        if let r = f.rule { o.append(("rule", .string(r))) }
        if let p = f.path { o.append(("path", .string(p))) }
        if let l = f.location {
            o += [("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column))]
        }
        return .object(o)
    }

    static func estimate(_ e: Estimate) -> JSONValue {
        .object([
            ("cost_usd", usd(e.costUSD)),
            ("time_hours", hours(e.timeHours)),
            ("delay_from_missing_documents_hours", hours(e.delayFromMissingDocumentsHours)),
            ("steps", .array(e.steps.map(step))),
        ])
    }

    static func step(_ s: Step) -> JSONValue {
        var o: [(String, JSONValue)] = [("kind", .string(s.kind.rawValue)), ("name", .string(s.name))]
        if let f = s.from { o.append(("from", .string(f))) }
        if let t = s.to { o.append(("to", .string(t))) }
        if let p = s.place { o.append(("place", .string(p))) }
        if let m = s.mode { o.append(("mode", .string(m.rawValue))) }
        if let km = s.km { o.append(("km", .number(km, decimals: 0))) }
        o += [("hours", hours(s.hours)), ("cost_usd", usd(s.costUSD)), ("source", .string(s.source))]
        return .object(o)
    }
}
