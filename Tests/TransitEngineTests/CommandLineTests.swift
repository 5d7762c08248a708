import Foundation
import Testing

/// The built `transit-check` run as a user runs it: exit statuses and outputs of the commands.
@Suite(.serialized) struct CommandLineTests {
    static let binary: String? = {
        let fm = FileManager.default
        let candidates =
            [Checkout.root + "/.build/debug/transit-check"]
            + ((try? fm.contentsOfDirectory(atPath: Checkout.root + "/.build")) ?? []).map {
                Checkout.root + "/.build/\($0)/debug/transit-check"
            }
        return candidates.first { fm.isExecutableFile(atPath: $0) }
    }()

    func run(_ args: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let bin = try #require(Self.binary, "build the package first: swift build")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: Checkout.root)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// A shell redirect to a full device: exit 2 with a message, never a crash (exit 132).
    @Test func aFullOutputDeviceIsExitTwo() throws {
        let bin = try #require(Self.binary)
        for command in [
            "'\(bin)' corridors list > /dev/full", "'\(bin)' check shipments/kz-pk-oats-qtta.yaml > /dev/full",
            "'\(bin)' check shipments/invalid/unknown-key.yaml 2> /dev/full",
        ] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", command]
            p.currentDirectoryURL = URL(fileURLWithPath: Checkout.root)
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 2, "\(command)")
        }
    }

    /// Every option with a fixed set of values is checked by the parser: a usage error, exit 2.
    @Test func aBadOptionValueIsAUsageError() throws {
        for args in [
            ["rules", "coverage", "shipments", "--format", "anything"], ["rules", "lint", "--format", "x"],
            ["batch", "shipments", "--format", "x"],
            ["corridors", "compare", "shipments/kz-pk-oats-qtta.yaml", "--by", "speed"],
            ["rules", "diff", "--draft", "rules/drafts/kz-pk-transit-agreement.yaml", "shipments", "--format", "pdf"],
        ] {
            #expect(try run(args).status == 2, "\(args)")
        }
    }

    @Test func anUnknownCorridorIsBadInput() throws {
        let r = try run(["check", "shipments/kz-pk-oats-qtta.yaml", "--corridor", "qtta-torugrt"])
        #expect(r.status == 2)
        #expect(r.err.contains("did you mean `qtta-torugart`?"))
        let batch = try run(["batch", "shipments/kz-pk-oats-qtta.yaml", "--corridor", "nope", "--quiet"])
        #expect(batch.status == 2)
        #expect(batch.out.isEmpty, "no rows for a corridor that does not exist")
    }

    @Test func placesAndDocumentsListTheCodesAManifestMayUse() throws {
        let places = try run(["places", "list", "--country", "KZ"])
        #expect(places.status == 0)
        #expect(places.out.contains("KZALA   KZ  city          Almaty"))
        #expect(!places.out.contains("PKKHI"))
        let json = try run(["places", "list", "--format", "json"])
        #expect(json.out.contains("\"id\": \"PKKHI\""))
        let documents = try run(["documents", "list"])
        #expect(documents.out.contains("import-declaration") && documents.out.contains("929"))
        #expect(try run(["documents", "list", "--format", "xml"]).status == 2)
    }

    @Test func checkExitStatusesFollowTheSpec() throws {
        #expect(try run(["check", "shipments/pk-kz-potatoes-qtta.yaml", "--format", "json"]).status == 0)
        #expect(try run(["check", "shipments/kz-pk-oats-qtta.yaml", "--format", "json"]).status == 1)
        #expect(try run(["check", "shipments/pk-kz-citrus-tap-road.yaml", "--format", "json"]).status == 1)
        let bad = try run(["check", "shipments/invalid/unknown-key.yaml"])
        #expect(bad.status == 2)
        let marker = Marker.all(
            in: try String(contentsOfFile: Checkout.root + "/shipments/invalid/unknown-key.yaml", encoding: .utf8))[0]
        #expect(
            bad.err.contains(
                "shipments/invalid/unknown-key.yaml:\(marker.line):\(marker.column): error: unknown key `consigne` in "
                    + "manifest [unknown-key]\n  help: did you mean `consignee`?"
            ))
        #expect(try run(["check", "--format", "xml", "shipments/pk-kz-potatoes-qtta.yaml"]).status == 2)
    }

    @Test func textOutputLeadsWithTheVerdict() throws {
        let r = try run(["check", "shipments/kz-pk-beef-qtta.yaml", "--format", "text"])
        let lines = r.out.split(separator: "\n")
        #expect(lines[1].hasPrefix("INCOMPLETE"))
        #expect(r.out.contains("✗ Halal certificate [missing] at import PK"))
        // Procedures are named by checkpoint kind; the text says at which place each one is.
        let potatoes = try run(["check", "shipments/pk-kz-potatoes-qtta.yaml", "--format", "text"]).out
        #expect(potatoes.contains("TIR carnet and seal check at transit (CNKJP)"))
        #expect(potatoes.contains("TIR carnet and seal check at transit (KGTRG)"))
    }

    @Test func rulesCommandsRun() throws {
        let test = try run(["rules", "test"])
        #expect(test.status == 0)
        #expect(test.out.hasSuffix(" passed, 0 failed\n"))
        #expect(try run(["rules", "lint"]).status == 0)
        #expect(try run(["rules", "explain", "tir-carnet"]).out.contains("source: TIR Convention 1975"))
        let diff = try run([
            "rules", "diff", "--draft", "rules/drafts/kz-pk-transit-agreement.yaml",
            "shipments/kz-pk-lentils-qtta.yaml", "--format", "json",
        ])
        #expect(diff.status == 0)
        #expect(diff.out.contains("\"verdict_after\": \"ready\""))
    }

    /// A scheduler's SIGTERM (Kubernetes before it kills a pod) stops the batch like Ctrl-C: the
    /// rows finished by then are written, as a complete file at PATH, and the exit is 143.
    @Test func aBatchStoppedBySIGTERMWritesWhatWasFinished() throws {
        let bin = try #require(Self.binary, "build the package first: swift build")
        let fm = FileManager.default
        let dir = NSTemporaryDirectory() + "tc-term-\(getpid())"
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        // Two jobs: worker threads busy for the whole batch must not keep the handler from running.
        p.arguments = ["batch", "-", "--jobs", "2", "--quiet", "--output", dir + "/out.jsonl"]
        p.currentDirectoryURL = URL(fileURLWithPath: Checkout.root)
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let count = 20_000  // far more than it checks before the signal
        input.fileHandleForWriting.write(
            Data(String(repeating: "shipments/pk-kz-potatoes-qtta.yaml\n", count: count).utf8))
        try input.fileHandleForWriting.close()
        // Signal once rows are being written (the signals are taken over before the first is).
        func written() -> Int {
            let tmp = (try? fm.contentsOfDirectory(atPath: dir))?.first { $0.hasSuffix(".tmp") }
            return tmp.flatMap { try? fm.attributesOfItem(atPath: dir + "/" + $0)[.size] as? Int } ?? 0
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, written() == 0 { usleep(20_000) }
        kill(p.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(60)
        while p.isRunning && Date() < stopBy { usleep(20_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL); Issue.record("the batch did not stop on SIGTERM") }
        p.waitUntilExit()
        #expect(p.terminationStatus == 143)
        let lines = try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 0 && lines.count < count && lines.count % 512 == 0, "whole windows of 256 rows a job")
        #expect(lines.allSatisfy { $0.hasPrefix("{\"row\":1,") && $0.hasSuffix("}") })
        #expect(try fm.contentsOfDirectory(atPath: dir) == ["out.jsonl"], "no temporary file left")
    }

    @Test func batchReadsPathsFromStandardInputAndExitsTwoOnBadInput() throws {
        let r = try run(
            ["batch", "-", "--format", "csv", "--quiet"],
            stdin: "shipments/pk-kz-potatoes-qtta.yaml\nshipments/invalid/bad-date.yaml\n")
        #expect(r.status == 2)
        #expect(r.out.split(separator: "\n").count == 3)
        #expect(r.err.isEmpty, "--quiet prints no summary")
    }
}
