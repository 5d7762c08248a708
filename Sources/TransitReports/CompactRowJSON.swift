import TransitCore

/// A compact row as one line of JSON Lines (`batch --format jsonl`, the record): rules cited by
/// id, no legal sources and no steps, so a row is a few hundred bytes instead of ~16 KB.
/// `rules export --format json` gives each rule's title, source, file and line once.
public enum CompactRowJSON {
    /// The row's format version, so that readers of a record can tell rows apart later.
    public static let version = 1

    /// The row as one line of compact JSON, newline included.
    public static func line(_ r: CompactRow) -> [UInt8] {
        var w = JSONWriter(pretty: false, capacity: 2048)
        write(r, into: &w)
        return w.line
    }

    /// Writes the row as a JSON object into `w` (for embedding in other documents).
    public static func write(_ r: CompactRow, into w: inout JSONWriter) {
        w.object { w in
            w.field("row", version)
            w.field("file", r.file)
            w.field("id", r.id)
            party("shipper", r.header.shipper, into: &w)
            party("consignee", r.header.consignee, into: &w)
            w.field("origin", r.header.origin)
            w.field("destination", r.header.destination)
            w.field("corridor", r.corridor)
            w.field("departure", r.header.departure.description)
            w.field("as_of", r.asOf.description)
            w.key("goods")
            w.array { w in
                for g in r.header.goods {
                    w.object { w in
                        w.field("hs", g.hs); w.field("description", g.description)
                    }
                }
            }
            w.field("verdict", r.verdict.rawValue)
            w.key("blockers")
            w.array { w in for b in r.blockers { item(b, file: r.file, into: &w) } }
            w.key("documents")
            w.array { w in
                for d in r.documents {
                    w.object { w in
                        w.field("id", d.id)
                        w.field("name", d.name)
                        w.field("status", d.status.rawValue)
                        w.key("needed_at")
                        w.array { w in
                            for n in d.neededAt { w.string("\(n.checkpoint.rawValue) \(n.country) \(n.place)") }
                        }
                        w.field("issuer", d.issuer)
                        w.quantiles("lead_time_hours", p50: d.leadTimeHours.p50, p90: d.leadTimeHours.p90, decimals: 0)
                        w.field("cost_usd", d.costUSD, decimals: 0)
                        if let by = d.applyBy { w.field("apply_by", by.description) }
                        w.key("rules")
                        w.array { w in for id in d.rules { w.string(id) } }
                    }
                }
            }
            w.key("warnings")
            w.array { w in for x in r.warnings { item(x, file: r.file, into: &w) } }
            let e = r.estimate
            w.key("estimate")
            w.object { w in
                w.quantiles("cost_usd", p50: e.costUSD.p50, p90: e.costUSD.p90, decimals: 0)
                w.quantiles("time_hours", p50: e.timeHours.p50, p90: e.timeHours.p90, decimals: 1)
                w.quantiles(
                    "delay_from_missing_documents_hours", p50: e.delayFromMissingDocumentsHours.p50,
                    p90: e.delayFromMissingDocumentsHours.p90, decimals: 1)
                if let ready = e.readyToDispatch {
                    w.key("ready_to_dispatch")
                    w.object { w in
                        w.field("p50", ready.p50.description); w.field("p90", ready.p90.description)
                    }
                }
            }
            if r.baselined > 0 { w.field("baselined", r.baselined) }
            if !r.waived.isEmpty {
                w.key("waived")
                w.array { w in
                    for x in r.waived {
                        w.object { w in
                            w.field("finding", x.key); w.field("rule", x.waiver.rule);
                            w.field("reason", x.waiver.reason)
                            w.field("who", x.waiver.who); w.field("expires", x.waiver.expires.description)
                        }
                    }
                }
            }
            if !r.expiredWaivers.isEmpty {
                w.key("expired_waivers")
                w.array { w in for x in r.expiredWaivers { item(x, file: nil, into: &w) } }
            }
        }
    }

    /// A manifest that did not load: its file and every error with line and column.
    public static func invalidLine(file: String, diagnostics: [Diagnostic]) -> [UInt8] {
        var w = JSONWriter(pretty: false, capacity: 512)
        w.object { w in
            w.field("row", version)
            w.field("file", file)
            w.key("id"); w.null()
            w.field("verdict", "error")
            w.key("errors")
            w.array { w in for d in diagnostics { w.value(DiagnosticJSON.value(d)) } }
        }
        return w.line
    }

    static func party(_ k: StaticString, _ p: Party, into w: inout JSONWriter) {
        w.key(k)
        w.object { w in
            w.field("name", p.name); w.field("country", p.country)
        }
    }

    /// A blocker or warning; `line` is the manifest's line it is about, when it is about one
    /// (`file` nil: any file, given as `file` and `line`).
    static func item(_ i: CompactRow.Item, file: String?, into w: inout JSONWriter) {
        w.object { w in
            w.field("code", i.code)
            w.field("message", i.message)
            if let r = i.rule { w.field("rule", r) }
            if let l = i.location {
                if let file {
                    if l.file == file { w.field("line", l.line) }
                } else {
                    w.field("file", l.file); w.field("line", l.line)
                }
            }
        }
    }
}

/// `rules export`: every loaded rule once, with what compact rows leave out (title, kind,
/// checkpoints, severity, legal source, file and line), and the document catalogue.
public enum RulesExport {
    /// Every rule and document type as JSON, with the rules' digest that records and rows cite.
    public static func json(_ rules: RuleSet, digest: String) -> String {
        JSONValue.object([
            ("rules_digest", .string(digest)),
            (
                "packs",
                .array(
                    rules.packs.map { p in
                        .object([
                            ("id", .string(p.id)), ("title", .string(p.title)), ("status", .string(p.status.rawValue)),
                            ("effective", range(p.effective)), ("source", .string(p.source)), ("file", .string(p.file)),
                        ])
                    })
            ),
            (
                "rules",
                .array(
                    rules.rules.map { r in
                        .object([
                            ("id", .string(r.id)), ("pack", .string(r.pack)), ("title", .string(r.title)),
                            ("kind", .string(r.kind.rawValue)),
                            ("at", .array(r.at.map { .string($0.rawValue) })),
                            ("countries", .array(r.countries.map(JSONValue.string))),
                            ("severity", .string(r.severity.rawValue)), ("effective", range(r.effective)),
                            (
                                "documents",
                                .array(Array(Set(r.requirements.flatMap(\.documentIDs))).sorted().map(JSONValue.string))
                            ),
                            ("supersedes", .array(r.supersedes.map(JSONValue.string))),
                            ("source", .string(r.source)), ("file", .string(r.location.file)),
                            ("line", .int(r.location.line)),
                        ])
                    })
            ),
            (
                "documents",
                .array(
                    rules.documents.entries.map { d in
                        var o: [(String, JSONValue)] = [("id", .string(d.id)), ("name", .string(d.name))]
                        if let u = d.unece { o.append(("unece", .string(u))) }
                        o += [
                            ("issuer", .string(d.issuer)), ("how_to_obtain", .string(d.howToObtain)),
                            ("source", .string(d.source)),
                        ]
                        return .object(o)
                    })
            ),
        ]).pretty + "\n"
    }

    /// Every rule on a line: id, title, pack and source.
    public static func text(_ rules: RuleSet) -> String {
        rules.rules.map { "\($0.id)  \($0.title)  [\($0.pack); \($0.source)]" }.joined(separator: "\n") + "\n"
    }

    static func range(_ r: DayRange) -> JSONValue {
        var o: [(String, JSONValue)] = []
        if let f = r.from { o.append(("from", .string(f.description))) }
        if let u = r.until { o.append(("until", .string(u.description))) }
        return .object(o)
    }
}
