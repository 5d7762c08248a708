import Foundation
import GRDB
import Testing
import TransitCore
import TransitEngine
@testable import TransitRecord

/// The checkout, found from this file's path.
enum Checkout {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let workspace = try! Workspace.load(rulesDirectory: root + "/rules").get()
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var now: Date
    init(_ iso: String) { now = ISO8601DateFormatter().date(from: iso)! }
    func set(_ iso: String) { now = ISO8601DateFormatter().date(from: iso)! }
}

/// A scratch directory with a copy of a manifest or two and a record, removed at the end.
final class Scratch {
    let dir = NSTemporaryDirectory() + "tc-record-\(getpid())-\(UUID().uuidString.prefix(8))"
    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: dir) }
    var db: String { dir + "/checks.db" }

    func copy(_ shipment: String) throws -> String {
        let to = dir + "/" + shipment
        try? FileManager.default.removeItem(atPath: to)
        try FileManager.default.copyItem(atPath: Checkout.root + "/shipments/" + shipment, toPath: to)
        return to
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(
            toFile: path, atomically: true, encoding: .utf8)
    }
}

/// One batch into the record, as `batch --record` runs it.
func recordBatch(
    _ files: [String], workspace: Workspace = Checkout.workspace, db: String, clock: TestClock
) throws -> BatchSummary {
    let record = try CheckRecord(path: db, command: "batch", rulesDigest: workspace.rulesDigest, clock: { clock.now })
    let runner = BatchRunner(workspace: workspace, options: BatchOptions(jobs: 2, recording: true))
    let summary = try runner.run(files, write: { _ in }, recorder: record)
    try record.finish()
    return summary
}

@Suite struct RecordTests {
    @Test func aBatchRecordsOneRowPerManifestWithHashDigestAndTime() throws {
        let s = try Scratch()
        let files = try ["kz-pk-oats-qtta.yaml", "kz-pk-beef-qtta.yaml"].map(s.copy) + [s.dir + "/missing.yaml"]
        let clock = TestClock("2026-03-09T18:00:00Z")
        _ = try recordBatch(files, db: s.db, clock: clock)
        let rows = try DatabaseQueue(path: s.db).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM checks ORDER BY id")
        }
        #expect(rows.count == 3)
        #expect(rows.map { $0["path"] as String } == files)
        let oats = rows[0]
        #expect(oats["content_hash"] as String? == SHA256.hex(FileManager.default.contents(atPath: files[0])!))
        #expect(oats["rules_digest"] as String == Checkout.workspace.rulesDigest)
        #expect(oats["checked_at"] as String == "2026-03-09T18:00:00Z", "the injected clock")
        #expect(oats["verdict"] as String == "incomplete")
        #expect(oats["manifest_id"] as String? == "KZ-PK-2026-1004")
        let row = try #require(RecordedRow(json: oats["row"]))
        #expect(row.documents.map(\.id) == ["phytosanitary-certificate"])
        #expect(rows[2]["verdict"] as String == "error" && rows[2]["content_hash"] as String? == nil)
        // A second run appends; the first run's rows stay.
        clock.set("2026-03-10T07:30:00Z")
        _ = try recordBatch(files, db: s.db, clock: clock)
        let count = try DatabaseQueue(path: s.db).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM checks")
        }
        let runs = try DatabaseQueue(path: s.db).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") }
        #expect(count == 6 && runs == 2)
    }

    @Test func historyReportsAVerdictChangeOnAChangedManifest() throws {
        let s = try Scratch()
        let oats = try s.copy("kz-pk-oats-qtta.yaml")
        let beef = try s.copy("kz-pk-beef-qtta.yaml")
        let clock = TestClock("2026-03-09T18:00:00Z")
        _ = try recordBatch([oats, beef], db: s.db, clock: clock)
        // Overnight the broker gets a new phytosanitary certificate for the oats (valid longer).
        try s.edit(oats) { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let start = lines.firstIndex { $0.contains("type: phytosanitary-certificate") }!
            return lines.enumerated().map { i, l in
                i > start && i < start + 6 && l.contains("expires:") ? "    expires: 2026-12-31" : String(l)
            }.joined(separator: "\n")
        }
        clock.set("2026-03-10T07:30:00Z")
        _ = try recordBatch([oats, beef], db: s.db, clock: clock)
        let h = try History.read(s.db)
        #expect(h.compared == 2)
        #expect(h.changes.count == 1, "the beef did not change")
        let c = try #require(h.changes.first)
        #expect(c.path == oats && c.before.verdict == "incomplete" && c.after.verdict == "ready")
        #expect(c.reasons.contains("the manifest changed"))
        #expect(c.reasons.contains { $0.hasPrefix("document obtained: Phytosanitary certificate") }, "\(c.reasons)")
        #expect(!c.reasons.contains { $0.hasPrefix("the rules changed") })
        #expect(h.text().contains("KZ-PK-2026-1004 (\(oats)): incomplete → ready"))
        #expect(h.csv().split(separator: "\n").count == 2)
        let json = try JSONSerialization.jsonObject(with: Data(h.json().utf8)) as! [String: Any]
        #expect((json["changes"] as! [[String: Any]]).count == 1)
        // --since the second day: compared with the last check before it, the same change.
        #expect(try History.read(s.db, since: Day(iso: "2026-03-10")).changes.map(\.path) == [oats])
        // --since a day after both runs: nothing was checked since.
        #expect(try History.read(s.db, since: Day(iso: "2026-03-11")).compared == 0)
    }

    @Test func historyReportsAVerdictChangeOnAChangedRule() throws {
        let s = try Scratch()
        let beef = try s.copy("kz-pk-beef-qtta.yaml")
        // A copy of the rules in which Pakistan's halal rule is gone.
        let rules = s.dir + "/rules"
        try FileManager.default.copyItem(atPath: Checkout.root + "/rules", toPath: rules)
        let clock = TestClock("2026-03-09T18:00:00Z")
        _ = try recordBatch([beef], db: s.db, clock: clock)
        let halalFile = try #require(Checkout.workspace.ruleSet.rule(id: "pk-halal-meat")?.location.file)
        let path = s.dir + "/" + halalFile
        try s.edit(path) { text in
            // Make the halal rule a warning: the beef, missing only its halal certificate, becomes ready.
            guard let r = text.range(of: "- id: pk-halal-meat") else { return text }
            let rest = text[r.upperBound...]
            guard let sev = rest.range(of: "severity: error") else { return text }
            return text.replacingCharacters(in: sev, with: "severity: warning")
        }
        let changed = try Workspace.load(rulesDirectory: rules).get()
        #expect(changed.rulesDigest != Checkout.workspace.rulesDigest)
        clock.set("2026-03-10T07:30:00Z")
        _ = try recordBatch([beef], workspace: changed, db: s.db, clock: clock)
        let c = try #require(History.read(s.db).changes.first)
        #expect(c.before.verdict == "incomplete" && c.after.verdict == "ready")
        #expect(!c.reasons.contains("the manifest changed"))
        #expect(c.reasons.contains { $0.hasPrefix("the rules changed") })
        #expect(c.reasons.contains { $0 == "no longer required: Halal certificate" }, "\(c.reasons)")
    }

    @Test func aRecordIsABaseline() throws {
        let s = try Scratch()
        let oats = try s.copy("kz-pk-oats-qtta.yaml")
        _ = try recordBatch([oats], db: s.db, clock: TestClock("2026-03-09T18:00:00Z"))
        #expect(CheckRecord.isDatabase(s.db) && !CheckRecord.isDatabase(oats))
        let baseline = try CheckRecord.baseline(s.db)
        #expect(
            baseline.keys["KZ-PK-2026-1004"]?.contains("document|phytosanitary-certificate|expires-en-route") == true)
        let review = Review(baseline: baseline, today: Day(iso: "2026-03-10")!)
        let runner = BatchRunner(workspace: Checkout.workspace, options: BatchOptions(jobs: 1, review: review))
        var out: [UInt8] = []
        let summary = try runner.run([oats], write: { out += $0 })
        #expect(summary.exitStatus == 0)
        #expect(String(decoding: out, as: UTF8.self).contains("\"documents\":[]"))
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // The same bytes added in pieces of every awkward size, contiguous or not, and as `Data`.
        var pieces = SHA256()
        var start = 0
        for (n, size) in [1, 63, 64, 65, 7, 300, 500].enumerated() {
            let chunk = [UInt8](repeating: 0x61, count: min(size, 1000 - start))
            if n % 2 == 0 { pieces.add(chunk) } else { pieces.add(chunk.lazy.map { $0 }) }
            start += chunk.count
        }
        #expect(start == 1000)
        #expect(pieces.hex() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1000)) == SHA256.hex([UInt8](repeating: 0x61, count: 1000)))
    }
}
