import Foundation
import TransitCore

/// How a batch runs.
public struct BatchOptions: Sendable {
    public var jobs: Int
    public var format: BatchFormat
    public var check: CheckOptions
    /// Read and decode only (the YAML layer alone: each manifest read and decoded, not checked), for the benchmark.
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
            missing = r.documentsToObtain.map(\.document)
            corridor = r.corridor
            hours = r.estimate.timeHours.p50
        }
    }
}

/// Checks many manifests with rules loaded once, in parallel, writing rows in input order as
/// they are done: memory holds a few rows a thread, however large the corpus.
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
        // Progress and Ctrl-C are looked at once a window; workers run at most 32 rows a thread
        // ahead of the writer (rows are ~16 KB; more ahead only holds more memory).
        let window = options.jobs * 256
        let rows = OrderedRows(count: inputs.count, jobs: options.jobs, ahead: options.jobs * 32) { i, thread in
            let row = BatchRow(file: inputs[i], outcome: self.check(inputs[i], thread: thread))
            return (RowSummary(row.outcome), format.row(row))
        }
        defer { rows.finish() }
        var emitted = false
        var done = 0
        while let (row, text) = rows.next() {
            if done % window == 0 {
                if done > 0 { progress(done, inputs.count) }
                if stop() { summary.interrupted = true; break }
            }
            summary.count(row)
            done += 1
            guard !text.isEmpty else { continue }
            if emitted { try write(separator) }
            emitted = true
            try write(text)
        }
        progress(done, inputs.count)
        try write(Array(format.footer.utf8))
        return summary
    }

    func check(_ file: String, thread: Int) -> CheckOutcome {
        guard options.parseOnly else { return workspace.check(file: file, options: options.check, evaluator: evaluators[thread]) }
        switch workspace.loadShipment(file) {
        case .failure(let f): return .invalid(file: file, diagnostics: f.diagnostics)
        case .success: return .invalid(file: file, diagnostics: [])
        }
    }
}

/// The rows of a batch handed out in input order while worker threads check the files ahead:
/// at most `ahead` rows wait to be written, so memory stays flat, and the writer never waits
/// for a whole window to finish, so threads do not idle at window ends and writing overlaps
/// checking. With one job the rows are made on the caller's thread as they are asked for.
final class OrderedRows: @unchecked Sendable {
    typealias Row = (RowSummary, [UInt8])
    private let make: @Sendable (_ index: Int, _ thread: Int) -> Row
    private let count: Int
    private let jobs: Int
    private let condition = NSCondition()
    private var ready: [Row?]
    /// The next index a worker claims, and the next one `next()` hands out.
    private var claimed = 0
    private var given = 0
    /// The row `next()` sleeps until; the worker that fills it wakes it.
    private var awaited = -1
    private var stopped = false
    private let workers = DispatchGroup()

    init(count: Int, jobs: Int, ahead: Int, make: @escaping @Sendable (Int, Int) -> Row) {
        self.count = count
        self.jobs = max(1, min(jobs, count))
        self.make = make
        ready = self.jobs > 1 ? Array(repeating: nil, count: max(ahead, self.jobs)) : []
        guard self.jobs > 1 else { return }
        // Threads of their own, not Dispatch's shared pool: workers that hold pool threads for
        // the whole batch would starve other work queued there (the Ctrl-C and SIGTERM handlers).
        for thread in 0..<self.jobs {
            workers.enter()
            Thread { self.work(thread); self.workers.leave() }.start()
        }
    }

    /// The next row in input order, or nil after the last.
    func next() -> Row? {
        guard jobs > 1 else {
            guard given < count else { return nil }
            given += 1
            return make(given - 1, 0)
        }
        condition.lock()
        defer { condition.unlock() }
        guard given < count else { return nil }
        let slot = given % ready.count
        while ready[slot] == nil {
            // Sleep until the last missing row of the next sixteen is in, not row by row: one
            // wake-up then hands over many rows, and the writer seldom preempts a worker.
            let end = min(given + 16, count, given + ready.count)
            awaited = (given..<end).last { ready[$0 % ready.count] == nil } ?? given
            condition.wait()
        }
        let row = ready[slot]
        ready[slot] = nil
        given += 1
        condition.broadcast()  // room for a worker waiting to claim more
        return row
    }

    /// Stops the workers after the rows they are checking, and waits for them.
    func finish() {
        guard jobs > 1 else { return }
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        workers.wait()
    }

    private func work(_ thread: Int) {
        while true {
            condition.lock()
            while !stopped && claimed < count && claimed >= given + ready.count { condition.wait() }
            guard !stopped && claimed < count else { condition.unlock(); return }
            // A few files at a time: fewer trips through the lock, and still no thread left
            // holding a large share when the others are done.
            let first = claimed
            let last = min(first + 4, count, given + ready.count)
            claimed = last
            condition.unlock()
            for i in first..<last {
                let row = make(i, thread)
                condition.lock()
                ready[i % ready.count] = row
                if i == awaited { condition.broadcast() }
                condition.unlock()
            }
        }
    }
}
