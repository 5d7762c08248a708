import Foundation
import TransitCore
import TransitReports

/// The result of checking one manifest file: a report, or the load errors that stopped it.
public enum CheckOutcome: Sendable {
    case report(Report)
    case invalid(file: String, diagnostics: [Diagnostic])

    /// SPEC 5 exit status for this one input: 0 ready, 1 not ready, 2 bad input.
    public var exitStatus: Int32 {
        switch self {
        case .report(let r): return r.verdict == .ready ? 0 : 1
        case .invalid: return 2
        }
    }
}

extension Workspace {
    /// Loads and checks one manifest file (with `evaluator`, by default the workspace's own).
    public func check(file path: String, options: CheckOptions = CheckOptions(), evaluator: Evaluator? = nil) -> CheckOutcome {
        switch loadShipment(path) {
        case .failure(let f): return .invalid(file: path, diagnostics: f.diagnostics)
        case .success(let s): return .report((evaluator ?? self.evaluator).check(s, options: options))
        }
    }

    /// `check(file:)`, and with `hashing` the SHA-256 of the bytes it read (for the record).
    public func check(file path: String, options: CheckOptions = CheckOptions(), evaluator: Evaluator? = nil,
                      hashing: Bool) -> (CheckOutcome, String?) {
        guard hashing else { return (check(file: path, options: options, evaluator: evaluator), nil) }
        var hash: String?
        switch loadShipment(path, contentHash: &hash) {
        case .failure(let f): return (.invalid(file: path, diagnostics: f.diagnostics), hash)
        case .success(let s): return (.report((evaluator ?? self.evaluator).check(s, options: options)), hash)
        }
    }
}

/// The combined exit status of several outcomes: the worst of them.
public func exitStatus(_ outcomes: [CheckOutcome]) -> Int32 {
    outcomes.map(\.exitStatus).max() ?? 0
}

/// Writes a file atomically: to a temporary file beside it, renamed over it at the end, so an
/// interrupted run never leaves a half-written result.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try Data(text.utf8).write(to: tmp)
        if rename(tmp.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: tmp)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}

extension CheckOutcome {
    /// The report, if the manifest loaded.
    public var report: Report? {
        if case .report(let r) = self { return r }
        return nil
    }
}
