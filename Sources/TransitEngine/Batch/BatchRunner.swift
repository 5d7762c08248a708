import Foundation
import TransitCore

/// How a batch runs.
public struct BatchOptions: Sendable {
    public var jobs: Int
    public var format: BatchFormat
    public var check: CheckOptions
    /// Read and parse only (the YAML layer alone), for the benchmark's baseline.
    public var parseOnly: Bool
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, format: BatchFormat = .jsonl,
                check: CheckOptions = CheckOptions(), parseOnly: Bool = false) {
        self.jobs = max(1, jobs); self.format = format; self.check = check; self.parseOnly = parseOnly
    }
}

/// What a batch saw, for the summary on standard error.
public struct BatchSummary: Sendable {
    public var total = 0
    public var verdicts: [String: Int] = [:]
    public var missing: [String: Int] = [:]
    public var corridorHours: [String: (sum: Double, count: Int)] = [:]
    public var interrupted = false

    /// SPEC 5: 2 if any input was bad, else 1 if any was not ready, else 0.
    public var exitStatus: Int32 {
        if verdicts["error", default: 0] > 0 { return 2 }
        if verdicts["incomplete", default: 0] + verdicts["blocked", default: 0] > 0 { return 1 }
        return 0
    }

    mutating func count(_ row: RowSummary) {
        total += 1
        verdicts[row.verdict, default: 0] += 1
        for d in row.missing { missing[d, default: 0] += 1 }
        if let c = row.corridor, row.hours > 0 {
            let e = corridorHours[c] ?? (0, 0)
            corridorHours[c] = (e.sum + row.hours, e.count + 1)
        }
    }
}

/// What the summary needs of one row, kept instead of the whole report so a window stays small.
struct RowSummary: Sendable {
    var verdict: String
    var missing: [String] = []
    var corridor: String?
    var hours: Double = 0

    init(_ outcome: CheckOutcome) {
        switch outcome {
        case .invalid: verdict = "error"
        case .report(let r):
            verdict = r.verdict.rawValue
            missing = r.checklist.filter { $0.status.needsAction && $0.severity == .error }.map(\.document)
            corridor = r.corridor
            hours = r.estimate.timeHours.p50
        }
    }
}

/// Checks many manifests with rules loaded once, in parallel, writing rows in input order as
/// they are done: memory holds one window of rows, however large the corpus.
public struct BatchRunner: Sendable {
    public let workspace: Workspace
    public let options: BatchOptions
    /// One evaluator (and so one journey and draw cache) per worker thread: threads that share
    /// nothing mutable do not contend for locks or for the same reference counts.
    private let evaluators: [Evaluator]

    public init(workspace: Workspace, options: BatchOptions) {
        self.workspace = workspace
        self.options = options
        evaluators = [workspace.evaluator] + (1..<max(1, options.jobs)).map { _ in
            Evaluator(rules: workspace.ruleSet, network: workspace.evaluator.network)
        }
    }

    /// Runs over `inputs`; `write` receives output text in order; `progress` gets (done, total)
    /// after each window; `stop` is polled between windows (Ctrl-C).
    public func run(_ inputs: [String], write: ([UInt8]) throws -> Void, progress: (Int, Int) -> Void = { _, _ in },
                    stop: () -> Bool = { false }) rethrows -> BatchSummary {
        try run(PathList(inputs), write: write, progress: progress, stop: stop)
    }

    public func run(_ inputs: PathList, write: ([UInt8]) throws -> Void, progress: (Int, Int) -> Void = { _, _ in },
                    stop: () -> Bool = { false }) rethrows -> BatchSummary {
        var summary = BatchSummary()
        let format = options.format
        try write(Array(format.header(rules: workspace.ruleSet).utf8))
        let separator = Array(format.separator.utf8)
        let window = options.jobs * 256
        var emitted = false
        var start = 0
        while start < inputs.count {
            if stop() { summary.interrupted = true; break }
            let slice = Array(inputs[start..<min(start + window, inputs.count)])
            for (row, text) in process(slice) {
                summary.count(row)
                guard !text.isEmpty else { continue }
                if emitted { try write(separator) }
                emitted = true
                try write(text)
            }
            start += slice.count
            progress(start, inputs.count)
        }
        try write(Array(format.footer.utf8))
        return summary
    }

    /// Checks and renders a window of files on `jobs` threads; row i belongs to file i.
    func process(_ files: [String]) -> [(RowSummary, [UInt8])] {
        let jobs = min(options.jobs, files.count)
        let format = options.format
        let results = Slots<(RowSummary, [UInt8])>(count: files.count)
        defer { results.buffer.deallocate() }
        // Threads take the next few files as they finish, so a slow manifest does not hold up a thread's share.
        let next = Counter()
        let worker: @Sendable (Int) -> Void = { thread in
            while true {
                let start = next.take(8)
                guard start < files.count else { return }
                for i in start..<min(start + 8, files.count) {
                    let row = BatchRow(file: files[i], outcome: self.check(files[i], thread: thread))
                    results.put((RowSummary(row.outcome), format.row(row)), at: i)
                }
            }
        }
        if jobs <= 1 { worker(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: worker) }
        let rows = Array(results.buffer)
        _ = results.buffer.deinitialize()
        return rows
    }

    func check(_ file: String, thread: Int) -> CheckOutcome {
        guard options.parseOnly else { return workspace.check(file: file, options: options.check, evaluator: evaluators[thread]) }
        switch Files.readYAML(file, display: file, limits: Files.manifestLimits) {
        case .failure(let f): return .invalid(file: file, diagnostics: f.diagnostics)
        case .success: return .invalid(file: file, diagnostics: [])
        }
    }
}

/// Result slots that worker threads fill at disjoint indices.
private final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(count: Int) { buffer = .allocate(capacity: count) }
    func put(_ value: T, at i: Int) { (buffer.baseAddress! + i).initialize(to: value) }
}

/// A shared position in a list of work, taken a few items at a time.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += n
        return v
    }
}
