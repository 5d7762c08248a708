import TransitCore

/// Renders a report as the SPEC 4 JSON object, written straight into bytes.
public enum JSONReport {
    /// The report as JSON text, indented unless `pretty` is false.
    public static func render(_ r: Report, pretty: Bool = true, explanations: [[RowExplanation]]? = nil) -> String {
        var w = JSONWriter(pretty: pretty)
        write(r, into: &w, explanations: explanations)
        return w.text
    }

    /// The report as one line of JSON Lines: compact, ending in a newline.
    public static func line(_ r: Report) -> [UInt8] {
        var w = JSONWriter(pretty: false)
        write(r, into: &w)
        return w.line
    }

    /// Several reports as one JSON array.
    public static func renderArray(_ reports: [(Report, [[RowExplanation]]?)], pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.array { w in for (r, e) in reports { write(r, into: &w, explanations: e) } }
        return w.text
    }

    /// Writes the report into `w` as one JSON value.
    public static func write(_ r: Report, into w: inout JSONWriter, explanations: [[RowExplanation]]? = nil) {
        w.object { w in
            w.field("report", 1)
            w.key("shipment")
            w.object { w in
                w.field("id", r.shipmentID); w.field("file", r.file)
            }
            w.field("corridor", r.corridor)
            w.field("as_of", r.asOf.description)
            w.field("verdict", r.verdict.rawValue)
            w.key("checklist")
            w.array { w in
                for (i, row) in r.checklist.enumerated() { self.row(row, explanations?[i], into: &w) }
            }
            w.key("findings")
            w.array { w in for f in r.findings { finding(f, into: &w) } }
            w.key("estimate")
            estimate(r.estimate, into: &w)
        }
    }

    static func hours(_ k: StaticString, _ q: P5090, into w: inout JSONWriter) {
        w.quantiles(k, p50: q.p50, p90: q.p90, decimals: 1)
    }

    static func usd(_ k: StaticString, _ q: P5090, into w: inout JSONWriter) {
        w.quantiles(k, p50: q.p50, p90: q.p90, decimals: 0)
    }

    static func row(_ row: ChecklistRow, _ explanation: [RowExplanation]?, into w: inout JSONWriter) {
        w.object { w in
            w.field("document", row.document)
            w.field("unece", row.unece)
            w.field("name", row.name)
            w.field("status", row.status.rawValue)
            w.field("severity", row.severity.rawValue)
            w.key("needed_at")
            w.array { w in
                for n in row.neededAt {
                    w.object { w in
                        w.field("checkpoint", n.checkpoint.rawValue); w.field("country", n.country);
                        w.field("place", n.place)
                    }
                }
            }
            w.key("lines")
            w.array { w in for l in row.lines { w.int(l) } }
            w.field("issuer", row.issuer)
            w.key("rules")
            w.array { w in
                for r in row.rules {
                    w.object { w in
                        w.field("id", r.id); w.field("pack", r.pack); w.field("source", r.source)
                        w.field("file", r.file); w.field("line", r.line)
                    }
                }
            }
            hours("lead_time_hours", row.leadTimeHours, into: &w)
            w.field("cost_usd", row.costUSD, decimals: 0)
            w.field("how_to_obtain", row.howToObtain)
            if let by = row.applyBy { w.field("apply_by", by.description) }
            if let alts = row.alternatives {
                w.key("alternatives")
                w.array { w in for a in alts { w.array { w in for d in a { w.string(d) } } } }
            }
            if let by = row.satisfiedBy { w.key("satisfied_by"); w.array { w in for d in by { w.string(d) } } }
            if let needs = row.needs { w.key("needs"); w.array { w in for n in needs { w.string(n) } } }
            if let explanation { w.key("explain"); w.value(PolicyReports.explanationJSON(explanation)) }
        }
    }

    static func finding(_ f: Finding, into w: inout JSONWriter) {
        w.object { w in
            w.field("severity", f.severity.rawValue)
            w.field("code", f.code.rawValue)
            w.field("message", f.message)
            if let r = f.rule { w.field("rule", r) }
            if let p = f.path { w.field("path", p) }
            if let l = f.location { w.field("file", l.file); w.field("line", l.line); w.field("column", l.column) }
        }
    }

    static func estimate(_ e: Estimate, into w: inout JSONWriter) {
        w.object { w in
            usd("cost_usd", e.costUSD, into: &w)
            hours("time_hours", e.timeHours, into: &w)
            hours("delay_from_missing_documents_hours", e.delayFromMissingDocumentsHours, into: &w)
            if let ready = e.readyToDispatch {
                w.key("ready_to_dispatch")
                w.object { w in
                    w.field("p50", ready.p50.description); w.field("p90", ready.p90.description)
                }
            }
            w.key("steps")
            w.array { w in
                for s in e.steps {
                    w.object { w in
                        w.field("kind", s.kind.rawValue)
                        w.field("name", s.name)
                        if let f = s.from { w.field("from", f) }
                        if let t = s.to { w.field("to", t) }
                        if let p = s.place { w.field("place", p) }
                        if let m = s.mode { w.field("mode", m.rawValue) }
                        if let km = s.km { w.field("km", km, decimals: 0) }
                        hours("hours", s.hours, into: &w)
                        usd("cost_usd", s.costUSD, into: &w)
                        w.field("source", s.source)
                    }
                }
            }
        }
    }
}
