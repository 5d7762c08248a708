import Foundation
import GRDB
import TransitCore
import TransitEngine

/// A manifest whose verdict changed between two recorded checks, and why.
public struct VerdictChange: Sendable, Equatable {
    public var path: String
    public var id: String?
    public var before: RecordedCheck
    public var after: RecordedCheck
    public var reasons: [String]
}

/// `transit-check history DB`: what a broker asks the next morning. For every manifest in the
/// record, its latest check against the one before it (from an earlier run, or, with `since`,
/// the last one before that day), listing those whose verdict changed and why: a document
/// obtained, the manifest or the rules changed, a border closed.
public struct History: Sendable {
    public var changes: [VerdictChange]
    /// Manifests compared (checked in both), and manifests with no earlier check.
    public var compared: Int
    public var new: Int
    public var since: Day?

    /// Compares each manifest's latest check in the record at `path` with the one before it (with
    /// `since`, with the last one before that day).
    public static func read(_ path: String, since: Day? = nil) throws -> History {
        let queue = try CheckRecord.open(path)
        let sinceText = since?.description
        let (latest, previous) = try queue.read { db -> ([RecordedCheck], [RecordedCheck]) in
            let latest: [RecordedCheck]
            let previous: [RecordedCheck]
            if let sinceText {
                latest = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.* FROM checks c JOIN (SELECT path, MAX(id) AS id FROM checks WHERE checked_at >= ? \
                        GROUP BY path) m
                        ON c.id = m.id ORDER BY c.path
                        """, arguments: [sinceText]
                ).map(RecordedCheck.init)
                previous = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.* FROM checks c JOIN (SELECT path, MAX(id) AS id FROM checks WHERE checked_at < ? \
                        GROUP BY path) m
                        ON c.id = m.id
                        """, arguments: [sinceText]
                ).map(RecordedCheck.init)
            } else {
                latest = try CheckRecord.latest(queue: db)
                previous = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.* FROM checks c JOIN (
                            SELECT x.path, MAX(x.id) AS id FROM checks x
                            JOIN (SELECT path, MAX(run_id) AS run FROM checks GROUP BY path) l ON x.path = l.path AND \
                        x.run_id < l.run
                            GROUP BY x.path) m ON c.id = m.id
                        """
                ).map(RecordedCheck.init)
            }
            return (latest, previous)
        }
        let before = Dictionary(previous.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var history = History(changes: [], compared: 0, new: 0, since: since)
        for after in latest {
            guard let b = before[after.path] else { history.new += 1; continue }
            history.compared += 1
            guard b.verdict != after.verdict else { continue }
            history.changes.append(
                VerdictChange(
                    path: after.path, id: after.manifestID ?? b.manifestID, before: b, after: after,
                    reasons: reasons(b, after)))
        }
        return history
    }

    /// Why `after` differs from `before`, in a broker's words, from what the record keeps: the
    /// content hash, the rules' digest, the day judged and the compact rows.
    public static func reasons(_ before: RecordedCheck, _ after: RecordedCheck) -> [String] {
        var out: [String] = []
        let manifestChanged = before.contentHash != after.contentHash
        let rulesChanged = before.rulesDigest != after.rulesDigest
        if manifestChanged { out.append("the manifest changed") }
        if rulesChanged {
            out.append(
                "the rules changed (digest \(before.rulesDigest.prefix(12)) "
                    + "→ \(after.rulesDigest.prefix(12)))")
        }
        let b = before.row, a = after.row
        if let x = b?.asOf, let y = a?.asOf, x != y { out.append("judged as of \(y), before as of \(x)") }
        if before.verdict == "error" && after.verdict != "error" { out.append("the manifest loads now") }
        if after.verdict == "error" { out.append("the manifest does not load: " + (a?.errors.first ?? "")) }
        let docsBefore = Dictionary((b?.documents ?? []).map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let docsAfter = Dictionary((a?.documents ?? []).map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for d in b?.documents ?? [] where docsAfter[d.id] == nil {
            if manifestChanged {
                out.append("document obtained: \(d.name) (was \(d.status))")
            } else if rulesChanged {
                out.append("no longer required: \(d.name)")
            } else {
                out.append("no longer to obtain: \(d.name)")
            }
        }
        for d in a?.documents ?? [] {
            if let old = docsBefore[d.id] {
                if old.status != d.status { out.append("\(d.name): \(old.status) → \(d.status)") }
            } else {
                out.append(
                    rulesChanged && !manifestChanged
                        ? "now required: \(d.name) (\(d.status))" : "document to obtain: \(d.name) (\(d.status))")
            }
        }
        func key(_ i: RecordedRow.Item) -> String { "\(i.code)|\(i.message)" }
        let blockersBefore = Set((b?.blockers ?? []).map(key)), blockersAfter = Set((a?.blockers ?? []).map(key))
        for x in a?.blockers ?? [] where !blockersBefore.contains(key(x)) {
            out.append(x.code == "link-closed" ? "a border closed: \(x.message)" : "now blocked: \(x.message)")
        }
        for x in b?.blockers ?? [] where !blockersAfter.contains(key(x)) {
            out.append(x.code == "link-closed" ? "a border reopened: \(x.message)" : "no longer blocked: \(x.message)")
        }
        if out.isEmpty { out.append("the same manifest and rules gave another verdict") }
        return out
    }
}

extension CheckRecord {
    static func latest(queue db: Database) throws -> [RecordedCheck] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.* FROM checks c JOIN (SELECT path, MAX(id) AS id FROM checks GROUP BY path) m ON c.id = m.id \
                ORDER BY c.path
                """
        ).map(RecordedCheck.init)
    }
}
