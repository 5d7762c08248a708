import Foundation
import TransitCore

/// How a batch runs.
public struct BatchOptions: Sendable {
    public var jobs: Int
    public var format: BatchFormat
    public var check: CheckOptions
    /// Read and decode only (the YAML layer alone: each manifest read and decoded, not checked), for the benchmark.
    public var parseOnly: Bool
    /// `--full`: SPEC 4 reports per jsonl line instead of compact rows.
    public var full: Bool
    /// `--bom`: a UTF-8 byte order mark before the CSV.
    public var bom: Bool
    /// Baseline and waivers (`--baseline`, `--waivers`); nil shows every finding.
    public var review: Review?
    /// Whether rows are handed to a recorder (`--record`): each then carries its compact row,
    /// unreviewed, and the manifest's content hash.
    public var recording: Bool

    public init(
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, format: BatchFormat = .jsonl,
        check: CheckOptions = CheckOptions(), parseOnly: Bool = false, full: Bool = false, bom: Bool = false,
        review: Review? = nil, recording: Bool = false
    ) {
        self.jobs = max(1, jobs); self.format = format; self.check = check; self.parseOnly = parseOnly
        self.full = full; self.bom = bom; self.review = review; self.recording = recording
    }
}
