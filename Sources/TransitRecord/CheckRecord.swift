import Foundation
import GRDB
import TransitCore
import TransitEngine

/// The record of every check (`batch --record DB`, `check --record DB`): a SQLite database that
/// grows by one row per manifest checked, so that a broker can show later what was checked,
/// with what content, against which rules, when, and what it came to.
///
/// Tables: `runs` (one per command: when it started, the command, the rules' digest) and
/// `checks` (one per manifest: run, path, manifest id, SHA-256 of its bytes, rules' digest,
/// time, verdict, and the compact row as JSON).
public final class CheckRecord: CheckRecorder {
    let queue: DatabaseQueue
    private let clock: () -> Date
    private let rulesDigest: String
    private var run: Int64?
    private let command: String
    private var pending: [(RecordEntry, String)] = []
    /// Rows are written in transactions of this many (one transaction a row would sync the disk
    /// 100,000 times in a large batch); `finish()` writes the rest.
    static let chunk = 1000

    /// Opens (creating if needed) the database at `path`. `clock` gives the time recorded for
    /// the run and each check: the system clock by default, a fixed one in tests.
    public init(path: String, command: String, rulesDigest: String, clock: @escaping () -> Date = Date.init) throws {
        queue = try DatabaseQueue(path: path)
        try Self.migrator.migrate(queue)
        self.clock = clock
        self.rulesDigest = rulesDigest
        self.command = command
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY,
                        started_at TEXT NOT NULL,
                        command TEXT NOT NULL,
                        rules_digest TEXT NOT NULL
                    );
                    CREATE TABLE checks (
                        id INTEGER PRIMARY KEY,
                        run_id INTEGER NOT NULL REFERENCES runs(id),
                        path TEXT NOT NULL,
                        manifest_id TEXT,
                        content_hash TEXT,
                        rules_digest TEXT NOT NULL,
                        checked_at TEXT NOT NULL,
                        verdict TEXT NOT NULL,
                        row TEXT NOT NULL
                    );
                    CREATE INDEX checks_by_path ON checks(path, id);
                    """)
        }
        return m
    }

    /// The time as the record writes it: ISO 8601 in UTC, to the second.
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// Queues a row, stamped with the current time; the rows are written in chunks as they accumulate.
    public func append(_ entry: RecordEntry) throws {
        pending.append((entry, Self.timestamp(clock())))
        if pending.count >= Self.chunk { try flush() }
    }

    /// Writes what is pending; call once at the end (an interrupted batch records the rows it wrote).
    public func finish() throws { try flush() }

    private func flush() throws {
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        let digest = rulesDigest
        let existing = run
        let started = Self.timestamp(clock())
        let command = self.command
        run = try queue.write { db -> Int64 in
            let runID: Int64
            if let existing {
                runID = existing
            } else {
                try db.execute(
                    sql: "INSERT INTO runs (started_at, command, rules_digest) VALUES (?, ?, ?)",
                    arguments: [started, command, digest])
                runID = db.lastInsertedRowID
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO checks (run_id, path, manifest_id, content_hash, rules_digest, checked_at, verdict, row)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for (e, at) in rows {
                try insert.execute(arguments: [
                    runID, e.path, e.manifestID, e.contentHash, digest, at, e.verdict, e.row,
                ])
            }
            return runID
        }
    }
}

/// One recorded check, read back.
public struct RecordedCheck: Sendable, Equatable {
    public var id: Int64
    public var run: Int64
    public var path: String
    public var manifestID: String?
    public var contentHash: String?
    public var rulesDigest: String
    public var checkedAt: String
    public var verdict: String
    public var row: RecordedRow?

    init(_ r: Row) {
        id = r["id"]; run = r["run_id"]; path = r["path"]; manifestID = r["manifest_id"];
        contentHash = r["content_hash"]
        rulesDigest = r["rules_digest"]; checkedAt = r["checked_at"]; verdict = r["verdict"]
        row = RecordedRow(json: r["row"])
    }
}

extension CheckRecord {
    /// Opens an existing record to read it (history, a baseline); an error if there is none.
    public static func open(_ path: String) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw RecordError.missing(path) }
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        let tables = try queue.read { db in try db.tableExists("checks") }
        guard tables else { throw RecordError.notARecord(path) }
        return queue
    }

    /// The latest check of every path.
    public static func latest(_ queue: DatabaseQueue) throws -> [RecordedCheck] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.* FROM checks c JOIN (SELECT path, MAX(id) AS id FROM checks GROUP BY path) \
                    m ON c.id = m.id ORDER BY c.path
                    """
            ).map(RecordedCheck.init)
        }
    }

    /// A baseline of the findings in each path's latest recorded row (`batch --baseline DB`).
    public static func baseline(_ path: String) throws -> Baseline {
        var keys: [String: Set<String>] = [:]
        for c in try latest(open(path)) {
            guard let row = c.row else { continue }
            keys[row.manifestKey, default: []].formUnion(row.baselineKeys)
        }
        return Baseline(keys: keys)
    }

    /// True when the file at `path` is a SQLite database (its first 16 bytes say so).
    public static func isDatabase(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head == Data("SQLite format 3\0".utf8)
    }
}

/// Why a record could not be read.
public enum RecordError: Error, CustomStringConvertible {
    case missing(String)
    case notARecord(String)
    public var description: String {
        switch self {
        case .missing(let p): return "\(p): no such record"
        case .notARecord(let p): return "\(p): not a transit-check record (no `checks` table)"
        }
    }
}
