import ArgumentParser
import Foundation
import TransitEngine

/// `transit-check corpus --count N --output DIR`: realistic generated manifests for benchmarks.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Write N generated manifests across the bundled corridors and trade flows.")

    @Option(help: "How many manifests.") var count: Int = 1000
    @Option(help: "Directory to write them to (created if needed).") var output: String
    @Option(help: "Seed: the same seed gives the same corpus.") var seed: UInt64 = 1
    @Option(help: "Share of broken manifests, 0 to 1.") var broken: Double = 0

    func run() throws {
        let generator = CorpusGenerator(seed: seed, brokenShare: broken)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let width = String(max(count - 1, 1)).count
        for i in 0..<count {
            let name = String(repeating: "0", count: max(0, width - String(i).count)) + String(i)
            try Data(generator.manifest(i).utf8).write(to: URL(fileURLWithPath: "\(output)/m\(name).yaml"))
        }
        Output.error("wrote \(count) manifests to \(output)")
    }
}
