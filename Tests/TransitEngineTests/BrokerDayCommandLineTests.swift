import Foundation
import Testing

/// Issue 18 as a broker and an analyst run it: the built binary, with the clock fixed by
/// TRANSIT_CHECK_NOW.
@Suite(.serialized) struct BrokerDayCommandLineTests {
    func run(_ args: [String], now: String = "2026-03-10T07:30:00Z") throws -> (status: Int32, out: String, err: String)
    {
        let bin = try #require(CommandLineTests.binary, "build the package first: swift build")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: Checkout.root)
        p.environment = ProcessInfo.processInfo.environment.merging(["TRANSIT_CHECK_NOW": now]) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func aBrokersDay() throws {
        let dir = NSTemporaryDirectory() + "tc-day-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let oats = dir + "/kz-pk-oats-qtta.yaml"
        try FileManager.default.copyItem(atPath: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml", toPath: oats)
        let db = dir + "/checks.db"
        let evening = try run(["batch", oats, "--record", db, "--quiet"], now: "2026-03-09T18:00:00Z")
        #expect(evening.status == 1 && evening.out.contains("\"verdict\":\"incomplete\""))
        // Overnight: a new certificate, valid to the end of the year; checked once more with `check`.
        var text = try String(contentsOfFile: oats, encoding: .utf8)
        let cert = try #require(text.range(of: "type: phytosanitary-certificate"))
        let expires = try #require(text.range(of: "expires: ", range: cert.upperBound..<text.endIndex))
        text.replaceSubrange(expires.upperBound..<text.index(expires.upperBound, offsetBy: 10), with: "2026-12-31")
        try text.write(toFile: oats, atomically: true, encoding: .utf8)
        let morning = try run(["check", oats, "--record", db, "--format", "json"])
        #expect(morning.status == 0)
        let history = try run(["history", db])
        #expect(history.status == 0)
        #expect(
            history.out.contains(
                "KZ-PK-2026-1004 (\(oats)): incomplete → ready  [2026-03-09T18:00:00Z → 2026-03-10T07:30:00Z]"),
            "\(history.out)")
        #expect(history.out.contains("document obtained: Phytosanitary certificate"))
        #expect(try run(["history", db, "--format", "csv"]).out.hasPrefix("path,id,verdict_before,verdict_after"))
        #expect(try run(["history", dir + "/none.db"]).status == 2)
        // A waiver for the halal certificate of the beef, then the same after it expired.
        let waivers = dir + "/waivers.yaml"
        try """
        waivers:
          - manifest: KZ-PK-2026-0230
            rule: pk-halal-meat
            reason: certificate on its way from the halal body, courier ref 5521
            who: a.khan
            expires: 2026-03-31
        """.write(toFile: waivers, atomically: true, encoding: .utf8)
        let beef = Checkout.root + "/shipments/kz-pk-beef-qtta.yaml"
        let waived = try run(["batch", beef, "--waivers", waivers, "--format", "csv", "--quiet"])
        #expect(waived.status == 0, "\(waived.err)")
        #expect(waived.out.contains("pk-halal-meat until 2026-03-31 (a.khan)"))
        let expired = try run(["batch", beef, "--waivers", waivers, "--quiet"], now: "2026-04-01T08:00:00Z")
        #expect(
            expired.status == 1 && expired.out.contains("waiver-expired")
                && expired.out.contains("\"id\":\"halal-certificate\""))
    }

    @Test func usageErrorsAndTheRulesExport() throws {
        #expect(try run(["batch", "shipments", "--bom", "--quiet"]).status == 2)
        #expect(try run(["batch", "shipments", "--format", "csv", "--full", "--quiet"]).status == 2)
        let export = try run(["rules", "export", "--format", "json"])
        #expect(export.status == 0)
        let o = try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as! [String: Any]
        #expect((o["rules"] as! [Any]).count > 30 && (o["rules_digest"] as! String).count == 64)
    }

    /// A draft that starts in the future is judged on its start date, and the output says so.
    @Test func aFutureDraftIsJudgedOnItsStartDate() throws {
        let text = try String(
            contentsOfFile: Checkout.root + "/rules/drafts/kz-pk-transit-agreement.yaml", encoding: .utf8
        )
        .replacingOccurrences(of: "status: draft\n", with: "status: draft\neffective: { from: 2027-01-01 }\n")
        let dated = NSTemporaryDirectory() + "future-draft-\(getpid()).yaml"
        try text.write(toFile: dated, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: dated) }
        let r = try run(["rules", "diff", "--draft", dated, "shipments/kz-pk-lentils-qtta.yaml"])
        #expect(r.err.contains("2027-01-01, the drafts' start date"))
        #expect(r.out.contains("shipments affected: 1") && r.out.contains("removed: 1"), "\(r.out)")
        let given = try run([
            "rules", "diff", "--draft", dated, "shipments/kz-pk-lentils-qtta.yaml", "--as-of", "2026-06-01",
        ])
        #expect(given.out.contains("shipments affected: 0"))
        let csv = try run(["rules", "diff", "--draft", dated, "shipments/kz-pk-lentils-qtta.yaml", "--format", "csv"])
        #expect(csv.out.split(separator: "\n").count == 2)
    }
}
