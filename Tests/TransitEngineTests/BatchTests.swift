import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import TransitCore
@testable import TransitEngine

@Suite struct BatchTests {
    static let inputs =
        Checkout.files(in: "shipments").map { Checkout.root + "/" + $0 }
        + [Checkout.root + "/shipments/invalid/bad-date.yaml", Checkout.root + "/shipments/missing-file.yaml"]

    func run(
        _ format: BatchFormat, jobs: Int = 2, inputs: [String] = inputs, stop: @escaping () -> Bool = { false }
    ) -> (String, BatchSummary) {
        let runner = BatchRunner(workspace: Checkout.workspace, options: BatchOptions(jobs: jobs, format: format))
        var out: [UInt8] = []
        let summary = try! runner.run(inputs, write: { out += $0 }, stop: stop)
        return (String(decoding: out, as: UTF8.self), summary)
    }

    @Test func jsonlHasOneLinePerInputInInputOrder() throws {
        let (out, summary) = run(.jsonl)
        let lines = out.split(separator: "\n")
        #expect(lines.count == Self.inputs.count)
        for (line, input) in zip(lines, Self.inputs) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect(object["file"] as? String == input)
        }
        #expect(summary.verdicts["error"] == 2)
        #expect(summary.exitStatus == 2, "a bad input makes the batch exit 2, after every row is written")
        #expect(lines.last!.contains("\"verdict\":\"error\""))
    }

    @Test func orderAndBytesDoNotDependOnJobs() {
        #expect(run(.jsonl, jobs: 1).0 == run(.jsonl, jobs: 4).0)
    }

    @Test func csvHasAHeaderAndARowPerInput() {
        let (out, _) = run(.csv)
        let rows = out.split(separator: "\n")
        #expect(
            rows.first?.hasPrefix(
                "file,id,shipper,consignee,origin,destination,departure,corridor,goods,verdict,blockers,"
                    + "documents_to_obtain,missing_documents"
            ) == true)
        #expect(rows.count == Self.inputs.count + 1)
        #expect(
            rows.contains {
                $0.contains("kz-pk-oats-qtta.yaml,KZ-PK-2026-1004,")
                    && $0.contains(
                        ",2026-06-01,qtta-torugart,\"1004.90 Oats, other than seed\",incomplete,,Phytosanitary "
                            + "certificate (expires-en-route),phytosanitary-certificate (expires-en-route),30,"
                    )
            })
        #expect(rows.last?.contains(",error,") == true)
    }

    @Test func csvQuotesAndDefusesFormulas() {
        #expect(BatchCSV.field("a,b") == "\"a,b\"")
        #expect(BatchCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(BatchCSV.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(BatchCSV.field("-12") == "-12")
    }

    @Test func junitIsWellFormedWithAFailurePerUnreadyShipment() throws {
        let (out, _) = run(.junit)
        let doc = try XMLDocument(data: Data(out.utf8))
        let cases = try doc.nodes(forXPath: "//testcase")
        #expect(cases.count == Self.inputs.count)
        #expect(try doc.nodes(forXPath: "//failure").count == expectedVerdicts.values.filter { $0 != .ready }.count)
        #expect(try doc.nodes(forXPath: "//error").count == 2)
    }

    @Test func sarifResultsPointAtFileLineAndColumn() throws {
        let (out, _) = run(.sarif)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        #expect(object["version"] as? String == "2.1.0")
        let run = (object["runs"] as! [[String: Any]])[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = run["results"] as! [[String: Any]]
        let bad = try #require(results.first { $0["ruleId"] as? String == "bad-date" })
        let region =
            (((bad["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"]
                as! [String: Int])
        #expect(region["startColumn"] == 12)
        #expect(
            results.contains { ($0["properties"] as? [String: Any])?["code"] as? String == "document-expires-en-route" }
        )
    }

    /// The packed path list gives back exactly the paths put in, in order, whatever their bytes.
    @Test func packedPathsRoundTrip() {
        let paths = ["shipments/a.yaml", "", "manifests/ünïcode/ПК-КЗ.yaml", "x", "/abs/path with spaces.yml"]
        let list = PathList(paths)
        #expect(list.count == paths.count)
        #expect(Array(list) == paths)
        #expect(Array(list[2..<4]) == Array(paths[2..<4]))
        #expect(PathList().isEmpty)
        var lines = ["  a.yaml ", "", "b.yaml", "\tc d.yaml\t", " ", "ПК.yaml\u{00A0}", "e.yaml"].makeIterator()
        #expect(
            Array(BatchInputs.paths(["-"], standardInput: { lines.next() })) == [
                "a.yaml", "b.yaml", "c d.yaml", "ПК.yaml", "e.yaml",
            ])
    }

    @Test func shardsCoverTheCorpusWithNoOverlap() {
        let corpus = (0..<500).map { "corpus/m\($0).yaml" }
        let n = 4
        let shards = (1...n).map { k in corpus.filter(Shard(index: k, count: n).contains) }
        #expect(shards.reduce(0) { $0 + $1.count } == corpus.count)
        #expect(Set(shards.flatMap { $0 }) == Set(corpus))
        #expect(shards.allSatisfy { $0.count > 60 }, "a stable hash spreads files over shards")
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("2/4") == Shard(index: 2, count: 4))
    }

    @Test func aStoppedBatchWritesWhatWasFinishedAndCloses() throws {
        let many = Array(repeating: Self.inputs[0], count: 600)
        var polls = 0
        let (out, summary) = run(
            .sarif, jobs: 1, inputs: many,
            stop: {
                polls += 1; return polls > 1
            })
        #expect(summary.interrupted)
        #expect(summary.total == 256, "one window of 256 rows at 1 job")
        _ = try JSONSerialization.jsonObject(with: Data(out.utf8))
        // With worker threads checking ahead, the stop still comes at a window's end, and the
        // workers are stopped and waited for before the batch returns.
        polls = 0
        let (parallel, stopped) = run(
            .jsonl, jobs: 2, inputs: many,
            stop: {
                polls += 1; return polls > 1
            })
        #expect(stopped.interrupted && stopped.total == 512)
        #expect(parallel.split(separator: "\n").count == 512)
    }

    /// Rows come out in input order however unevenly the threads finish them.
    @Test func orderedRowsKeepInputOrderUnderUnevenWork() {
        let rows = OrderedRows(count: 300, jobs: 3, ahead: 16) { i, _ in
            if i % 7 == 0 { usleep(UInt32(200 * (i % 5))) }
            return (RowSummary(.invalid(file: "m\(i)", diagnostics: [])), Array("\(i)".utf8))
        }
        var seen: [String] = []
        while let (_, text) = rows.next() { seen.append(String(decoding: text, as: UTF8.self)) }
        rows.finish()
        #expect(seen == (0..<300).map(String.init))
    }

    /// With 2 jobs, two threads check: the caller's (thread 0, which also writes) and one worker,
    /// so that no third thread takes a core from them.
    @Test func theCallersThreadIsOneOfTheJobs() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var threads: [Int: Set<UInt>] = [:]
            func add(_ thread: Int) {
                lock.lock(); threads[thread, default: []].insert(UInt(pthread_self())); lock.unlock()
            }
        }
        let seen = Seen()
        let rows = OrderedRows(count: 400, jobs: 2, ahead: 32) { i, thread in
            seen.add(thread)
            usleep(100)
            return (RowSummary(.invalid(file: "m\(i)", diagnostics: [])), Array("\(i)".utf8))
        }
        var count = 0
        while rows.next() != nil { count += 1 }
        rows.finish()
        #expect(count == 400)
        #expect(seen.threads.keys.sorted() == [0, 1])
        #expect(seen.threads[0] == [UInt(pthread_self())], "thread 0 is the caller's")
        #expect(seen.threads[1]?.count == 1 && seen.threads[1]?.contains(UInt(pthread_self())) == false)
    }

    @Test func anAbandonedOutputLeavesNoFile() throws {
        let dir = NSTemporaryDirectory() + "tc-batch-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.jsonl"
        let sink = try BatchSink(path: path)
        try sink.write(String(repeating: "x", count: 2 << 20))
        #expect(!FileManager.default.fileExists(atPath: path), "nothing at PATH while the batch runs")
        sink.abandon()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "the temporary file is gone too")
        let done = try BatchSink(path: path)
        try done.write("row\n")
        try done.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "row\n")
    }

    @Test func corpusGeneratorIsSeededAndValid() throws {
        let g = CorpusGenerator(seed: 7)
        #expect(g.manifest(3) == CorpusGenerator(seed: 7).manifest(3))
        #expect(g.manifest(3) != CorpusGenerator(seed: 8).manifest(3))
        for i in 0..<50 {
            let r = TransitYAMLDecode.manifest(g.manifest(i), vocabulary: Checkout.workspace.vocabulary)
            #expect(r, "generated manifest \(i) does not load")
        }
    }
}

import TransitYAML
enum TransitYAMLDecode {
    static func manifest(_ text: String, vocabulary: ManifestVocabulary) -> Bool {
        if case .success = ManifestDecoder.decode(text, file: "gen.yaml", vocabulary: vocabulary) { return true }
        return false
    }
}
