import TransitCore

/// A pack as read from its file, with the examples its rules carry.
public struct LoadedPack: Sendable {
    public var pack: RulePack
    public var examples: [RuleExample]
}

/// Reads a rule pack (SPEC 2.4).
public enum RulePackDecoder {
    static let packKeys = ["pack", "title", "status", "effective", "source", "rules"]
    static let ruleKeys = [
        "id", "title", "kind", "at", "country", "when", "require", "procedures", "prohibit", "warn",
        "severity", "source", "examples", "effective", "supersedes",
    ]

    /// The pack in a file (nil when the file lacks a required pack key or a valid id or title), and the
    /// problems found reading it.
    public static func decode(_ root: YAMLNode, file: String) -> (pack: LoadedPack?, diagnostics: [Diagnostic]) {
        let s = Schema(file: file)
        guard
            let f = s.fields(
                root, "rule pack", allowed: packKeys, required: ["pack", "title", "status", "source", "rules"]),
            let id = s.identifier(f["pack"], "pack"), let title = s.string(f["title"], "title")
        else {
            return (nil, s.diagnostics.all)
        }
        let status = s.choice(f["status"], "status", PackStatus.self) ?? .inForce
        let effective = s.dayRange(f["effective"], "effective") ?? DayRange()
        let source = s.source(f, "pack `\(id)`")
        var rules: [Rule] = []
        var examples: [RuleExample] = []
        var seen = Set<String>()
        for (i, n) in (s.sequence(f["rules"], "rules") ?? []).enumerated() {
            guard let (rule, ex) = rule(n, i, s, pack: id, packEffective: effective) else { continue }
            if !seen.insert(rule.id).inserted {
                s.error("duplicate-id", "rule `\(rule.id)` is defined twice in this pack", at: n)
            }
            rules.append(rule)
            examples += ex
        }
        let pack = RulePack(
            id: id, title: title, status: status, effective: effective, source: source, rules: rules, file: file)
        return (LoadedPack(pack: pack, examples: examples), s.diagnostics.all)
    }

    private static func rule(
        _ n: YAMLNode, _ i: Int, _ s: Schema, pack: String, packEffective: DayRange
    ) -> (Rule, [RuleExample])? {
        guard let f = s.fields(n, "rules[\(i)]", allowed: ruleKeys, required: ["id", "title", "kind", "at", "source"]),
            let id = s.identifier(f["id"], "rules[\(i)].id")
        else { return nil }
        let what = "rule `\(id)`"
        let title = s.string(f["title"], "\(what) title") ?? ""
        let kind = s.choice(f["kind"], "\(what) kind", RuleKind.self)
        let at = s.oneOrMany(f["at"]).compactMap { s.choice($0, "\(what) at", CheckpointKind.self) }
        let countries = s.oneOrMany(f["country"]).compactMap { s.country($0, "\(what) country") }
        let when = f["when"].flatMap { ConditionDecoder.decode($0, s) }
        var requirements: [Requirement] = []
        for item in s.sequence(f["require"], "\(what) require") ?? [] {
            if let r = requirement(item, s, what) { requirements.append(r) }
        }
        var procedures: [Procedure] = []
        for (j, p) in (s.sequence(f["procedures"], "\(what) procedures") ?? []).enumerated() {
            let pw = "\(what) procedures[\(j)]"
            guard let pf = s.fields(p, pw, allowed: ["name", "hours", "cost_usd"], required: ["name", "hours"]),
                let name = s.string(pf["name"], "\(pw).name"), let hours = s.p5090(pf["hours"], "\(pw).hours")
            else { continue }
            procedures.append(
                Procedure(name: name, hours: hours, costUSD: s.p5090(pf["cost_usd"], "\(pw).cost_usd") ?? .zero))
        }
        let prohibit = message(f["prohibit"], "\(what) prohibit", s)
        let warn = message(f["warn"], "\(what) warn", s)
        let severity: Severity
        switch f["severity"].flatMap({ s.string($0, "\(what) severity") }) {
        case nil, "error"?: severity = .error
        case "warning"?: severity = .warning
        case let other?:
            s.error("bad-value", "\(what) severity `\(other)` must be error or warning", at: f["severity"]!)
            severity = .error
        }
        if requirements.isEmpty && procedures.isEmpty && prohibit == nil && warn == nil {
            s.error("empty-rule", "\(what) requires, prohibits and warns nothing", at: n)
        }
        let own = s.dayRange(f["effective"], "\(what) effective") ?? DayRange()
        let effective = DayRange(
            from: [own.from, packEffective.from].compactMap { $0 }.max(),
            until: [own.until, packEffective.until].compactMap { $0 }.min())
        if effective.isEmpty {
            s.error("empty-range", "\(what) can never apply: its effective range is empty", at: f["effective"] ?? n)
        }
        let source = s.source(f, what)
        var examples: [RuleExample] = []
        for (j, e) in (s.sequence(f["examples"], "\(what) examples") ?? []).enumerated() {
            if let ex = example(e, j, s, rule: id) { examples.append(ex) }
        }
        guard let kind, !at.isEmpty else {
            if f.has("at") && at.isEmpty && !s.diagnostics.hasErrors {
                s.error("bad-value", "\(what) at names no checkpoint", at: f["at"]!)
            }
            return nil
        }
        var rule = Rule(
            id: id, title: title, kind: kind, at: at, countries: countries, when: when, requirements: requirements,
            procedures: procedures, prohibit: prohibit, warn: warn, severity: severity, source: source,
            effective: effective, pack: pack, location: n.location)
        rule.supersedes = s.oneOrMany(f["supersedes"]).compactMap { s.identifier($0, "\(what) supersedes") }
        return (rule, examples)
    }

    private static func message(_ node: YAMLNode?, _ what: String, _ s: Schema) -> String? {
        guard let node else { return nil }
        guard let f = s.fields(node, what, allowed: ["message"], required: ["message"]) else { return nil }
        return s.string(f["message"], "\(what).message")
    }

    private static func requirement(_ node: YAMLNode, _ s: Schema, _ what: String) -> Requirement? {
        if let oneOf = node["one_of"] {
            guard s.fields(node, "\(what) requirement", allowed: ["one_of"]) != nil,
                let alts = s.sequence(oneOf, "\(what) one_of"), alts.count >= 2
            else {
                s.error("bad-value", "\(what) one_of takes a list of at least two alternatives", at: oneOf)
                return nil
            }
            var out: [[DocumentRequirement]] = []
            for alt in alts {
                let docs = s.oneOrMany(alt).compactMap { documentRequirement($0, s, what) }
                guard !docs.isEmpty else { return nil }
                out.append(docs)
            }
            return .oneOf(out)
        }
        return documentRequirement(node, s, what).map(Requirement.document)
    }

    private static func documentRequirement(_ node: YAMLNode, _ s: Schema, _ what: String) -> DocumentRequirement? {
        if node.scalar != nil {
            return s.identifier(node, "\(what) document").map {
                DocumentRequirement(document: $0, location: node.location)
            }
        }
        guard
            let f = s.fields(
                node, "\(what) requirement", allowed: ["document", "per", "issued_by", "valid_at"],
                required: ["document"]),
            let doc = s.identifier(f["document"], "\(what) document")
        else { return nil }
        var req = DocumentRequirement(document: doc, location: f["document"]!.location)
        if let p = f["per"] {
            switch s.string(p, "per") {
            case "line"?: req.per = .line
            case "shipment"?: req.per = .shipment
            default: s.error("bad-value", "per must be line or shipment", at: p)
            }
        }
        if let v = f["valid_at"] {
            if let t = s.string(v, "valid_at"), let va = ValidAt(rawValue: t) {
                req.validAt = va
            } else {
                s.error("bad-value", "valid_at must be checkpoint, departure or any", at: v)
            }
        }
        if let ib = f["issued_by"] {
            if let t = ib.scalar {
                switch t {
                case "origin": req.issuedBy = .origin
                case "exporter": req.issuedBy = .exporter
                case "checkpoint": req.issuedBy = .checkpoint
                case "any": req.issuedBy = .any
                default:
                    s.error(
                        "bad-value", "issued_by must be origin, exporter, checkpoint, any or {country: XX}", at: ib,
                        help: DidYouMean.help(t, among: ["origin", "exporter", "checkpoint", "any"]))
                }
            } else if let cf = s.fields(ib, "issued_by", allowed: ["country"], required: ["country"]),
                let c = s.country(cf["country"], "issued_by.country")
            {
                req.issuedBy = .country(c)
            }
        }
        return req
    }

    /// Reads a test file of `tests/` beside the rules: `tests:` entries shaped like rule examples.
    public static func decodeTests(_ root: YAMLNode, file: String) -> (tests: [RuleExample], diagnostics: [Diagnostic])
    {
        let s = Schema(file: file)
        var out: [RuleExample] = []
        if let f = s.fields(root, "test file", allowed: ["tests"], required: ["tests"]) {
            for (j, n) in (s.sequence(f["tests"], "tests") ?? []).enumerated() {
                if let t = example(n, j, s, rule: "") { out.append(t) }
            }
        }
        return (out, s.diagnostics.all)
    }

    private static func example(_ node: YAMLNode, _ index: Int, _ s: Schema, rule: String) -> RuleExample? {
        let what = rule.isEmpty ? "tests[\(index)]" : "rule `\(rule)` examples[\(index)]"
        guard
            let f = s.fields(
                node, what, allowed: ["name", "shipment", "patch", "expect"], required: ["name", "shipment", "expect"]),
            let name = s.string(f["name"], "\(what).name"), let sh = f["shipment"], let e = f["expect"]
        else { return nil }
        let shipment: RuleExample.Shipment
        if let path = sh.scalar {
            shipment = .path(path)
        } else if sh.mapping != nil {
            shipment = .inline(sh)
        } else {
            s.error("wrong-type", "\(what).shipment is a manifest path or an inline manifest", at: sh)
            return nil
        }
        if let p = f["patch"], p.mapping == nil { s.error("wrong-type", "\(what).patch must be a mapping", at: p) }
        guard
            let ef = s.fields(
                e, "\(what).expect",
                allowed: ["verdict", "missing", "present", "not_required", "status", "findings", "not_findings"])
        else { return nil }
        var expect = Expectation()
        expect.verdict = ef["verdict"].flatMap { s.string($0, "verdict") }.flatMap { v in
            Verdict(rawValue: v)
                ?? {
                    s.error("bad-value", "verdict must be ready, incomplete or blocked", at: ef["verdict"]!); return nil
                }()
        }
        expect.missing = s.oneOrMany(ef["missing"]).compactMap { s.identifier($0, "missing") }
        expect.present = s.oneOrMany(ef["present"]).compactMap { s.identifier($0, "present") }
        expect.notRequired = s.oneOrMany(ef["not_required"]).compactMap { s.identifier($0, "not_required") }
        // A finding code is one the checker can give: a typo would make an expectation that never fails.
        func code(_ node: YAMLNode, _ key: String) -> String? {
            guard let c = s.string(node, key) else { return nil }
            guard FindingCode(rawValue: c) != nil else {
                s.error(
                    "unknown-finding", "`\(c)` is not a finding code", at: node,
                    help: DidYouMean.help(c, among: FindingCode.all.map(\.rawValue)))
                return nil
            }
            return c
        }
        expect.findings = s.oneOrMany(ef["findings"]).compactMap { code($0, "findings") }
        expect.notFindings = s.oneOrMany(ef["not_findings"]).compactMap { code($0, "not_findings") }
        if let st = ef["status"], let pairs = st.mapping {
            for (k, v) in pairs {
                guard let doc = k.scalar, let t = v.scalar, let status = DocumentStatus(rawValue: t) else {
                    s.error(
                        "bad-value",
                        "status maps a document id to one of: "
                            + "\(DocumentStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                        at: v)
                    continue
                }
                expect.status[doc] = status
            }
        }
        return RuleExample(
            rule: rule, name: name, shipment: shipment, patch: f["patch"], expect: expect, location: node.location)
    }
}
