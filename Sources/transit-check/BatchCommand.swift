import ArgumentParser
import Dispatch
import Foundation
import TransitCore
import TransitEngine

/// `transit-check batch PATH...`: a day's manifests in one run, streamed, in input order.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Check many manifests: files, directories (recursively) and - for paths on standard input.",
        discussion: "Every input gets a row; bad manifests get verdict `error` with file:line:column. Exit 2 if any input was bad, 1 if any was not ready; 130 after Ctrl-C and 143 after SIGTERM, with the rows finished by then written.")

    @Argument(help: "Manifest files, directories, or - to read paths from standard input.") var paths: [String]
    @OptionGroup var rulesOptions: RulesOptions
    @Option(help: "Threads (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "jsonl, csv, junit or sarif.") var format: String = "jsonl"
    @Option(help: "Write to this file, atomically (a temporary file renamed at the end).") var output: String?
    @Option(help: "Check only shard K of N (K from 1 to N), chosen by a stable hash of each path.") var shard: String?
    @Option(help: "Use this corridor instead of each manifest's.") var corridor: String?
    @Option(name: .customLong("as-of"), help: "Judge rules as of this date (YYYY-MM-DD).") var asOf: DayArgument?
    @Flag(help: "No progress bar and no summary.") var quiet = false
    @Flag(name: .customLong("parse-only"), help: .hidden) var parseOnly = false

    func run() throws {
        guard let format = BatchFormat(rawValue: format) else {
            Output.error("--format must be one of: \(BatchFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        var selectedShard: Shard?
        if let shard {
            guard let s = Shard(shard) else { Output.error("--shard must be K/N with 1 <= K <= N, e.g. 2/8"); throw ExitCode(2) }
            selectedShard = s
        }
        let workspace = try rulesOptions.workspace()
        var inputs = BatchInputs.paths(paths)
        if let s = selectedShard { inputs = PathList(inputs.lazy.filter(s.contains)) }
        let runner = BatchRunner(workspace: workspace, options: BatchOptions(
            jobs: jobs, format: format, check: CheckOptions(asOf: asOf?.day, corridor: corridor), parseOnly: parseOnly))

        let sink: BatchSink
        do { sink = try BatchSink(path: output) } catch {
            Output.error("\(output ?? "-"): cannot create the output file: \(error)")
            throw ExitCode(2)
        }
        let interrupt = Interrupt()
        interrupt.onForcedExit { sink.removeTemporaryFile() }
        let progress = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let started = DispatchTime.now()
        let summary: BatchSummary
        do {
            summary = try runner.run(inputs, write: { try sink.write($0) }, progress: progress.update, stop: interrupt.requested)
            try sink.finish()
        } catch {
            sink.abandon()
            Output.error("batch: cannot write the output: \(error)")
            throw ExitCode(2)
        }
        progress.clear()
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            Output.error(BatchReport.summary(summary, seconds: seconds, jobs: jobs))
        }
        if summary.interrupted { throw ExitCode(interrupt.exitStatus) }
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}

/// Ctrl-C (SIGINT), or the SIGTERM a scheduler sends before it kills a job (Kubernetes, CI
/// runners), asks the batch to stop after the rows in progress and write what was finished.
/// A second signal removes the temporary output and exits at once.
final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var cleanup: () -> Void = {}
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.receive(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// What to undo if a second signal forces the exit.
    func onForcedExit(_ body: @escaping () -> Void) { lock.lock(); cleanup = body; lock.unlock() }

    private func receive(_ number: Int32) {
        lock.lock()
        let again = received != nil
        if !again { received = number }
        let undo = cleanup
        lock.unlock()
        if again { undo(); _exit(128 + number) }
    }

    func requested() -> Bool { lock.lock(); defer { lock.unlock() }; return received != nil }

    /// The shell's status for the signal that stopped the batch: 130 for Ctrl-C, 143 for SIGTERM.
    var exitStatus: Int32 { lock.lock(); defer { lock.unlock() }; return 128 + (received ?? SIGINT) }
}

/// `done/total, rate, time left` on a terminal's standard error.
final class ProgressBar {
    let enabled: Bool
    let started = DispatchTime.now()
    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let seconds = max(1e-3, Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        let rate = Double(done) / seconds
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30, filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)  \(Int(rate))/s  \(Int(left))s left ".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// The summary a batch prints on standard error.
enum BatchReport {
    static func summary(_ s: BatchSummary, seconds: Double, jobs: Int) -> String {
        var lines = ["transit-check batch: \(s.total) manifests in \(String(format: "%.2f", seconds)) s (\(Int(Double(s.total) / max(seconds, 1e-9)))/s, \(jobs) jobs)\(s.interrupted ? ", interrupted" : "")"]
        lines.append("  " + ["ready", "incomplete", "blocked", "error"].map { "\($0) \(s.verdicts[$0, default: 0])" }.joined(separator: "  "))
        let missing = s.missing.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
        if !missing.isEmpty { lines.append("  most often missing: " + missing.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        let slow = s.corridorHours.map { ($0.key, $0.value.sum / Double($0.value.count)) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(5)
        if !slow.isEmpty { lines.append("  slowest corridors (mean p50 days): " + slow.map { "\($0.0) \(String(format: "%.1f", $0.1 / 24))" }.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
