import TransitCore

/// Renders `rules lint`, `rules diff` and `rules coverage` results.
public enum PolicyReports {
    /// `rules lint --format json`: the diagnostics as a JSON array.
    public static func lintJSON(_ ds: [Diagnostic]) -> String {
        JSONValue.array(ds.map(DiagnosticJSON.value)).pretty + "\n"
    }

    /// `rules lint --format sarif`.
    public static func lintSARIF(_ ds: [Diagnostic]) -> String {
        SARIF.document(tool: "transit-check rules lint", results: ds.map { SARIF.result($0) })
    }

    // MARK: - diff

    static func signed(_ v: Double, _ d: Int) -> String { (v > 0 ? "+" : "") + JSONValue.format(v, decimals: d) }

    /// `rules diff` as text, or as Markdown for a pull request: totals, breakdowns and each affected
    /// shipment.
    public static func diffText(_ r: ImpactReport, markdown: Bool) -> String {
        var out: [String] = []
        let h = markdown ? "## " : ""
        out.append("\(h)Impact of \(r.drafts.joined(separator: ", "))")
        out.append("")
        if let note = r.asOfNote { out.append(note); out.append("") }
        let moves = r.verdictChanges.map { "\($0.from.rawValue) → \($0.to.rawValue): \($0.count)" }
        let totals = [
            "shipments checked: \(r.checked)\(r.invalid > 0 ? " (\(r.invalid) did not load)" : "")",
            "shipments affected: \(r.impacts.count)",
            "verdict changes: \(moves.isEmpty ? "none" : moves.joined(separator: "; "))",
            "documents added: \(r.documentsAdded); removed: \(r.documentsRemoved)",
            "cost change, summed over shipments: p50 USD \(signed(r.costDelta.p50, 0)), "
                + "p90 USD \(signed(r.costDelta.p90, 0))",
            "time change, summed over shipments: p50 \(signed(r.timeDelta.p50, 1)) h, "
                + "p90 \(signed(r.timeDelta.p90, 1)) h",
            "time until delivery (p50): \(signed(r.shipmentDays, 1)) shipment-days in all; per affected shipment, "
                + "median \(signed(r.medianDays, 1)) days and USD \(signed(r.medianCostUSD, 0))",
            "compliance cost avoided: \(r.documentsAvoided.count) documents no longer needed "
                + "(\(r.documentsAvoided.held) of them already held), "
                + "USD \(JSONValue.format(r.avoidedCostUSD, decimals: 0)) in fees",
        ]
        out += totals.map { (markdown ? "- " : "  ") + $0 }
        for (dimension, title) in breakdowns {
            let groups = r.breakdown(dimension)
            guard !groups.isEmpty else { continue }
            out.append("")
            out.append(markdown ? "### By \(title)" : "By \(title):")
            if markdown {
                out.append(
                    "| \(title) | affected / checked | better | worse | documents avoided | fees avoided USD | "
                        + "shipment-days | median days | median cost USD |"
                )
                out.append("|---|---|---|---|---|---|---|---|---|")
            }
            for g in groups {
                let cells = [
                    "\(g.affected) / \(g.checked)", "\(g.better)", "\(g.worse)", "\(g.avoidedDocuments)",
                    JSONValue.format(g.avoidedCostUSD, decimals: 0), signed(g.shipmentDays, 1), signed(g.medianDays, 1),
                    signed(g.medianCostUSD, 0),
                ]
                if markdown {
                    out.append("| \(g.key) | " + cells.joined(separator: " | ") + " |")
                } else {
                    out.append(
                        "  \(g.key): \(cells[0]) affected, \(g.better) better, \(g.worse) worse; \(g.avoidedDocuments) "
                            + "documents avoided (USD \(cells[4])); \(cells[5]) shipment-days, median \(cells[6]) "
                            + "days, USD \(cells[7])"
                    )
                }
            }
        }
        if !r.impacts.isEmpty {
            out.append("")
            if markdown {
                out.append(
                    "| shipment | verdict | documents added | documents removed | status changes | cost p50 | "
                        + "time p50 | rules |"
                )
                out.append("|---|---|---|---|---|---|---|---|")
                for i in r.impacts {
                    let verdict =
                        i.verdictBefore == i.verdictAfter
                        ? i.verdictAfter.rawValue : "\(i.verdictBefore.rawValue) → \(i.verdictAfter.rawValue)"
                    out.append(
                        "| \(i.id) (`\(i.file)`) | \(verdict) | \(i.added.joined(separator: ", ")) | "
                            + "\(i.removed.joined(separator: ", ")) | \(i.changed.joined(separator: ", ")) | "
                            + "\(signed(i.costDelta.p50, 0)) | \(signed(i.timeDelta.p50, 1)) h | "
                            + "\(i.rules.map { "`\($0)`" }.joined(separator: ", ")) |"
                    )
                }
            } else {
                out.append("Changed shipments:")
                for i in r.impacts {
                    let verdict =
                        i.verdictBefore == i.verdictAfter
                        ? i.verdictAfter.rawValue : "\(i.verdictBefore.rawValue) → \(i.verdictAfter.rawValue)"
                    out.append(
                        "  \(i.id) (\(i.file)): \(verdict); cost p50 \(signed(i.costDelta.p50, 0)) USD, "
                            + "time p50 \(signed(i.timeDelta.p50, 1)) h"
                    )
                    for d in i.added { out.append("    + \(d)") }
                    for d in i.removed { out.append("    - \(d)") }
                    for d in i.changed { out.append("    ~ \(d)") }
                    out.append("    rules: \(i.rules.joined(separator: ", "))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static let breakdowns = [
        ("corridor", "corridor"), ("hs_chapter", "HS chapter"), ("origin_country", "origin country"),
    ]

    static func group(_ g: ImpactGroup) -> JSONValue {
        .object([
            ("key", .string(g.key)), ("checked", .int(g.checked)), ("affected", .int(g.affected)),
            ("better", .int(g.better)),
            ("worse", .int(g.worse)), ("documents_avoided", .int(g.avoidedDocuments)),
            ("fees_avoided_usd", .number(g.avoidedCostUSD, decimals: 0)),
            ("shipment_days_change", .number(g.shipmentDays, decimals: 1)),
            ("median_days_change", .number(g.medianDays, decimals: 1)),
            ("median_cost_usd_change", .number(g.medianCostUSD, decimals: 0)),
        ])
    }

    /// `rules diff --format csv`: one row per affected shipment.
    public static func diffCSV(_ r: ImpactReport) -> String {
        let header =
            "file,id,corridor,hs_chapters,origin_country,verdict_before,verdict_after,documents_added,"
            + "documents_removed,status_changes,documents_avoided,documents_avoided_held,fees_avoided_usd,"
            + "lead_time_avoided_hours,cost_change_p50_usd,time_change_p50_days,rules\n"
        return header
            + r.impacts.map { i in
                [
                    i.file, i.id, i.corridor ?? "", i.chapters.joined(separator: " "), i.originCountry,
                    i.verdictBefore.rawValue, i.verdictAfter.rawValue,
                    i.added.joined(separator: "; "), i.removed.joined(separator: "; "),
                    i.changed.joined(separator: "; "),
                    i.avoided.map(\.document).joined(separator: "; "), "\(i.avoided.filter(\.held).count)",
                    JSONValue.format(i.avoidedCostUSD, decimals: 0),
                    JSONValue.format(i.avoidedLeadTimeHours, decimals: 1),
                    JSONValue.format(i.costDelta.p50, decimals: 0), JSONValue.format(i.timeDelta.p50 / 24, decimals: 2),
                    i.rules.joined(separator: " "),
                ].map(CSVField.quote).joined(separator: ",") + "\n"
            }.joined()
    }

    /// `rules diff --format json`.
    public static func diffJSON(_ r: ImpactReport) -> String {
        return JSONValue.object([
            ("drafts", .array(r.drafts.map(JSONValue.string))),
            (
                "totals",
                .object([
                    ("checked", .int(r.checked)), ("invalid", .int(r.invalid)), ("affected", .int(r.impacts.count)),
                    (
                        "verdict_changes",
                        .array(
                            r.verdictChanges.map {
                                .object([
                                    ("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue)),
                                    ("count", .int($0.count)),
                                ])
                            })
                    ),
                    ("documents_added", .int(r.documentsAdded)), ("documents_removed", .int(r.documentsRemoved)),
                    ("cost_usd_change", .quantiles(r.costDelta, decimals: 0)),
                    ("time_hours_change", .quantiles(r.timeDelta, decimals: 1)),
                    ("shipment_days_change", .number(r.shipmentDays, decimals: 1)),
                    ("median_days_change", .number(r.medianDays, decimals: 1)),
                    ("median_cost_usd_change", .number(r.medianCostUSD, decimals: 0)),
                    ("documents_avoided", .int(r.documentsAvoided.count)),
                    ("documents_avoided_held", .int(r.documentsAvoided.held)),
                    ("fees_avoided_usd", .number(r.avoidedCostUSD, decimals: 0)),
                ])
            ),
            ("as_of", r.asOf.map { .string($0.description) } ?? .null),
            ("breakdown", .object(breakdowns.map { d in (d.0, JSONValue.array(r.breakdown(d.0).map(group))) })),
            (
                "shipments",
                .array(
                    r.impacts.map { i in
                        .object([
                            ("id", .string(i.id)), ("file", .string(i.file)),
                            ("verdict_before", .string(i.verdictBefore.rawValue)),
                            ("verdict_after", .string(i.verdictAfter.rawValue)),
                            ("added", .array(i.added.map(JSONValue.string))),
                            ("removed", .array(i.removed.map(JSONValue.string))),
                            ("changed", .array(i.changed.map(JSONValue.string))),
                            ("cost_usd_change", .quantiles(i.costDelta, decimals: 0)),
                            ("time_hours_change", .quantiles(i.timeDelta, decimals: 1)),
                            ("rules", .array(i.rules.map(JSONValue.string))),
                            ("corridor", i.corridor.map(JSONValue.string) ?? .null),
                            ("hs_chapters", .array(i.chapters.map(JSONValue.string))),
                            ("origin_country", .string(i.originCountry)),
                            (
                                "avoided",
                                .array(
                                    i.avoided.map { d in
                                        .object([
                                            ("document", .string(d.document)),
                                            ("cost_usd", .number(d.costUSD, decimals: 0)),
                                            ("lead_time_hours", .quantiles(d.leadTimeHours, decimals: 0)),
                                            ("held", .bool(d.held)),
                                        ])
                                    })
                            ),
                            ("fees_avoided_usd", .number(i.avoidedCostUSD, decimals: 0)),
                        ])
                    })
            ),
        ]).pretty + "\n"
    }

    // MARK: - coverage

    /// `rules coverage`: how many shipments each rule fired on, and the rules that never fired.
    public static func coverageText(_ rows: [(rule: Rule, shipments: Int)], total: Int) -> String {
        var out = ["Rule coverage over \(total) shipments:"]
        for (rule, n) in rows { out.append("  \(String(n).leftPadded(7))  \(rule.id) (\(rule.pack))") }
        let never = rows.filter { $0.shipments == 0 }
        out.append("")
        out.append(
            never.isEmpty
                ? "Every rule fired at least once."
                : "Never fired (\(never.count)): " + never.map(\.rule.id).joined(separator: ", "))
        return out.joined(separator: "\n") + "\n"
    }

    /// `rules coverage --format json`.
    public static func coverageJSON(_ rows: [(rule: Rule, shipments: Int)], total: Int) -> String {
        JSONValue.object([
            ("shipments", .int(total)),
            (
                "rules",
                .array(
                    rows.map {
                        .object([
                            ("id", .string($0.rule.id)), ("pack", .string($0.rule.pack)), ("fired", .int($0.shipments)),
                            ("file", .string($0.rule.location.file)), ("line", .int($0.rule.location.line)),
                        ])
                    })
            ),
        ]).pretty + "\n"
    }

    // MARK: - explain

    /// Why each checklist row applies (`--explain`), as a JSON array.
    public static func explanationJSON(_ e: [RowExplanation]) -> JSONValue {
        .array(
            e.map { x in
                .object([
                    ("rule", .string(x.rule)),
                    ("checkpoint", .string(x.checkpoint.checkpoint.rawValue)),
                    ("country", .string(x.checkpoint.country)), ("place", .string(x.checkpoint.place)),
                    (
                        "matched",
                        .array(
                            x.matched.map { m in
                                var o: [(String, JSONValue)] = [
                                    ("path", .string(m.path)), ("condition", .string(m.condition)),
                                    ("value", .string(m.value)), ("field", .string(m.field)),
                                ]
                                if let l = m.location {
                                    o += [
                                        ("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column)),
                                    ]
                                }
                                return .object(o)
                            })
                    ),
                ])
            })
    }

    /// Why each checklist row applies (`--explain`), one indented line each.
    public static func explanationText(_ e: [RowExplanation]) -> [String] {
        e.map { x in
            let why =
                x.matched.isEmpty
                ? "applies to every shipment there"
                : x.matched.map {
                    "\($0.field) = \($0.value) \($0.condition)\($0.location.map { " (\($0.file):\($0.line))" } ?? "")"
                }.joined(separator: "; ")
            return
                "      why: \(x.rule) at \(x.checkpoint.checkpoint.rawValue) \(x.checkpoint.country) "
                + "(\(x.checkpoint.place)): \(why)"
        }
    }
}
