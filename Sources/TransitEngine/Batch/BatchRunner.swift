import Foundation
import TransitCore

/// Checks many manifests with rules loaded once, in parallel, writing rows in input order as
/// they are done: memory holds at most 128 rows a thread, however large the corpus.
public struct BatchRunner: Sendable {
    public let workspace: Workspace
    public let options: BatchOptions
    public let renderer: BatchRenderer
    /// One evaluator (and so one journey and draw cache) per checking thread (the caller's is
    /// the first, `OrderedRows`), so that threads
    /// mostly read their own copies under their own locks. The other threads' caches ask the
    /// first thread's before making a value, so a batch usually makes each draw, journey and
    /// total once (two threads may both make one at the same moment; cost brackets stay per
    /// thread), however many threads share the work.
    private let evaluators: [Evaluator]

    public init(workspace: Workspace, options: BatchOptions) {
        self.workspace = workspace
        self.options = options
        renderer = BatchRenderer(
            format: options.format, full: options.full, bom: options.bom, review: options.review,
            rules: workspace.ruleSet)
        evaluators =
            [workspace.evaluator]
            + (1..<max(1, options.jobs)).map { _ in
                workspace.evaluator.worker()
            }
    }

    /// Runs over `inputs`; `write` receives output text in order; `progress` gets (done, total)
    /// after each window; `stop` is polled between windows (Ctrl-C).
    public func run(
        _ inputs: [String], write: ([UInt8]) throws -> Void, progress: (Int, Int) -> Void = { _, _ in },
        stop: () -> Bool = { false }, recorder: CheckRecorder? = nil
    ) throws -> BatchSummary {
        try run(PathList(inputs), write: write, progress: progress, stop: stop, recorder: recorder)
    }

    /// `recorder`, when given, receives every row in input order on this thread (`--record`);
    /// set `options.recording` so that the workers prepare the entries.
    public func run(
        _ inputs: PathList, write: ([UInt8]) throws -> Void, progress: (Int, Int) -> Void = { _, _ in },
        stop: () -> Bool = { false }, recorder: CheckRecorder? = nil
    ) throws -> BatchSummary {
        var summary = BatchSummary()
        let renderer = self.renderer
        try write(Array(renderer.header().utf8))
        let separator = Array(renderer.separator.utf8)
        // Progress and Ctrl-C are looked at once a window; threads run at most 128 rows a thread
        // ahead of the writer (about 256 KB of rows a thread; more ahead only holds more memory).
        let window = options.jobs * 256
        let recording = options.recording
        let rows = OrderedRows(count: inputs.count, jobs: options.jobs, ahead: options.jobs * 128) { i, thread in
            let path = inputs[i]
            let (outcome, hash) = self.check(path, thread: thread, hashing: recording)
            let row = BatchRow(file: path, outcome: outcome)
            var compact: CompactRow?
            var summary = RowSummary(outcome)
            if case .report(let r) = outcome, recording || renderer.format != .jsonl || !renderer.full {
                compact = CompactRow(r)
            }
            if recording {
                summary.record = RecordEntry(path: path, outcome: outcome, compact: compact, contentHash: hash)
            }
            let rendered = renderer.render(row, compact: compact)
            summary.open = rendered.open
            summary.cited = rendered.cited
            return (summary, rendered.text)
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
            if let recorder, let entry = row.record { try recorder.append(entry) }
            done += 1
            guard !text.isEmpty else { continue }
            if emitted { try write(separator) }
            emitted = true
            try write(text)
        }
        progress(done, inputs.count)
        try write(Array(renderer.footer(cited: summary.cited).utf8))
        return summary
    }

    func check(_ file: String, thread: Int, hashing: Bool) -> (CheckOutcome, String?) {
        guard options.parseOnly else {
            return workspace.check(file: file, options: options.check, evaluator: evaluators[thread], hashing: hashing)
        }
        switch workspace.loadShipment(file) {
        case .failure(let f): return (.invalid(file: file, diagnostics: f.diagnostics), nil)
        case .success: return (.invalid(file: file, diagnostics: []), nil)
        }
    }
}
