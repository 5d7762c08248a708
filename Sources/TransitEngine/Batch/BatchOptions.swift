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
