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
    public func check(
        file path: String, options: CheckOptions = CheckOptions(), evaluator: Evaluator? = nil
    ) -> CheckOutcome {
        switch loadShipment(path) {
        case .failure(let f): return .invalid(file: path, diagnostics: f.diagnostics)
        case .success(let s): return .report((evaluator ?? self.evaluator).check(s, options: options))
        }
    }

    /// `check(file:)`, and with `hashing` the SHA-256 of the bytes it read (for the record).
    public func check(
        file path: String, options: CheckOptions = CheckOptions(), evaluator: Evaluator? = nil,
        hashing: Bool
    ) -> (CheckOutcome, String?) {
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

/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over it. A failure (a full disk) removes the temporary; a temporary left by a run that
/// was killed is recognised by its name (`.NAME.transit-check-PID.tmp`, the PID no longer alive)
/// and removed by the next write of the same file.
public enum AtomicFile {
    static let marker = ".transit-check-"

    /// The temporary file this process writes `path` through.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent)\(marker)\(getpid()).tmp"
        ).path
    }

    /// Removes temporaries of `path` whose writer is gone.
    public static func removeStale(for path: String) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path, prefix = ".\(url.lastPathComponent)\(marker)"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(4)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// Writes `text` as UTF-8 to `path`, whole or not at all.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`, whole or not at all; throws when the temporary cannot be created or
    /// written, flushed or renamed.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        removeStale(for: path)
        let tmp = temporaryPath(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        var ok = bytes.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw CocoaError(.fileWriteOutOfSpace)
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
