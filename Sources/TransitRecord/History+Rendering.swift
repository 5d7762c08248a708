import Foundation
import TransitCore
import TransitReports

/// `history --format text|csv|json`.
extension History {
    /// The changes for a person: a summary line, then each change with its reasons.
    public func text() -> String {
        var out = [
            "\(changes.count) of \(compared) manifests changed verdict "
                + "\(since.map { "since \($0)" } ?? "since their previous run")"
                + (new > 0 ? "; \(new) with no earlier check to compare" : "")
        ]
        for c in changes {
            out.append("")
            out.append(
                "\(c.id ?? "?") (\(c.path)): \(c.before.verdict) → \(c.after.verdict)  [\(c.before.checkedAt) "
                    + "→ \(c.after.checkedAt)]"
            )
            for r in c.reasons { out.append("  - \(r)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One CSV row per change.
    public func csv() -> String {
        let header =
            "path,id,verdict_before,verdict_after,checked_before,checked_after,manifest_changed,rules_changed,reasons\n"
        return header
            + changes.map { c in
                [
                    c.path, c.id ?? "", c.before.verdict, c.after.verdict, c.before.checkedAt, c.after.checkedAt,
                    c.before.contentHash != c.after.contentHash ? "yes" : "no",
                    c.before.rulesDigest != c.after.rulesDigest ? "yes" : "no",
                    c.reasons.joined(separator: "; "),
                ].map(CSVField.quote).joined(separator: ",") + "\n"
            }.joined()
    }

    /// The changes as one JSON object.
    public func json() -> String {
        func check(_ r: RecordedCheck) -> JSONValue {
            .object([
                ("verdict", .string(r.verdict)), ("checked_at", .string(r.checkedAt)),
                ("content_hash", r.contentHash.map(JSONValue.string) ?? .null),
                ("rules_digest", .string(r.rulesDigest)), ("run", .int(Int(r.run))),
            ])
        }
        return JSONValue.object([
            ("since", since.map { .string($0.description) } ?? .null),
            ("compared", .int(compared)), ("new", .int(new)),
            (
                "changes",
                .array(
                    changes.map { c in
                        .object([
                            ("path", .string(c.path)), ("id", c.id.map(JSONValue.string) ?? .null),
                            ("before", check(c.before)),
                            ("after", check(c.after)), ("reasons", .array(c.reasons.map(JSONValue.string))),
                        ])
                    })
            ),
        ]).pretty + "\n"
    }
}
