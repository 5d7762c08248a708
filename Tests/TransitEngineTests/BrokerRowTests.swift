import Foundation
import Testing
@testable import TransitCore
@testable import TransitEngine
import TransitReports

/// Issue 18: rows a broker can act on.
@Suite struct BrokerRowTests {
    static let bundled = Checkout.files(in: "shipments").map { Checkout.root + "/" + $0 }

    func run(_ options: BatchOptions, _ inputs: [String] = bundled) throws -> (String, BatchSummary) {
        let runner = BatchRunner(workspace: Checkout.workspace, options: options)
        var out: [UInt8] = []
        let summary = try runner.run(inputs, write: { out += $0 })
        return (String(decoding: out, as: UTF8.self), summary)
    }

    func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// Every rule id a compact row cites (documents, blockers, warnings).
    func citedRules(_ row: [String: Any]) -> Set<String> {
        var ids = Set<String>()
        for d in row["documents"] as? [[String: Any]] ?? [] { for r in d["rules"] as? [String] ?? [] { ids.insert(r) } }
        for k in ["blockers", "warnings"] {
            for i in row[k] as? [[String: Any]] ?? [] { if let r = i["rule"] as? String { ids.insert(r) } }
        }
        return ids
    }

    @Test func compactRowsHoldWhatABrokerActsOnAndCiteRulesByID() throws {
        let (out, _) = try run(BatchOptions(jobs: 2))
        let rows = try objects(out)
        #expect(rows.count == Self.bundled.count)
        let oats = try #require(rows.first { $0["id"] as? String == "KZ-PK-2026-1004" })
        for key in [
            "file", "id", "shipper", "consignee", "origin", "destination", "corridor", "departure", "verdict",
            "blockers",
            "documents", "warnings", "estimate", "goods",
        ] {
            #expect(oats[key] != nil, "compact row lacks \(key)")
        }
        #expect((oats["shipper"] as? [String: Any])?["name"] as? String == "Kostanay Grain Company LLP")
        #expect(oats["destination"] as? String == "PKLHE")
        let doc = try #require((oats["documents"] as? [[String: Any]])?.first)
        #expect(doc["id"] as? String == "phytosanitary-certificate" && doc["status"] as? String == "expires-en-route")
        #expect(doc["name"] as? String == "Phytosanitary certificate")
        #expect(
            (doc["rules"] as? [String])?.isEmpty == false && doc["issuer"] != nil && doc["lead_time_hours"] != nil
                && doc["cost_usd"] != nil)
        let estimate = try #require(oats["estimate"] as? [String: Any])
        #expect(estimate["cost_usd"] != nil && estimate["time_hours"] != nil && estimate["steps"] == nil)
        // Rules by id only: no legal sources, no checklist, no steps in a compact row.
        #expect(!out.contains("\"source\"") && !out.contains("\"checklist\"") && !out.contains("\"steps\""))
        let blocked = try #require(rows.first { $0["verdict"] as? String == "blocked" })
        #expect((blocked["blockers"] as? [[String: Any]])?.first?["code"] != nil)
    }

    @Test func compactRowsOfAGeneratedCorpusAreUnderTwoKilobytes() throws {
        let dir = NSTemporaryDirectory() + "tc-compact-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let g = CorpusGenerator(seed: 3)
        var files: [String] = []
        for i in 0..<200 {
            let path = dir + "/m\(i).yaml"
            try g.manifest(i).write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let (compact, _) = try run(BatchOptions(jobs: 1), files)
        let (full, _) = try run(BatchOptions(jobs: 1, full: true), files)
        let sizes = compact.split(separator: "\n").map(\.utf8.count).sorted()
        #expect(sizes.count == 200)
        // Generated manifests lack three to five documents each, every one a row entry of ~230 bytes.
        #expect(sizes[sizes.count / 2] < 2048, "median row \(sizes[sizes.count / 2]) bytes")
        #expect(sizes.last! < 4096, "largest row \(sizes.last!) bytes")
        #expect(full.utf8.count > 5 * compact.utf8.count, "--full keeps the whole SPEC 4 report")
    }

    @Test func fullKeepsTheSpec4ReportPerLine() throws {
        let (out, _) = try run(BatchOptions(jobs: 1, full: true), [Self.bundled[0]])
        let report = try #require(Checkout.workspace.check(file: Self.bundled[0]).report)
        #expect(Array(out.utf8) == JSONReport.line(report))
    }

    @Test func rulesExportListsEveryCitedRule() throws {
        let (out, _) = try run(BatchOptions(jobs: 2))
        let cited = try objects(out).reduce(into: Set<String>()) { $0.formUnion(citedRules($1)) }
        #expect(cited.count > 10)
        let export =
            try JSONSerialization.jsonObject(with: Data(RulesExport.json(Checkout.workspace.ruleSet, digest: "d").utf8))
            as! [String: Any]
        let rules = export["rules"] as! [[String: Any]]
        let exported = Set(rules.compactMap { $0["id"] as? String })
        #expect(cited.isSubset(of: exported), "not exported: \(cited.subtracting(exported))")
        let halal = try #require(rules.first { $0["id"] as? String == "pk-halal-meat" })
        #expect(halal["title"] != nil && halal["source"] != nil && halal["file"] != nil && halal["line"] != nil)
    }

    /// A document needed from two issuers (two checklist rows) is one document to obtain in the
    /// CSV and the batch summary.
    @Test func csvCountsAMissingDocumentOncePerManifest() throws {
        var report = try #require(
            Checkout.workspace.check(file: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml").report)
        let phyto = try #require(report.checklist.first { $0.document == "phytosanitary-certificate" })
        var second = phyto
        second.issuer = "plant-protection authority of KG"
        report.checklist.append(second)
        #expect(report.checklist.filter(\.isToObtain).count == 2)
        let line = BatchCSV.line(CompactRow(report))
        #expect(line.components(separatedBy: "Phytosanitary certificate").count == 2, "\(line)")
        #expect(line.components(separatedBy: "phytosanitary-certificate (").count == 2, "\(line)")
        var summary = BatchSummary()
        summary.count(RowSummary(.report(report)))
        #expect(summary.missing["phytosanitary-certificate"] == 1)
    }

    @Test func csvHasTheReadyToDispatchDateAndABOMWhenAsked() throws {
        let (plain, _) = try run(
            BatchOptions(jobs: 1, format: .csv), [Checkout.root + "/shipments/kz-pk-oats-qtta.yaml"])
        let (bom, _) = try run(
            BatchOptions(jobs: 1, format: .csv, bom: true), [Checkout.root + "/shipments/kz-pk-oats-qtta.yaml"])
        #expect(Array(bom.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(plain.hasPrefix("file,"))
        #expect(String(bom.dropFirst()) == plain)
        let lines = plain.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let report = try #require(
            Checkout.workspace.check(file: Checkout.root + "/shipments/kz-pk-oats-qtta.yaml").report)
        let ready = try #require(report.estimate.readyToDispatch)
        let cells = try #require(CSVTestParser.fields(String(lines[1])))
        #expect(cells.count == header.count)
        #expect(cells[header.firstIndex(of: "ready_to_dispatch")!] == ready.p50.description)
        #expect(cells[header.firstIndex(of: "shipper")!] == "Kostanay Grain Company LLP (KZ)")
    }

    @Test func sarifResultsSitAtTheManifestWithTheRuleFileRelated() throws {
        let flax = Checkout.root + "/shipments/kz-pk-flaxseed-tap-rail.yaml"
        let oats = Checkout.root + "/shipments/kz-pk-oats-qtta.yaml"
        let (out, _) = try run(BatchOptions(jobs: 1, format: .sarif), [flax, oats])
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let run = (object["runs"] as! [[String: Any]])[0]
        let results = run["results"] as! [[String: Any]]
        func location(_ r: [String: Any]) -> (String, Int?) {
            let p = ((r["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
            return (
                (p["artifactLocation"] as! [String: Any])["uri"] as! String,
                (p["region"] as? [String: Any])?["startLine"] as? Int
            )
        }
        // The blocked flax seed: at the manifest's corridor line, the network entry related.
        let blocked = try #require(
            results.first { ($0["properties"] as? [String: Any])?["code"] as? String == "link-planned" })
        let corridorLine =
            try String(contentsOfFile: flax, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("corridor:") }! + 1
        #expect(location(blocked) == (flax, corridorLine))
        #expect(
            ((blocked["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) != nil)
        // A document result: ruleId is the rule, located in the manifest, its rule file related.
        let phyto = try #require(
            results.first { ($0["properties"] as? [String: Any])?["code"] as? String == "document-expires-en-route" })
        let rule = try #require(Checkout.workspace.ruleSet.rule(id: phyto["ruleId"] as! String))
        #expect(location(phyto).0 == oats)
        let related = ((phyto["relatedLocations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
        #expect((related["artifactLocation"] as! [String: Any])["uri"] as? String == rule.location.file)
        // tool.driver.rules lists every ruleId that produced a result, with title and source.
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        let descriptors = driver["rules"] as! [[String: Any]]
        let listed = Set(descriptors.compactMap { $0["id"] as? String })
        #expect(Set(results.compactMap { $0["ruleId"] as? String }) == listed)
        let d = try #require(descriptors.first { $0["id"] as? String == rule.id })
        #expect((d["shortDescription"] as? [String: Any])?["text"] as? String == rule.title)
        #expect((d["properties"] as? [String: Any])?["source"] as? String == rule.source)
    }
}

/// Splits one CSV line (RFC 4180) into fields, for the tests.
enum CSVTestParser {
    static func fields(_ line: String) -> [String]? {
        var out: [String] = [], field = "", quoted = false, i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if quoted {
                if c == "\"" {
                    let n = line.index(after: i)
                    if n < line.endIndex && line[n] == "\"" { field.append("\""); i = n } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field); field = ""
            } else {
                field.append(c)
            }
            i = line.index(after: i)
        }
        out.append(field)
        return quoted ? nil : out
    }
}
