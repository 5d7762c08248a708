import Foundation
import Testing
import TransitCore
@testable import TransitEngine

/// What README promises, held so that breaking it fails a test.
@Suite struct ClaimsTests {
    let w = Checkout.workspace

    func load(_ file: String) throws -> Shipment { try w.loadShipment(Checkout.root + "/shipments/" + file).get() }

    /// "Every finding names the manifest file, line and column it is about" (or the rule or
    /// network file a route problem comes from).
    @Test func everyFindingNamesAFileLineAndColumn() throws {
        var reports: [Report] = []
        for file in Checkout.files(in: "shipments") {
            var s = try w.loadShipment(Checkout.root + "/" + file).get()
            reports.append(w.evaluator.check(s))
            s.corridor = nil  // the corridor-chosen note, and every other corridor's problems
            reports.append(w.evaluator.check(s))
            s.departure = Day(iso: "2027-01-10")!  // winter: closures
            reports.append(w.evaluator.check(s))
        }
        let unplaced = reports.flatMap { r in
            r.findings.filter { $0.location == nil }.map { "\(r.file): \($0.code) \($0.message)" }
        }
        #expect(unplaced.isEmpty, "\(unplaced.prefix(5))")
        #expect(reports.flatMap(\.findings).count > 100)
    }

    /// Expiry is judged at the p90 arrival at the checkpoint: a document that expires between
    /// the p50 and the p90 arrival expires en route.
    @Test func expiryIsJudgedAtTheP90Arrival() throws {
        // Oats by rail and road over Khunjerab: days between the p50 and the p90 arrival.
        var s = try load("kz-pk-oats-cpec-khunjerab.yaml")
        let journey = try w.evaluator.planner.plan(s, corridor: "cpec-khunjerab").get()
        let arrival = try #require(journey.checkpoints.last).arrivalHours
        let p50 = s.departure.adding(hours: arrival.p50), p90 = s.departure.adding(hours: arrival.p90)
        #expect(p90.ordinal - p50.ordinal >= 2, "a gap of days to put the expiry in")
        let i = try #require(s.documents.firstIndex { $0.type == "tir-carnet" })
        s.documents[i].expires = p50.adding(days: 1)
        let r = w.evaluator.check(s)
        #expect(r.checklist.first { $0.document == "tir-carnet" }?.status == .expiresEnRoute)
    }

    /// `--shard K/N` gives every process the same parts: the hash is FNV-1a, not Swift's
    /// per-process seeded hash.
    @Test func theShardOfAPathIsTheSameInEveryProcess() {
        #expect(Shard.fnv1a("shipments/kz-pk-oats-qtta.yaml") == Shard.fnv1a("shipments/kz-pk-oats-qtta.yaml"))
        #expect(Shard.fnv1a("") == 0xcbf29ce484222325)
        #expect(Shard.fnv1a("a") == 0xaf63dc4c8601ec8c)
        // A fixed assignment, worked out by hand with FNV-1a: any other hash moves some of them.
        let shards = (1...3).map { Shard("\($0)/3")! }
        let owners = ["incoming/a.yaml", "incoming/b.yaml", "incoming/c.yaml", "incoming/d.yaml"].map { p in
            shards.firstIndex { $0.contains(p) }!
        }
        #expect(owners == [0, 2, 2, 1])
    }

    /// `check --output` writes whole or not at all, and leaves no temporary behind; a temporary
    /// left by a killed run is removed by the next write.
    @Test func outputIsAtomicAndCleansUpAfterAKilledRun() throws {
        let dir = NSTemporaryDirectory() + "atomic-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stale = dir + "/.out.json.transit-check-2147483646.tmp"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("half".utf8)))
        try AtomicFile.write("{}\n", to: dir + "/out.json")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
        #expect(throws: (any Error).self) { try AtomicFile.write("{}\n", to: dir + "/missing/out.json") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
    }

    /// A batch killed with -9 leaves its temporary; the next batch writing the same file removes it.
    @Test func aBatchRemovesAKilledRunsTemporary() throws {
        let dir = NSTemporaryDirectory() + "batch-sink-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(
            FileManager.default.createFile(
                atPath: dir + "/.today.csv.transit-check-2147483646.tmp", contents: Data(count: 4096)))
        let sink = try BatchSink(path: dir + "/today.csv")
        try sink.write("file,verdict\n")
        try sink.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["today.csv"])
        #expect(try String(contentsOfFile: dir + "/today.csv", encoding: .utf8) == "file,verdict\n")
    }
}

@Suite struct LineDiffTests {
    @Test func aChangedLineIsShownWithItsNumber() {
        let d = LineDiff.describe(expected: "a\nb\nc\n", actual: "a\nB\nc\n")
        #expect(d.contains("- 2  b"))
        #expect(d.contains("+ 2  B"))
        #expect(d.contains("  1  a"))
    }
}
