import Foundation
import TransitCore

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
