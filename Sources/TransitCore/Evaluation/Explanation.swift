/// One condition of a rule that held, with the manifest value it held on and where that is.
public struct MatchedCondition: Hashable, Sendable {
    public var path: String
    public var condition: String
    public var value: String
    /// The manifest field (`goods[0].hs`, `regime`), or `route`/`checkpoint` for derived facts.
    public var field: String
    public var location: SourceLocation?
}

/// Why a checklist row is there: a rule, the checkpoint it fired at, and what matched.
public struct RowExplanation: Hashable, Sendable {
    public var rule: String
    public var checkpoint: CheckpointRef
    public var matched: [MatchedCondition]
}

extension Evaluator {
    /// For each checklist row of `report` (same order), the rules behind it and the conditions
    /// that made them apply. Computed on demand (`check --explain`), never in a batch.
    public func explain(
        _ shipment: Shipment, _ report: Report, options: CheckOptions = CheckOptions()
    ) -> [[RowExplanation]] {
        guard let corridor = options.corridor ?? shipment.corridor,
            case .success(let journey) = planner.plan(shipment, corridor: corridor)
        else { return report.checklist.map { _ in [] } }
        let day = options.asOf ?? shipment.departure
        return report.checklist.map { row in
            var out: [RowExplanation] = []
            for ref in row.rules {
                guard let rule = rules.rule(id: ref.id) else { continue }
                for cp in row.neededAt {
                    guard rule.at.contains(cp.checkpoint),
                        rule.countries.isEmpty || rule.countries.contains(cp.country),
                        let checkpoint = journey.checkpoints.first(where: {
                            $0.kind == cp.checkpoint && $0.place == cp.place
                        })
                    else { continue }
                    let lineIndices = shipment.goods.indices.filter { row.lines.contains(shipment.goods[$0].line) }
                    let ctx = EvaluationContext(
                        shipment: shipment, journey: journey, checkpoint: checkpoint, agreements: rules.agreements,
                        day: day, allLines: LineSet(all: shipment.goods.count),
                        originCountry: journey.checkpoints.first?.country ?? "",
                        destinationCountry: journey.checkpoints.last?.country ?? "")
                    let matched = rule.when.map { leaves($0, ctx, lineIndices, negated: false) } ?? []
                    out.append(RowExplanation(rule: rule.id, checkpoint: cp, matched: matched))
                }
            }
            return out
        }
    }

    private func leaves(_ c: Condition, _ ctx: EvaluationContext, _ lines: [Int], negated: Bool) -> [MatchedCondition] {
        switch c {
        case .all(let cs), .any(let cs): return cs.flatMap { leaves($0, ctx, lines, negated: negated) }
        case .not(let sub): return leaves(sub, ctx, lines, negated: !negated)
        case .match(let path, let matcher, _):
            let words = (negated ? "not " : "") + ConditionWords.matcher(matcher)
            if path.isGoods {
                let truth = ConditionEvaluator.evaluate(c, ctx)
                return lines.filter {
                    negated ? !truth.yes.contains($0) && !truth.unknown.contains($0) : truth.yes.contains($0)
                }.map { i in
                    let g = ctx.shipment.goods[i]
                    return MatchedCondition(
                        path: path.rawValue, condition: words, value: ConditionWords.goodsValue(path, g, ctx),
                        field: "goods[\(i)]." + (path.manifestField ?? path.rawValue), location: g.location)
                }
            }
            let truth = ConditionEvaluator.evaluate(c, ctx)
            guard truth.yes.isEmpty == negated, truth.unknown.isEmpty else { return [] }
            let field: String, location: SourceLocation?
            if let manifestField = path.manifestField {
                field = manifestField
                // Located at the manifest's top-level key (`transport`, `shipper`, `goods`).
                let key = manifestField.prefix { $0 != "." && $0 != "[" }
                location = ctx.shipment.fieldLocations[String(key)]
            } else {
                field = path.rawValue.hasPrefix("route.") ? "route (corridor \(ctx.journey.corridor))" : "checkpoint"
                location = ctx.shipment.fieldLocations["corridor"]
            }
            return [
                MatchedCondition(
                    path: path.rawValue, condition: words, value: ConditionWords.value(path, ctx), field: field,
                    location: location)
            ]
        }
    }
}

/// Conditions and matchers in plain words, for explanations and `rules explain`.
public enum ConditionWords {
    /// A matcher in words, for the explanation ("is one of PK, AF").
    public static func matcher(_ m: Matcher) -> String {
        func list(_ xs: [String]) -> String {
            xs.count <= 6
                ? xs.joined(separator: ", ") : xs.prefix(6).joined(separator: ", ") + " … (\(xs.count) in all)"
        }
        switch m {
        case .equals(let s): return "is \(s)"
        case .oneOf(let v): return "is one of \(list(v.map(\.description)))"
        case .prefix(let p): return "starts with \(list(p))"
        case .contains(let s): return "contains \(s)"
        case .greater(let n, let e): return "is \(e ? "at least" : "more than") \(Scalar.number(n))"
        case .less(let n, let e): return "is \(e ? "at most" : "less than") \(Scalar.number(n))"
        case .exists(let b): return b ? "is given" : "is not given"
        }
    }

    /// A whole condition in words, its `all`, `any` and `not` nested as written.
    public static func condition(_ c: Condition) -> String {
        switch c {
        case .all(let cs): return cs.map(condition).joined(separator: " and ")
        case .any(let cs): return "(" + cs.map(condition).joined(separator: " or ") + ")"
        case .not(let sub): return "not (" + condition(sub) + ")"
        case .match(let p, let m, _): return "\(p.rawValue) \(matcher(m))"
        }
    }

    /// A goods line's value of a path in words, read by the same resolver the conditions use.
    static func goodsValue(_ path: FieldPath, _ g: GoodsLine, _ ctx: EvaluationContext) -> String {
        words(ConditionEvaluator.goodsValue(path, g, ctx))
    }

    /// A shipment, route or checkpoint value in words, read by the same resolver the conditions use.
    static func value(_ path: FieldPath, _ ctx: EvaluationContext) -> String {
        // `route.all_parties` resolves against the agreement a matcher names; in words, the countries it was judged on.
        if path == .computed(.routeAllParties) { return ctx.journey.countries.joined(separator: ", ") }
        return words(ConditionEvaluator.shipmentValue(path, .exists(true), ctx))
    }

    private static func words(_ value: FieldValue?) -> String {
        switch value {
        case nil: return "not given"
        case .text(let t)?: return t
        case .number(let n)?: return Scalar.number(n).description
        case .bool(let b)?: return b ? "true" : "false"
        case .list(let l)?: return l.joined(separator: ", ")
        }
    }

    /// A rule in plain words: where and when it applies and what it asks.
    public static func rule(_ r: Rule, _ catalogue: DocumentCatalogue) -> String {
        var lines = [
            "\(r.id): \(r.title)",
            "  kind: \(r.kind.rawValue); severity: \(r.severity.rawValue); pack: \(r.pack); defined at \(r.location)",
        ]
        let places = r.countries.isEmpty ? "in any country" : "in " + r.countries.joined(separator: ", ")
        lines.append("  checked at: \(r.at.map(\.rawValue).joined(separator: ", ")) checkpoints \(places)")
        if let w = r.when { lines.append("  applies when: \(condition(w))") }
        if r.effective.from != nil || r.effective.until != nil {
            lines.append(
                "  in force: from \(r.effective.from?.description ?? "always") "
                    + "until \(r.effective.until?.description ?? "further notice")"
            )
        }
        for req in r.requirements {
            switch req {
            case .document(let d): lines.append("  requires: \(documentWords(d, catalogue))")
            case .oneOf(let alts):
                lines.append("  requires one of:")
                for alt in alts {
                    lines.append("    - " + alt.map { documentWords($0, catalogue) }.joined(separator: " + "))
                }
            }
        }
        for p in r.procedures {
            lines.append(
                "  procedure: \(p.name), \(Scalar.number(p.hours.p50)) h (p90 \(Scalar.number(p.hours.p90)) h), "
                    + "USD \(Scalar.number(p.costUSD.p50))"
            )
        }
        if let p = r.prohibit { lines.append("  prohibits: \(p)") }
        if let w = r.warn { lines.append("  warns: \(w)") }
        if !r.supersedes.isEmpty { lines.append("  supersedes: \(r.supersedes.joined(separator: ", "))") }
        lines.append("  source: \(r.source)")
        return lines.joined(separator: "\n")
    }

    static func documentWords(_ d: DocumentRequirement, _ catalogue: DocumentCatalogue) -> String {
        let name = catalogue[d.document]?.name ?? d.document
        var s = "\(name) (\(d.document))"
        switch d.issuedBy {
        case .any: break
        case .origin: s += ", issued in the goods' country of origin"
        case .exporter: s += ", issued in the exporter's country"
        case .checkpoint: s += ", issued by the checkpoint's country"
        case .country(let c): s += ", issued in \(c)"
        }
        if d.per == .line { s += ", covering every goods line it applies to" }
        switch d.validAt {
        case .checkpoint: s += ", valid when the shipment reaches the checkpoint (p90)"
        case .departure: s += ", valid at departure"
        case .any: break
        }
        return s
    }
}
