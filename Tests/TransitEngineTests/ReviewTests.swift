import Foundation
import Testing
@testable import TransitCore
@testable import TransitEngine
import TransitReports

/// Issue 18: a baseline shows only what is new; a waiver silences a finding until it expires.
@Suite struct ReviewTests {
    static let oats = Checkout.root + "/shipments/kz-pk-oats-qtta.yaml"
    static let beef = Checkout.root + "/shipments/kz-pk-beef-qtta.yaml"

    func run(
        _ inputs: [String], review: Review?, format: BatchFormat = .jsonl
    ) throws -> ([[String: Any]], BatchSummary, String) {
        let runner = BatchRunner(
            workspace: Checkout.workspace, options: BatchOptions(jobs: 1, format: format, review: review))
        var out: [UInt8] = []
        let summary = try runner.run(inputs, write: { out += $0 })
        let text = String(decoding: out, as: UTF8.self)
        guard format == .jsonl else { return ([], summary, text) }
        return (
            try text.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }, summary, text
        )
    }

    func documents(_ row: [String: Any]) -> [String] {
        (row["documents"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// A copy of the oats manifest without its commercial invoice: one finding more.
    func oatsMissingADocument(in dir: String) throws -> String {
        let text = try String(contentsOfFile: Self.oats, encoding: .utf8)
        // Drop the commercial invoice (a document every shipment needs).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("type: commercial-invoice") }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
        let path = dir + "/kz-pk-oats-qtta.yaml"
        try (lines[..<start] + lines[end...]).joined(separator: "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aBaselineHidesOldFindingsAndShowsNewOnes() throws {
        let (before, _, _) = try run([Self.oats], review: nil)
        #expect(documents(before[0]) == ["phytosanitary-certificate"])
        let rows = [CompactRow(try #require(Checkout.workspace.check(file: Self.oats).report))]
        let baseline = Baseline(rows: rows)
        // The same manifest against its own baseline: nothing new, and the batch passes.
        let (same, summary, _) = try run(
            [Self.oats], review: Review(baseline: baseline, today: Day(iso: "2026-03-01")!))
        #expect(
            documents(same[0]).isEmpty && (same[0]["warnings"] as? [Any])?.isEmpty == true
                && (same[0]["baselined"] as? Int ?? 0) >= 2)
        #expect(same[0]["verdict"] as? String == "incomplete", "the verdict stays what the rules say")
        #expect(summary.exitStatus == 0)
        // The manifest loses a document: only that one shows, and the batch fails.
        let dir = NSTemporaryDirectory() + "tc-baseline-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let edited = try oatsMissingADocument(in: dir)
        let (after, failing, _) = try run([edited], review: Review(baseline: baseline, today: Day(iso: "2026-03-01")!))
        #expect(documents(after[0]) == ["commercial-invoice"])
        #expect(failing.exitStatus == 1)
        // Without a baseline both show.
        let (all, _, _) = try run([edited], review: nil)
        #expect(Set(documents(all[0])) == ["commercial-invoice", "phytosanitary-certificate"])
    }

    @Test func aBaselineFileIsABatchsJSONLOutput() throws {
        let (_, _, jsonl) = try run([Self.oats, Self.beef], review: nil)
        let path = NSTemporaryDirectory() + "tc-baseline-\(getpid()).jsonl"
        try jsonl.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let baseline = try ReviewFiles.baseline(jsonl: path).get()
        let fromRows = Baseline(
            rows: [Self.oats, Self.beef].map { CompactRow(Checkout.workspace.check(file: $0).report!) })
        #expect(baseline == fromRows)
        #expect(
            baseline.keys["KZ-PK-2026-1004"]?.contains("document|phytosanitary-certificate|expires-en-route") == true)
    }

    @Test func aWaiverSilencesItsFindingUntilItExpiresAndNotAfter() throws {
        let rule = try #require(
            Checkout.workspace.check(file: Self.oats).report?.documentsToObtain.first?.rules.first?.id)
        let waiver = Waiver(
            manifest: "KZ-PK-2026-10*", rule: rule, reason: "certificate reissued, ref 88", who: "a.khan",
            expires: Day(iso: "2026-03-31")!, location: SourceLocation(file: "waivers.yaml", line: 2, column: 5))
        // Before expiry (and on the last day): silenced, named in the row, and the batch passes.
        for today in ["2026-03-01", "2026-03-31"] {
            let (rows, summary, _) = try run([Self.oats], review: Review(waivers: [waiver], today: Day(iso: today)!))
            #expect(documents(rows[0]).isEmpty, "on \(today)")
            #expect((rows[0]["waived"] as? [[String: Any]])?.first?["who"] as? String == "a.khan")
            #expect(rows[0]["expired_waivers"] == nil)
            #expect(summary.exitStatus == 0)
        }
        // The day after: the finding shows again, and the expired waiver is a finding itself.
        let (rows, summary, _) = try run([Self.oats], review: Review(waivers: [waiver], today: Day(iso: "2026-04-01")!))
        #expect(documents(rows[0]) == ["phytosanitary-certificate"])
        let expired = try #require((rows[0]["expired_waivers"] as? [[String: Any]])?.first)
        #expect(expired["code"] as? String == "waiver-expired" && expired["file"] as? String == "waivers.yaml")
        #expect(summary.exitStatus == 1)
        // A waiver for another manifest silences nothing.
        var other = waiver
        other.manifest = "PK-KZ-*"
        let (untouched, _, _) = try run([Self.oats], review: Review(waivers: [other], today: Day(iso: "2026-03-01")!))
        #expect(documents(untouched[0]) == ["phytosanitary-certificate"])
    }

    @Test func anExpiredWaiverIsASARIFResultAtTheManifest() throws {
        let rule = try #require(
            Checkout.workspace.check(file: Self.oats).report?.documentsToObtain.first?.rules.first?.id)
        let waiver = Waiver(
            manifest: "*oats*", rule: rule, reason: "r", who: "w", expires: Day(iso: "2026-01-01")!,
            location: SourceLocation(file: "waivers.yaml", line: 7, column: 5))
        let (_, _, text) = try run(
            [Self.oats], review: Review(waivers: [waiver], today: Day(iso: "2026-02-01")!), format: .sarif)
        let run =
            ((try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0]
        let results = run["results"] as! [[String: Any]]
        #expect(results.contains { $0["ruleId"] as? String == "waiver-expired" })
    }

    @Test func waiversFilesAreCheckedWithLineAndColumn() throws {
        let dir = NSTemporaryDirectory() + "tc-waivers-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = dir + "/good.yaml"
        try """
        waivers:
          - manifest: "KZ-PK-*"
            rule: pk-plant-import-permit
            reason: DPP permit applied for, reference 4411
            who: a.khan@broker.example
            expires: 2026-04-30
        """.write(toFile: good, atomically: true, encoding: .utf8)
        let waivers = try ReviewFiles.waivers(good, rules: Checkout.workspace.ruleSet).get()
        #expect(waivers.count == 1 && waivers[0].expires == Day(iso: "2026-04-30") && waivers[0].location?.line == 2)
        let bad = dir + "/bad.yaml"
        try """
        waivers:
          - manifest: "KZ-PK-*"
            rule: pk-plant-import-permt
            reason: r
            who: w
            expire: 2026-04-30
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        guard case .failure(let f) = ReviewFiles.waivers(bad, rules: Checkout.workspace.ruleSet) else {
            Issue.record("bad file loaded"); return
        }
        #expect(
            f.diagnostics.contains { $0.code == "unknown-key" && $0.location?.line == 6 && $0.location?.column == 5 })
        #expect(f.diagnostics.contains { $0.code == "missing-key" })
    }

    @Test func globsMatchIdsAndFiles() {
        #expect(Glob.matches("KZ-PK-*", "KZ-PK-2026-1004"))
        #expect(!Glob.matches("KZ-PK-*", "PK-KZ-2026-0042"))
        #expect(Glob.matches("shipments/*.yaml", "shipments/a/b.yaml"))
        #expect(Glob.matches("GEN-1-?", "GEN-1-7") && !Glob.matches("GEN-1-?", "GEN-1-17"))
        #expect(Glob.matches("GEN-[0-2]-*", "GEN-2-9") && !Glob.matches("GEN-[0-2]-*", "GEN-3-9"))
        #expect(Glob.matches("exact", "exact") && !Glob.matches("exact", "exactly"))
    }
}
